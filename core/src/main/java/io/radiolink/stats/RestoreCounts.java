package io.radiolink.stats;

import java.io.Serializable;

/**
 * Restores the workload started at one kind of place (the station that took the backup, or another), that
 * ended in the window, and how many of them did not succeed.
 *
 * @param restores restores counted, >= 0
 * @param failed those that did not succeed, in [0, {@code restores}]
 */
public record RestoreCounts(long restores, long failed) implements Serializable {

    /** No restores. */
    public static final RestoreCounts ZERO = new RestoreCounts(0, 0);

    /** Checks the counts. */
    public RestoreCounts {
        if (restores < 0 || failed < 0 || failed > restores) {
            throw new IllegalArgumentException("need 0 <= failed (" + failed + ") <= restores (" + restores + ")");
        }
    }

    /** With one more restore, {@code succeeded} or not. */
    RestoreCounts plusOne(boolean succeeded) {
        return new RestoreCounts(restores + 1, succeeded ? failed : failed + 1);
    }

    /** The share of the restores that did not succeed, NaN if there were none. */
    public double failureShare() {
        return restores == 0 ? Double.NaN : (double) failed / restores;
    }

    /** The count-by-count sum. */
    public RestoreCounts plus(RestoreCounts other) {
        return new RestoreCounts(restores + other.restores, failed + other.failed);
    }
}
