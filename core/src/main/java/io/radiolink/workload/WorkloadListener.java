package io.radiolink.workload;

import io.radiolink.node.PhoneNumber;

/** Observes what the workload generator does besides starting flows; must not throw. */
public interface WorkloadListener {

    /** A listener that ignores everything. */
    WorkloadListener NONE = new WorkloadListener() {};

    /**
     * A backup arrival picked a subscriber whose terminal was still running a flow, so no flow
     * started (a phone runs one flow at a time).
     */
    default void arrivalSkippedTerminalBusy(String stationId, double timeSeconds) {}

    /**
     * The workload is about to start a restore onto a replacement phone numbered {@code replacement}, of a
     * subscriber whose backups station {@code homeStationId} takes; the download's record names the
     * replacement's number and the station the restore started at. Told before the flow starts, as it may
     * end at once.
     */
    default void restoreStarting(PhoneNumber replacement, String homeStationId) {}
}
