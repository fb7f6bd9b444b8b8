package io.radiolink.workload;

/** Observes what the workload generator does besides starting flows; must not throw. */
public interface WorkloadListener {

    /** A listener that ignores everything. */
    WorkloadListener NONE = new WorkloadListener() {};

    /**
     * A backup arrival picked a subscriber whose terminal was still running a flow, so no flow
     * started (a phone runs one flow at a time).
     */
    default void arrivalSkippedTerminalBusy(String stationId, double timeSeconds) {}
}
