package io.radiolink.stats;

import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/**
 * The counted flows of one kind in one replication: their outcomes, completion and phase times, data.
 *
 * @param outcomes counted flows by outcome, every outcome present, in declaration order
 * @param stationViewDiffers counted flows that failed in the terminal's view although the station
 *     committed, confirmed or cleared ({@code FlowRecord.stationViewDiffers()}); they are among the failures
 * @param completionSeconds the durations of the successful flows (count, mean, variance, min, max, sum)
 * @param completionHistogram the same durations, for percentiles
 * @param phaseSeconds for every phase, the time spent in it by the counted flows that entered it
 * @param successfulUserDataBytes the user data bytes of the successful flows
 * @param successAttempts the connection attempts of the successful flows (count, mean, variance, ...)
 * @param dataBytesSent user data bytes the counted flows' data frames carried ({@code FlowRecord.dataBytesSent})
 * @param bytesInVain the part of them sent in vain ({@code FlowRecord.bytesInVain})
 * @param chunksRepaired chunks the counted flows sent again in repair rounds
 */
public record FlowStatistics(
        Map<FlowOutcome, Long> outcomes,
        long stationViewDiffers,
        StatisticalSummaryValues completionSeconds,
        DurationHistogram completionHistogram,
        Map<FlowPhase, StatisticalSummaryValues> phaseSeconds,
        long successfulUserDataBytes,
        StatisticalSummaryValues successAttempts,
        long dataBytesSent,
        long bytesInVain,
        long chunksRepaired) implements Serializable {

    /** Copies the maps and checks that the counts agree with each other. */
    public FlowStatistics {
        outcomes = ResultMaps.counts(FlowOutcome.class, outcomes, "outcomes");
        Objects.requireNonNull(completionSeconds, "completionSeconds");
        Objects.requireNonNull(completionHistogram, "completionHistogram");
        phaseSeconds = ResultMaps.complete(FlowPhase.class, phaseSeconds, "phaseSeconds");
        long successes = outcomes.get(FlowOutcome.SUCCESS);
        if (completionSeconds.getN() != successes || completionHistogram.count() != successes) {
            throw new IllegalArgumentException("completion times of " + completionSeconds.getN() + " and "
                    + completionHistogram.count() + " flows for " + successes + " successes");
        }
        if (stationViewDiffers < 0 || stationViewDiffers > outcomes.values().stream().mapToLong(Long::longValue).sum()
                - successes) {
            throw new IllegalArgumentException("stationViewDiffers must be in [0, failures], was " + stationViewDiffers);
        }
        if (successfulUserDataBytes < 0) {
            throw new IllegalArgumentException("successfulUserDataBytes must be >= 0, was " + successfulUserDataBytes);
        }
        Objects.requireNonNull(successAttempts, "successAttempts");
        if (successAttempts.getN() != successes) {
            throw new IllegalArgumentException("attempts of " + successAttempts.getN() + " flows for " + successes
                    + " successes");
        }
        if (dataBytesSent < 0 || bytesInVain < 0 || bytesInVain > dataBytesSent || chunksRepaired < 0) {
            throw new IllegalArgumentException("need 0 <= bytesInVain (" + bytesInVain + ") <= dataBytesSent ("
                    + dataBytesSent + ") and chunksRepaired (" + chunksRepaired + ") >= 0");
        }
    }

    /** The number of counted flows. */
    public long flows() {
        return ResultMaps.total(outcomes);
    }

    /** The counted flows that ended with {@code outcome}. */
    public long count(FlowOutcome outcome) {
        return outcomes.get(outcome);
    }

    /** The share of counted flows that did not succeed, NaN if there were none. */
    public double failureShare() {
        long flows = flows();
        return flows == 0 ? Double.NaN : (double) (flows - count(FlowOutcome.SUCCESS)) / flows;
    }

    /** The mean duration of the successful flows, NaN if there were none. */
    public double completionMeanSeconds() {
        return completionSeconds.getMean();
    }

    /** The mean number of connection attempts of the successful flows, NaN if there were none. */
    public double meanAttemptsPerSuccess() {
        return successAttempts.getMean();
    }

    /** Bytes sent in vain per counted flow, NaN if there were none. */
    public double bytesInVainPerFlow() {
        long flows = flows();
        return flows == 0 ? Double.NaN : (double) bytesInVain / flows;
    }

    /** The mean time spent in {@code phase} by the counted flows that entered it, NaN if none did. */
    public double phaseMeanSeconds(FlowPhase phase) {
        return phaseSeconds.get(phase).getMean();
    }
}
