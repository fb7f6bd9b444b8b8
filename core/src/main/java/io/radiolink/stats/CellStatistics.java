package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * One radio cell's channel use over a replication's observation window: its counts, and the holding
 * times, busy channels and down time of which {@link CellSummary} estimates the per-replication means.
 *
 * @param channels the cell's number of channels
 * @param counts attempts, blocked attempts, outages and preambles in the window
 * @param holdingSeconds the holding times of the channels seized in the window (and released before the
 *     statistics finished)
 * @param meanBusyChannels the time-weighted mean number of busy channels over the window
 * @param downShare the time-weighted share of the window the station was down, in [0, 1]
 */
public record CellStatistics(int channels, CellCounts counts, StatisticalSummaryValues holdingSeconds,
        double meanBusyChannels, double downShare) implements Serializable {

    /** Checks the values. */
    public CellStatistics {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        }
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(holdingSeconds, "holdingSeconds");
        if (!(meanBusyChannels >= 0.0)) {
            throw new IllegalArgumentException("meanBusyChannels must be >= 0, was " + meanBusyChannels);
        }
        if (!(downShare >= 0.0 && downShare <= 1.0)) {
            throw new IllegalArgumentException("downShare must be in [0, 1], was " + downShare);
        }
    }

    /** The mean holding time, NaN if no channel seized in the window was released. */
    public double meanHoldingSeconds() {
        return holdingSeconds.getMean();
    }
}
