package io.radiolink.stats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The estimates over replications of where the generated restores started ({@link WorkloadCounts}): the
 * share started at another station than the backup's, and the failure share of each kind of restore.
 *
 * @param crossCellShare the estimate of {@link WorkloadCounts#crossCellShare}
 * @param sameCellFailureShare the estimate of the failure share of same-cell restores
 * @param crossCellFailureShare the estimate of the failure share of cross-cell restores
 */
public record RelocationSummary(Estimate crossCellShare, Estimate sameCellFailureShare,
        Estimate crossCellFailureShare) implements Serializable {

    /** Checks for nulls. */
    public RelocationSummary {
        Objects.requireNonNull(crossCellShare, "crossCellShare");
        Objects.requireNonNull(sameCellFailureShare, "sameCellFailureShare");
        Objects.requireNonNull(crossCellFailureShare, "crossCellFailureShare");
    }

    /** The summary of {@code perReplication}, in the order given, at {@code confidence}. */
    public static RelocationSummary of(List<WorkloadCounts> perReplication, double confidence) {
        return new RelocationSummary(Estimate.of(perReplication, WorkloadCounts::crossCellShare, confidence),
                Estimate.of(perReplication, w -> w.sameCellRestores().failureShare(), confidence),
                Estimate.of(perReplication, w -> w.crossCellRestores().failureShare(), confidence));
    }
}
