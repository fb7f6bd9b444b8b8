package io.radiolink.stats;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.workload.WorkloadListener;
import java.util.HashMap;
import java.util.Map;

/**
 * What the workload did besides starting flows: arrivals that found their terminal busy, by their time;
 * the restores it started, joined to their downloads' records by the replacement phone's number and
 * counted, as flows are, by their start in the window: same-cell if the download's station is the one
 * that takes the subscriber's backups, cross-cell otherwise. It must be told of the flows' ends too.
 */
public final class WorkloadCalculator extends Calculator<WorkloadCounts> implements WorkloadListener, FlowListener {

    /** A replacement number's home station and how many of its restores are running. */
    private static final class Pending {
        final String homeStationId;
        int running;

        Pending(String homeStationId) {
            this.homeStationId = homeStationId;
        }
    }

    private long arrivalsSkipped;
    /** The restores running, by replacement number; looked up only, never iterated. */
    private final Map<PhoneNumber, Pending> restoresRunning = new HashMap<>();
    private RestoreCounts sameCell = RestoreCounts.ZERO;
    private RestoreCounts crossCell = RestoreCounts.ZERO;

    /** A calculator counting in {@code window}. */
    public WorkloadCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void arrivalSkippedTerminalBusy(String stationId, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            arrivalsSkipped++;
        }
    }

    @Override
    public void restoreStarting(PhoneNumber replacement, String homeStationId) {
        requireOpen();
        restoresRunning.computeIfAbsent(replacement, number -> new Pending(homeStationId)).running++;
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        Pending pending = record.kind() == FlowKind.DOWNLOAD ? restoresRunning.get(record.terminalNumber()) : null;
        if (pending == null) {
            return;
        }
        if (--pending.running == 0) {
            restoresRunning.remove(record.terminalNumber());
        }
        if (inWindow(record.startSeconds())) {
            boolean succeeded = record.outcome().isSuccess();
            if (record.stationId().equals(pending.homeStationId)) {
                sameCell = sameCell.plusOne(succeeded);
            } else {
                crossCell = crossCell.plusOne(succeeded);
            }
        }
    }

    @Override
    WorkloadCounts result() {
        return new WorkloadCounts(arrivalsSkipped, sameCell, crossCell);
    }
}
