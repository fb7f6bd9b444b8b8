package io.radiolink.stats;

import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * The counted flows of one kind in one replication: their counts, and the times and attempts of which
 * {@link FlowSummary} estimates the per-replication means.
 *
 * @param counts outcomes, integrity checks, unfinished flows, bytes and repaired chunks
 * @param completionSeconds the durations of the successful flows (count, mean, variance, min, max, sum)
 * @param completionHistogram the same durations, for percentiles
 * @param phaseSeconds for every phase, the time spent in it by the counted flows that entered it
 * @param successAttempts the connection attempts of the successful flows (count, mean, variance, ...)
 */
public record FlowStatistics(
        FlowCounts counts,
        StatisticalSummaryValues completionSeconds,
        DurationHistogram completionHistogram,
        Map<FlowPhase, StatisticalSummaryValues> phaseSeconds,
        StatisticalSummaryValues successAttempts) implements Serializable {

    /** Copies the map and checks that the summaries are of the successful flows. */
    public FlowStatistics {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(completionSeconds, "completionSeconds");
        Objects.requireNonNull(completionHistogram, "completionHistogram");
        phaseSeconds = ResultMaps.complete(FlowPhase.class, phaseSeconds, "phaseSeconds");
        Objects.requireNonNull(successAttempts, "successAttempts");
        long successes = counts.count(FlowOutcome.SUCCESS);
        if (completionSeconds.getN() != successes || completionHistogram.count() != successes) {
            throw new IllegalArgumentException("completion times of " + completionSeconds.getN() + " and "
                    + completionHistogram.count() + " flows for " + successes + " successes");
        }
        if (successAttempts.getN() != successes) {
            throw new IllegalArgumentException("attempts of " + successAttempts.getN() + " flows for " + successes
                    + " successes");
        }
    }

    /** The mean duration of the successful flows, NaN if there were none. */
    public double completionMeanSeconds() {
        return completionSeconds.getMean();
    }

    /** The mean number of connection attempts of the successful flows, NaN if there were none. */
    public double meanAttemptsPerSuccess() {
        return successAttempts.getMean();
    }

    /** The mean time spent in {@code phase} by the counted flows that entered it, NaN if none did. */
    public double phaseMeanSeconds(FlowPhase phase) {
        return phaseSeconds.get(phase).getMean();
    }
}
