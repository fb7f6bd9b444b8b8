package io.radiolink.stats;

import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * The flows of one kind across replications: totals, estimates of per-replication means, and
 * completion-time percentiles from the pooled histogram.
 *
 * @param outcomes counted flows by outcome, summed over the replications, every outcome present
 * @param stationViewDiffers flows whose station view differs from the terminal's, summed
 * @param successfulUserDataBytes user data bytes of the successful flows, summed
 * @param completionSeconds the estimate of the mean completion time (duration of successful flows) from
 *     each replication's mean
 * @param phaseSeconds for every phase, the estimate of the mean time spent in it
 * @param failureShare the estimate of the share of flows that did not succeed
 * @param completionHistogram the completion times of every replication merged
 * @param attemptsPerSuccess the estimate of the mean number of connection attempts of a successful flow
 * @param bytesInVainPerFlow the estimate of the bytes sent in vain per flow
 * @param dataBytesSent user data bytes carried by data frames, summed
 * @param bytesInVain bytes sent in vain, summed
 * @param chunksRepaired chunks sent again in repair rounds, summed
 */
public record FlowSummary(
        Map<FlowOutcome, Long> outcomes,
        long stationViewDiffers,
        long successfulUserDataBytes,
        Estimate completionSeconds,
        Map<FlowPhase, Estimate> phaseSeconds,
        Estimate failureShare,
        DurationHistogram completionHistogram,
        Estimate attemptsPerSuccess,
        Estimate bytesInVainPerFlow,
        long dataBytesSent,
        long bytesInVain,
        long chunksRepaired) implements Serializable {

    /** Copies the maps and checks for nulls. */
    public FlowSummary {
        outcomes = ResultMaps.counts(FlowOutcome.class, outcomes, "outcomes");
        Objects.requireNonNull(completionSeconds, "completionSeconds");
        phaseSeconds = ResultMaps.complete(FlowPhase.class, phaseSeconds, "phaseSeconds");
        Objects.requireNonNull(failureShare, "failureShare");
        Objects.requireNonNull(completionHistogram, "completionHistogram");
        Objects.requireNonNull(attemptsPerSuccess, "attemptsPerSuccess");
        Objects.requireNonNull(bytesInVainPerFlow, "bytesInVainPerFlow");
    }

    /** The number of counted flows over every replication. */
    public long flows() {
        return ResultMaps.total(outcomes);
    }

    /** The counted flows that ended with {@code outcome}, over every replication. */
    public long count(FlowOutcome outcome) {
        return outcomes.get(outcome);
    }

    /** The pooled completion time at {@code percentile} (in [0, 100]), NaN without successful flows. */
    public double completionSecondsAtPercentile(double percentile) {
        return completionHistogram.secondsAtPercentile(percentile);
    }

    /** The pooled median completion time, NaN without successful flows. */
    public double completionP50Seconds() {
        return completionSecondsAtPercentile(50);
    }

    /** The pooled 95th percentile of the completion time, NaN without successful flows. */
    public double completionP95Seconds() {
        return completionSecondsAtPercentile(95);
    }

    /** The pooled 99th percentile of the completion time, NaN without successful flows. */
    public double completionP99Seconds() {
        return completionSecondsAtPercentile(99);
    }
}
