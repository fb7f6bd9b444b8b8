package io.radiolink.stats;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;

/** The units the counted flows put on the air, per direction, and their data frames; counted by start time. */
public final class TrafficCalculator extends Calculator<Traffic> implements FlowListener {

    private Traffic traffic = Traffic.ZERO;

    /** A calculator counting in {@code window}. */
    public TrafficCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        if (inWindow(record.startSeconds())) {
            traffic = traffic.plus(new Traffic(record.uplink(), record.downlink(), record.data()));
        }
    }

    @Override
    Traffic result() {
        return traffic;
    }
}
