package io.radiolink.stats;

import java.io.Serializable;

/**
 * The bytes held by every base station's store together (committed copies plus staging reservations)
 * over a replication's observation window.
 *
 * @param meanBytes the time-weighted mean over the window
 * @param peakBytes the largest value in force at any time of the window, including the value it opened with
 * @param endBytes the value at the window's end, after every change at that time
 * @param copiesLost committed copies volatile stores lost in outages in the window
 * @param bytesLost their bytes
 * @param copiesExpired committed copies removed in the window because their retention period ended
 */
public record StorageOccupancy(double meanBytes, long peakBytes, long endBytes, long copiesLost, long bytesLost,
        long copiesExpired) implements Serializable {

    /** Checks that no value is negative. */
    public StorageOccupancy {
        if (!(meanBytes >= 0.0) || peakBytes < 0 || endBytes < 0 || copiesLost < 0 || bytesLost < 0
                || copiesExpired < 0) {
            throw new IllegalArgumentException("occupancy must be >= 0: " + meanBytes + ", " + peakBytes + ", "
                    + endBytes + ", " + copiesLost + ", " + bytesLost);
        }
    }

    /** Occupancy of stores that lost nothing. */
    public StorageOccupancy(double meanBytes, long peakBytes, long endBytes) {
        this(meanBytes, peakBytes, endBytes, 0, 0, 0);
    }
}
