package io.radiolink.simulation;

import io.radiolink.radio.CellListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.RadioCell;
import io.radiolink.radio.Side;
import io.radiolink.radio.share.ShareStatistics;
import java.util.List;

/** Several cell listeners as one: each event goes to every listener, in the order given. */
final class CellListeners implements CellListener {

    private final List<CellListener> listeners;

    CellListeners(CellListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void attempted(RadioCell cell, boolean blocked, double timeSeconds) {
        for (CellListener l : listeners) {
            l.attempted(cell, blocked, timeSeconds);
        }
    }

    @Override
    public void channelSeized(RadioCell cell, double timeSeconds) {
        for (CellListener l : listeners) {
            l.channelSeized(cell, timeSeconds);
        }
    }

    @Override
    public void channelReleased(RadioCell cell, double heldSeconds, double timeSeconds) {
        for (CellListener l : listeners) {
            l.channelReleased(cell, heldSeconds, timeSeconds);
        }
    }

    @Override
    public void accessAttempt(RadioCell cell, boolean collided, double timeSeconds) {
        for (CellListener l : listeners) {
            l.accessAttempt(cell, collided, timeSeconds);
        }
    }

    @Override
    public void stationDown(RadioCell cell, double timeSeconds) {
        for (CellListener l : listeners) {
            l.stationDown(cell, timeSeconds);
        }
    }

    @Override
    public void stationUp(RadioCell cell, double timeSeconds) {
        for (CellListener l : listeners) {
            l.stationUp(cell, timeSeconds);
        }
    }

    @Override
    public void shareClosed(RadioCell cell, Connection<?> connection, Side sender, ShareStatistics statistics,
            double timeSeconds) {
        for (CellListener l : listeners) {
            l.shareClosed(cell, connection, sender, statistics, timeSeconds);
        }
    }
}
