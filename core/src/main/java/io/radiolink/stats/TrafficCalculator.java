package io.radiolink.stats;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;

/** The units the counted flows put on the air, per direction, and their data frames; counted by start time. */
public final class TrafficCalculator extends Calculator<Traffic> implements FlowListener {

    private long uplinkUnitsSent;
    private long uplinkUnitsLost;
    private long uplinkRetransmissions;
    private long uplinkUnitsCorrupted;
    private long downlinkUnitsSent;
    private long downlinkUnitsLost;
    private long downlinkRetransmissions;
    private long downlinkUnitsCorrupted;
    private long dataFramesSent;
    private long dataFramesRetransmitted;

    /** A calculator counting in {@code window}. */
    public TrafficCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        if (!inWindow(record.startSeconds())) {
            return;
        }
        uplinkUnitsSent += record.uplinkUnitsSent();
        uplinkUnitsLost += record.uplinkUnitsLost();
        uplinkRetransmissions += record.uplinkRetransmissions();
        uplinkUnitsCorrupted += record.uplinkUnitsCorrupted();
        downlinkUnitsSent += record.downlinkUnitsSent();
        downlinkUnitsLost += record.downlinkUnitsLost();
        downlinkRetransmissions += record.downlinkRetransmissions();
        downlinkUnitsCorrupted += record.downlinkUnitsCorrupted();
        dataFramesSent += record.dataFramesSent();
        dataFramesRetransmitted += record.dataFramesRetransmitted();
    }

    @Override
    Traffic result() {
        return new Traffic(
                new DirectionCounts(uplinkUnitsSent, uplinkUnitsLost, uplinkRetransmissions, uplinkUnitsCorrupted),
                new DirectionCounts(downlinkUnitsSent, downlinkUnitsLost, downlinkRetransmissions,
                        downlinkUnitsCorrupted),
                dataFramesSent, dataFramesRetransmitted);
    }
}
