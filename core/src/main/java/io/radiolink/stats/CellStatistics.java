package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * One radio cell's channel use over a replication's observation window.
 *
 * @param channels the cell's number of channels
 * @param attempts the connection attempts made in the window
 * @param blockedAttempts of those, the attempts that found every channel busy
 * @param holdingSeconds the holding times of the channels seized in the window (and released before the
 *     collector finished)
 * @param meanBusyChannels the time-weighted mean number of busy channels over the window
 * @param outages the outages of the cell's station that began in the window
 * @param downShare the time-weighted share of the window the station was down, in [0, 1]
 * @param preambleTransmissions random-access preambles sent in the window (0 without contention)
 * @param preambleCollisions of those, preambles that collided
 */
public record CellStatistics(int channels, long attempts, long blockedAttempts,
        StatisticalSummaryValues holdingSeconds, double meanBusyChannels, long outages, double downShare,
        long preambleTransmissions, long preambleCollisions) implements Serializable {

    /** Checks the counts. */
    public CellStatistics {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        }
        if (attempts < 0 || blockedAttempts < 0 || blockedAttempts > attempts) {
            throw new IllegalArgumentException("need 0 <= blockedAttempts <= attempts, was " + blockedAttempts
                    + " of " + attempts);
        }
        Objects.requireNonNull(holdingSeconds, "holdingSeconds");
        if (!(meanBusyChannels >= 0.0)) {
            throw new IllegalArgumentException("meanBusyChannels must be >= 0, was " + meanBusyChannels);
        }
        if (preambleTransmissions < 0 || preambleCollisions < 0 || preambleCollisions > preambleTransmissions) {
            throw new IllegalArgumentException("need 0 <= preambleCollisions <= preambleTransmissions, was "
                    + preambleCollisions + " of " + preambleTransmissions);
        }
        if (outages < 0 || !(downShare >= 0.0 && downShare <= 1.0)) {
            throw new IllegalArgumentException("need outages >= 0 and downShare in [0, 1], was " + outages + ", "
                    + downShare);
        }
    }

    /** A cell whose station never went down. */
    public CellStatistics(int channels, long attempts, long blockedAttempts, StatisticalSummaryValues holdingSeconds,
            double meanBusyChannels) {
        this(channels, attempts, blockedAttempts, holdingSeconds, meanBusyChannels, 0, 0.0, 0, 0);
    }

    /** The share of preambles that collided, NaN if none was sent. */
    public double collisionProbability() {
        return preambleTransmissions == 0 ? Double.NaN : (double) preambleCollisions / preambleTransmissions;
    }

    /** Attempts that got a channel. */
    public long admittedAttempts() {
        return attempts - blockedAttempts;
    }

    /** Blocked attempts per attempt, NaN if there were no attempts. */
    public double blockingProbability() {
        return attempts == 0 ? Double.NaN : (double) blockedAttempts / attempts;
    }

    /** The mean holding time, NaN if no channel seized in the window was released. */
    public double meanHoldingSeconds() {
        return holdingSeconds.getMean();
    }
}
