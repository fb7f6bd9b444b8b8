package io.radiolink.stats;

import io.radiolink.node.AuthListener;
import io.radiolink.node.PhoneNumber;

/** The stations' rejections and lock-outs; counted by their time. */
public final class AuthCalculator extends Calculator<AuthStatistics> implements AuthListener {

    private long rejections;
    private long rejectionsWhileLocked;
    private long lockouts;

    /** A calculator counting in {@code window}. */
    public AuthCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            if (locked) {
                rejectionsWhileLocked++;
            } else {
                rejections++;
            }
        }
    }

    @Override
    public void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            lockouts++;
        }
    }

    @Override
    AuthStatistics result() {
        return new AuthStatistics(rejections, rejectionsWhileLocked, lockouts);
    }
}
