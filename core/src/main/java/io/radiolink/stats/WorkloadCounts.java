package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the workload did besides starting flows, in a replication's window (or summed over replications).
 *
 * @param arrivalsSkippedTerminalBusy arrivals that started no flow because the subscriber's terminal was
 *     still running one
 * @param sameCellRestores the generated restores started at the station that took the backup
 * @param crossCellRestores the generated restores started at another station
 */
public record WorkloadCounts(long arrivalsSkippedTerminalBusy, RestoreCounts sameCellRestores,
        RestoreCounts crossCellRestores) implements Serializable {

    /** Nothing skipped, no restores. */
    public static final WorkloadCounts ZERO = new WorkloadCounts(0, RestoreCounts.ZERO, RestoreCounts.ZERO);

    /** Checks that no count is negative. */
    public WorkloadCounts {
        if (arrivalsSkippedTerminalBusy < 0) {
            throw new IllegalArgumentException("arrivalsSkippedTerminalBusy must be >= 0, was "
                    + arrivalsSkippedTerminalBusy);
        }
        Objects.requireNonNull(sameCellRestores, "sameCellRestores");
        Objects.requireNonNull(crossCellRestores, "crossCellRestores");
    }

    /** The share of the counted restores that started at another station, NaN if none was counted. */
    public double crossCellShare() {
        long all = sameCellRestores.restores() + crossCellRestores.restores();
        return all == 0 ? Double.NaN : (double) crossCellRestores.restores() / all;
    }

    /** The count-by-count sum. */
    public WorkloadCounts plus(WorkloadCounts other) {
        return new WorkloadCounts(arrivalsSkippedTerminalBusy + other.arrivalsSkippedTerminalBusy,
                sameCellRestores.plus(other.sameCellRestores), crossCellRestores.plus(other.crossCellRestores));
    }
}
