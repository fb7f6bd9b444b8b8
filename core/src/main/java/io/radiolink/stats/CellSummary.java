package io.radiolink.stats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One radio cell across replications: its counts summed and estimates of the per-replication values of
 * {@link CellStatistics} and {@link CellCounts}.
 *
 * @param channels the cell's number of channels
 * @param counts the replications' counts, summed
 * @param blockingProbability the estimate of the blocking probability
 * @param meanHoldingSeconds the estimate of the mean channel holding time
 * @param meanBusyChannels the estimate of the time-weighted mean number of busy channels
 * @param downShare the estimate of the share of the window the station was down
 */
public record CellSummary(int channels, CellCounts counts, Estimate blockingProbability,
        Estimate meanHoldingSeconds, Estimate meanBusyChannels, Estimate downShare) implements Serializable {

    /** Checks the channels and for nulls. */
    public CellSummary {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, was " + channels);
        }
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(blockingProbability, "blockingProbability");
        Objects.requireNonNull(meanHoldingSeconds, "meanHoldingSeconds");
        Objects.requireNonNull(meanBusyChannels, "meanBusyChannels");
        Objects.requireNonNull(downShare, "downShare");
    }

    /**
     * The summary of cell {@code id} over the replications that observed it ({@code perReplication}, not
     * empty), at {@code confidence}.
     *
     * @throws IllegalArgumentException if the cell's number of channels differs between replications
     */
    static CellSummary of(String id, List<CellStatistics> perReplication, double confidence) {
        int channels = perReplication.get(0).channels();
        CellCounts counts = CellCounts.ZERO;
        for (CellStatistics cell : perReplication) {
            if (cell.channels() != channels) {
                throw new IllegalArgumentException("cell '" + id + "' has " + channels + " channels in one "
                        + "replication and " + cell.channels() + " in another");
            }
            counts = counts.plus(cell.counts());
        }
        return new CellSummary(channels, counts,
                Estimate.of(perReplication, c -> c.counts().blockingProbability(), confidence),
                Estimate.of(perReplication, CellStatistics::meanHoldingSeconds, confidence),
                Estimate.of(perReplication, CellStatistics::meanBusyChannels, confidence),
                Estimate.of(perReplication, CellStatistics::downShare, confidence));
    }
}
