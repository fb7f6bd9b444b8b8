package io.radiolink.stats;

import io.radiolink.workload.WorkloadListener;

/** What the workload did besides starting flows: arrivals that found their terminal busy, by their time. */
public final class WorkloadCalculator extends Calculator<WorkloadCounts> implements WorkloadListener {

    private long arrivalsSkipped;

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
    WorkloadCounts result() {
        return new WorkloadCounts(arrivalsSkipped);
    }
}
