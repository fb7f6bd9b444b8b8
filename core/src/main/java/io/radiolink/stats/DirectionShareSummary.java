package io.radiolink.stats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One direction of one shared cell across replications: its counts summed and the estimates of the
 * per-replication values of {@link DirectionShare} (replication/deletion: the mean of the replications'
 * values with its Student-t interval). The throughput percentiles are thus the mean over replications of
 * each replication's percentile, not a percentile of every replication's connections pooled.
 *
 * @param counts the counted connections of every replication, summed
 * @param utilisation the estimate of the direction's utilisation
 * @param carriedLoad the estimate of its carried load
 * @param meanActiveUsers the estimate of its time-average number of connections with something queued
 * @param meanThroughputBitsPerSecond the estimate of the mean per-connection throughput
 * @param throughputP5BitsPerSecond the estimate of the 5th percentile
 * @param throughputP50BitsPerSecond the estimate of the median
 * @param throughputP95BitsPerSecond the estimate of the 95th percentile
 * @param fairnessIndex the estimate of Jain's index
 */
public record DirectionShareSummary(ShareCounts counts, Estimate utilisation, Estimate carriedLoad,
        Estimate meanActiveUsers,
        Estimate meanThroughputBitsPerSecond, Estimate throughputP5BitsPerSecond, Estimate throughputP50BitsPerSecond,
        Estimate throughputP95BitsPerSecond, Estimate fairnessIndex) implements Serializable {

    /** Checks for nulls. */
    public DirectionShareSummary {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(utilisation, "utilisation");
        Objects.requireNonNull(carriedLoad, "carriedLoad");
        Objects.requireNonNull(meanActiveUsers, "meanActiveUsers");
        Objects.requireNonNull(meanThroughputBitsPerSecond, "meanThroughputBitsPerSecond");
        Objects.requireNonNull(throughputP5BitsPerSecond, "throughputP5BitsPerSecond");
        Objects.requireNonNull(throughputP50BitsPerSecond, "throughputP50BitsPerSecond");
        Objects.requireNonNull(throughputP95BitsPerSecond, "throughputP95BitsPerSecond");
        Objects.requireNonNull(fairnessIndex, "fairnessIndex");
    }

    /** The summary of {@code perReplication} (not empty) at {@code confidence}. */
    static DirectionShareSummary of(List<DirectionShare> perReplication, double confidence) {
        ShareCounts counts = perReplication.stream().map(DirectionShare::counts).reduce(ShareCounts.ZERO, ShareCounts::plus);
        return new DirectionShareSummary(counts,
                estimate(perReplication, DirectionShare::utilisation, confidence),
                estimate(perReplication, DirectionShare::carriedLoad, confidence),
                estimate(perReplication, DirectionShare::meanActiveUsers, confidence),
                estimate(perReplication, DirectionShare::meanThroughputBitsPerSecond, confidence),
                estimate(perReplication, DirectionShare::throughputP5BitsPerSecond, confidence),
                estimate(perReplication, DirectionShare::throughputP50BitsPerSecond, confidence),
                estimate(perReplication, DirectionShare::throughputP95BitsPerSecond, confidence),
                estimate(perReplication, DirectionShare::fairnessIndex, confidence));
    }

    private static Estimate estimate(List<DirectionShare> perReplication, ToDoubleFunction<DirectionShare> value,
            double confidence) {
        return Estimate.of(perReplication, value, confidence);
    }
}
