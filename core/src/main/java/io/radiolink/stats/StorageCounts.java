package io.radiolink.stats;

import java.io.Serializable;

/**
 * The copies every store together lost in a replication's window, without anybody asking: of one
 * replication in {@link StorageOccupancy}, summed over replications in {@link StorageSummary}.
 *
 * @param copiesLost committed copies volatile stores lost in outages
 * @param bytesLost their bytes
 * @param copiesExpired committed copies removed because their retention period ended
 */
public record StorageCounts(long copiesLost, long bytesLost, long copiesExpired) implements Serializable {

    /** Nothing lost. */
    public static final StorageCounts ZERO = new StorageCounts(0, 0, 0);

    /** Checks that no count is negative. */
    public StorageCounts {
        if (copiesLost < 0 || bytesLost < 0 || copiesExpired < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + copiesLost + ", " + bytesLost + ", "
                    + copiesExpired);
        }
    }

    /** The count-by-count sum. */
    public StorageCounts plus(StorageCounts other) {
        return new StorageCounts(copiesLost + other.copiesLost, bytesLost + other.bytesLost,
                copiesExpired + other.copiesExpired);
    }
}
