package io.radiolink.stats;

import java.io.Serializable;

/**
 * The counts of a radio cell's window: of one cell in one replication in {@link CellStatistics}, summed
 * over replications in {@link CellSummary}, or over every cell ({@code cellTotals()} of a result).
 *
 * @param attempts the connection attempts made in the window
 * @param blockedAttempts of those, the attempts that found every channel busy
 * @param outages the outages of the cell's station that began in the window
 * @param preambleTransmissions random-access preambles sent in the window (0 without contention)
 * @param preambleCollisions of those, preambles that collided
 */
public record CellCounts(long attempts, long blockedAttempts, long outages, long preambleTransmissions,
        long preambleCollisions) implements Serializable {

    /** Nothing counted. */
    public static final CellCounts ZERO = new CellCounts(0, 0, 0, 0, 0);

    /** Checks the counts. */
    public CellCounts {
        if (attempts < 0 || blockedAttempts < 0 || blockedAttempts > attempts) {
            throw new IllegalArgumentException("need 0 <= blockedAttempts <= attempts, was " + blockedAttempts
                    + " of " + attempts);
        }
        if (outages < 0) {
            throw new IllegalArgumentException("outages must be >= 0, was " + outages);
        }
        if (preambleTransmissions < 0 || preambleCollisions < 0 || preambleCollisions > preambleTransmissions) {
            throw new IllegalArgumentException("need 0 <= preambleCollisions <= preambleTransmissions, was "
                    + preambleCollisions + " of " + preambleTransmissions);
        }
    }

    /** Attempts that got a channel. */
    public long admittedAttempts() {
        return attempts - blockedAttempts;
    }

    /** Blocked attempts per attempt, NaN if there were no attempts. */
    public double blockingProbability() {
        return attempts == 0 ? Double.NaN : (double) blockedAttempts / attempts;
    }

    /** The share of preambles that collided, NaN if none was sent. */
    public double collisionProbability() {
        return preambleTransmissions == 0 ? Double.NaN : (double) preambleCollisions / preambleTransmissions;
    }

    /** The count-by-count sum. */
    public CellCounts plus(CellCounts other) {
        return new CellCounts(attempts + other.attempts, blockedAttempts + other.blockedAttempts,
                outages + other.outages, preambleTransmissions + other.preambleTransmissions,
                preambleCollisions + other.preambleCollisions);
    }
}
