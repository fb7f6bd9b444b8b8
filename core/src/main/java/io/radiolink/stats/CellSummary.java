package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * One radio cell across replications: summed attempts and estimates of its per-replication measures.
 *
 * @param channels the cell's number of channels
 * @param attempts connection attempts in the windows, summed
 * @param blockedAttempts blocked attempts, summed
 * @param blockingProbability the estimate of the blocking probability
 * @param meanHoldingSeconds the estimate of the mean channel holding time
 * @param meanBusyChannels the estimate of the time-weighted mean number of busy channels
 * @param outages outages of the cell's station that began in the windows, summed
 * @param downShare the estimate of the share of the window the station was down
 */
public record CellSummary(int channels, long attempts, long blockedAttempts, Estimate blockingProbability,
        Estimate meanHoldingSeconds, Estimate meanBusyChannels, long outages, Estimate downShare)
        implements Serializable {

    /** Checks the counts and for nulls. */
    public CellSummary {
        if (channels < 1 || attempts < 0 || blockedAttempts < 0 || blockedAttempts > attempts) {
            throw new IllegalArgumentException("need channels >= 1 and 0 <= blockedAttempts <= attempts, was "
                    + channels + ", " + blockedAttempts + " of " + attempts);
        }
        Objects.requireNonNull(blockingProbability, "blockingProbability");
        Objects.requireNonNull(meanHoldingSeconds, "meanHoldingSeconds");
        Objects.requireNonNull(meanBusyChannels, "meanBusyChannels");
        Objects.requireNonNull(downShare, "downShare");
    }
}
