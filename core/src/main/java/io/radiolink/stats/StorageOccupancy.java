package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * The bytes held by every base station's store together (committed copies plus staging reservations)
 * over a replication's observation window, and the copies the stores lost.
 *
 * @param meanBytes the time-weighted mean over the window
 * @param peakBytes the largest value in force at any time of the window, including the value it opened with
 * @param endBytes the value at the window's end, after every change at that time
 * @param counts the copies lost in outages and expired in the window
 */
public record StorageOccupancy(double meanBytes, long peakBytes, long endBytes, StorageCounts counts)
        implements Serializable {

    /** Checks that no value is negative. */
    public StorageOccupancy {
        if (!(meanBytes >= 0.0) || peakBytes < 0 || endBytes < 0) {
            throw new IllegalArgumentException("occupancy must be >= 0: " + meanBytes + ", " + peakBytes + ", "
                    + endBytes);
        }
        Objects.requireNonNull(counts, "counts");
    }

    /** Occupancy of stores that lost nothing. */
    public StorageOccupancy(double meanBytes, long peakBytes, long endBytes) {
        this(meanBytes, peakBytes, endBytes, StorageCounts.ZERO);
    }
}
