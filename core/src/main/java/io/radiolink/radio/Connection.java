package io.radiolink.radio;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import io.radiolink.random.RandomStreams;
import java.util.Objects;

/**
 * An established radio connection: it holds one channel of a cell and a link per direction (in a
 * shared cell, the channel is one of the cell's connected terminals and each link sends through the
 * cell's shared direction), and ends by release (either side asks; it takes the cell's release delay) or by a radio
 * link failure (exponential time from establishment).
 *
 * <p>Units in flight when a release starts or the link drops are discarded: they never arrive.
 *
 * <p>Every unit sent is reported to its sender's {@link Departure} exactly once. The dedicated links
 * queue nothing (a unit handed over while the transmitter is busy is given its start at once), so they
 * report each departure before {@code send} returns. A link whose capacity is shared can report it only
 * when the unit left; units of such a link still waiting to leave when the connection stops sending (a
 * release starts, the link drops, the station goes down) are discarded and reported departed at that
 * moment, as a unit sent afterwards is, so that no sender waits for a departure that never comes.
 *
 * @param <T> the type of unit carried
 */
public final class Connection<T> {

    private enum State { OPEN, RELEASING, CLOSED }

    private final RadioCell cell;
    private final long sequence;
    private final double seizedAtSeconds;
    private final double establishedAtSeconds;
    private final Scheduler scheduler;
    private final Link<T> uplink;
    private final Link<T> downlink;
    private Endpoint<T> terminalSide;
    private Endpoint<T> stationSide;
    private ScheduledAction dropTimer;
    private State state = State.OPEN;

    /** Connection {@code sequence} of {@code cell}; its links draw from {@code streams} (see {@link Link}). */
    Connection(RadioCell cell, long sequence, double seizedAtSeconds, Scheduler scheduler, RandomStreams streams,
            AirListener listener) {
        this.cell = cell;
        this.sequence = sequence;
        this.scheduler = scheduler;
        this.seizedAtSeconds = seizedAtSeconds;
        this.establishedAtSeconds = scheduler.nowSeconds();
        AirInterface air = cell.airInterface();
        // After cell and sequence are set: the links key their streams by them.
        this.uplink = new Link<>(this, Side.TERMINAL, air.uplink(), streams, this::arriveAtStation, scheduler,
                listener);
        this.downlink = new Link<>(this, Side.STATION, air.downlink(), streams, this::arriveAtTerminal, scheduler,
                listener);
    }

    /** Binds the station's side, which accepted the connection; done once, by the cell, at establishment. */
    void attachStation(Endpoint<T> station) {
        if (stationSide != null) {
            throw new IllegalStateException("connection " + this + " already has its station side");
        }
        this.stationSide = Objects.requireNonNull(station, "station");
    }

    /** Binds the terminal's side; done once, by whoever asked for the connection, when it is established. */
    public void attachTerminal(Endpoint<T> terminal) {
        if (terminalSide != null) {
            throw new IllegalStateException("connection " + this + " already has its terminal side");
        }
        this.terminalSide = Objects.requireNonNull(terminal, "terminal");
    }

    void armRadioLinkFailure(double delaySeconds) {
        if (delaySeconds < Double.POSITIVE_INFINITY) {
            dropTimer = scheduler.schedule(delaySeconds, this::drop);
        }
    }

    /**
     * Sends a unit of {@code bytes} from the terminal and tells {@code departure} when its last bit
     * leaves ({@link Departure}: exactly once; on this dedicated link before the call returns, after the
     * unit's arrival is posted). A unit sent once a release started or the link dropped is discarded
     * (the bearer is gone) and departs now. A sender that arms no timer on the unit passes
     * {@link Departure#NONE}.
     */
    public <U extends T> void sendUplink(int bytes, U unit, Departure<? super U> departure) {
        send(uplink, bytes, unit, departure, false);
    }

    /** Sends a unit of {@code bytes} from the station, as {@link #sendUplink} does from the terminal. */
    public <U extends T> void sendDownlink(int bytes, U unit, Departure<? super U> departure) {
        send(downlink, bytes, unit, departure, false);
    }

