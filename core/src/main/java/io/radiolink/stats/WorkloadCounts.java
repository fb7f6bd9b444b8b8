package io.radiolink.stats;

import java.io.Serializable;

/**
 * What the workload did besides starting flows, in a replication's window (or summed over replications).
 *
 * @param arrivalsSkippedTerminalBusy arrivals that started no flow because the subscriber's terminal was
 *     still running one
 */
public record WorkloadCounts(long arrivalsSkippedTerminalBusy) implements Serializable {

    /** Nothing skipped. */
    public static final WorkloadCounts ZERO = new WorkloadCounts(0);

    /** Checks that no count is negative. */
    public WorkloadCounts {
        if (arrivalsSkippedTerminalBusy < 0) {
            throw new IllegalArgumentException("arrivalsSkippedTerminalBusy must be >= 0, was "
                    + arrivalsSkippedTerminalBusy);
        }
    }

    /** The count-by-count sum. */
    public WorkloadCounts plus(WorkloadCounts other) {
        return new WorkloadCounts(arrivalsSkippedTerminalBusy + other.arrivalsSkippedTerminalBusy);
    }
}
