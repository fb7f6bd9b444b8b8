package io.radiolink.stats;

import java.io.Serializable;

/**
 * The base stations' authentication decisions in a replication's observation window (or summed over
 * replications).
 *
 * @param rejections requests rejected for a wrong password or proof, or a first backup's enrolment that did not verify
 * @param rejectionsWhileLocked requests rejected because their number was locked out
 * @param lockouts numbers locked out after too many failed attempts
 */
public record AuthStatistics(long rejections, long rejectionsWhileLocked, long lockouts) implements Serializable {

    /** No rejections, no lock-outs. */
    public static final AuthStatistics ZERO = new AuthStatistics(0, 0, 0);

    /** Checks that no count is negative. */
    public AuthStatistics {
        if (rejections < 0 || rejectionsWhileLocked < 0 || lockouts < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + rejections + ", " + rejectionsWhileLocked
                    + ", " + lockouts);
        }
    }

    /** The sum of this and {@code other}. */
    public AuthStatistics plus(AuthStatistics other) {
        return new AuthStatistics(rejections + other.rejections, rejectionsWhileLocked + other.rejectionsWhileLocked,
                lockouts + other.lockouts);
    }
}