    /**
     * Sends a data frame of a transfer (a frame that carries user data, first send or repair) from the
     * terminal, as {@link #sendUplink} does; the link counts it in {@link Link#dataFramesSent}.
     */
    public <U extends T> void sendUplinkData(int bytes, U frame, Departure<? super U> departure) {
        send(uplink, bytes, frame, departure, true);
    }

    /** Sends a data frame of a transfer from the station, as {@link #sendUplinkData} does from the terminal. */
    public <U extends T> void sendDownlinkData(int bytes, U frame, Departure<? super U> departure) {
        send(downlink, bytes, frame, departure, true);
    }

    private <U extends T> void send(Link<T> link, int bytes, U unit, Departure<? super U> departure, boolean data) {
        if (state == State.OPEN) {
            link.transmit(bytes, unit, departure, data);
        } else {
            departure.departed(unit, scheduler.nowSeconds());
        }
    }

    /** True until a release starts or the link drops: units can be sent. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /**
     * Starts releasing the connection on behalf of {@code initiator}; after the cell's release delay
     * the channel is free and both sides learn it (the station first). Does nothing if the connection
     * is already releasing or closed.
     */
    public void release(Side initiator) {
        if (state != State.OPEN) {
            return;
        }
        state = State.RELEASING;
        stopSending();
        cancelDropTimer();
        ConnectionEnd end = initiator == Side.TERMINAL
                ? ConnectionEnd.RELEASED_BY_TERMINAL : ConnectionEnd.RELEASED_BY_STATION;
        scheduler.post(cell.airInterface().releaseDelaySeconds(), () -> close(end));
    }

    private void drop() {
        if (state == State.OPEN) {
            dropTimer = null;
            close(ConnectionEnd.DROPPED);
        }
    }

    /** The station went down: the connection ends at once, also if a release was under way. */
    void stationDown() {
        if (state != State.CLOSED) {
            cancelDropTimer();
            close(ConnectionEnd.STATION_DOWN);
        }
    }

    private void close(ConnectionEnd end) {
        if (state == State.CLOSED) {
            return; // a release that was under way when the station went down
        }
        state = State.CLOSED;
        stopSending(); // a drop or the station's outage; after a release, done already
        cell.channelFreed(this, end);
        stationSide.connectionEnded(end);
        terminalSide.connectionEnded(end);
    }

    /** Shared links discard their waiting units (departed now) and close their queues, uplink first. */
    private void stopSending() {
        uplink.stopSending();
        downlink.stopSending();
    }

    private void cancelDropTimer() {
        if (dropTimer != null) {
            dropTimer.cancel();
            dropTimer = null;
        }
    }

    private void arriveAtStation(T unit, boolean damaged) {
        if (state == State.OPEN) {
            deliver(stationSide, unit, damaged);
        }
    }

    private void arriveAtTerminal(T unit, boolean damaged) {
        if (state == State.OPEN) {
            deliver(terminalSide, unit, damaged);
        }
    }

    private static <T> void deliver(Endpoint<T> side, T unit, boolean damaged) {
        side.receive(unit, damaged);
    }

    /** The terminal-to-station link. */
    public Link<T> uplink() {
        return uplink;
    }

    /** The link {@code sender} sends on. */
    public Link<T> link(Side sender) {
        return switch (sender) {
            case TERMINAL -> uplink;
            case STATION -> downlink;
        };
    }

    /** The station-to-terminal link. */
    public Link<T> downlink() {
        return downlink;
    }

    /** The cell this connection holds a channel of. */
    public RadioCell cell() {
        return cell;
    }

    /** When the attempt that became this connection seized its channel (the start of set-up). */
    public double seizedAtSeconds() {
        return seizedAtSeconds;
    }

    /** When the connection was established. */
    public double establishedAtSeconds() {
        return establishedAtSeconds;
    }

    /** This connection's number within its cell, counting from 0. */
    public long sequence() {
        return sequence;
    }

    @Override
    public String toString() {
        return cell.id() + "#" + sequence;
    }
}
