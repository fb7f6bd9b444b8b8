package io.radiolink.stats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The stores' occupancy across replications: the estimate of its time-weighted mean, its largest peak
 * and the lost copies summed.
 *
 * @param meanBytes the estimate of the time-weighted mean occupancy, every store together
 * @param peakBytes the largest peak of any replication
 * @param counts the replications' lost and expired copies, summed
 */
public record StorageSummary(Estimate meanBytes, long peakBytes, StorageCounts counts) implements Serializable {

    /** Checks the peak and for nulls. */
    public StorageSummary {
        Objects.requireNonNull(meanBytes, "meanBytes");
        if (peakBytes < 0) {
            throw new IllegalArgumentException("peakBytes must be >= 0, was " + peakBytes);
        }
        Objects.requireNonNull(counts, "counts");
    }

    /** The summary of {@code perReplication}, in the order given, at {@code confidence}. */
    static StorageSummary of(List<StorageOccupancy> perReplication, double confidence) {
        long peak = 0;
        StorageCounts counts = StorageCounts.ZERO;
        for (StorageOccupancy storage : perReplication) {
            peak = Math.max(peak, storage.peakBytes());
            counts = counts.plus(storage.counts());
        }
        return new StorageSummary(Estimate.of(perReplication, StorageOccupancy::meanBytes, confidence), peak, counts);
    }
}
