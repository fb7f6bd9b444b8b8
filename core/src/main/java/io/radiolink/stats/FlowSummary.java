package io.radiolink.stats;

import io.radiolink.protocol.FlowPhase;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The flows of one kind across replications: their counts summed, estimates of the per-replication
 * values of {@link FlowStatistics} and {@link FlowCounts}, and completion-time percentiles from the
 * pooled histogram.
 *
 * @param counts the replications' counts, summed
 * @param completionSeconds the estimate of the mean completion time (duration of successful flows) from
 *     each replication's mean
 * @param phaseSeconds for every phase, the estimate of the mean time spent in it
 * @param failureShare the estimate of the share of flows that did not succeed
 * @param completionHistogram the completion times of every replication merged
 * @param attemptsPerSuccess the estimate of the mean number of connection attempts of a successful flow
 * @param bytesInVainPerFlow the estimate of the bytes sent in vain per flow
 * @param failureShareCopyAtRequest the estimate of the share of flows whose request found a committed copy
 *     that did not succeed ({@link FlowCounts#failureShareCopyAtRequest})
 */
public record FlowSummary(
        FlowCounts counts,
        Estimate completionSeconds,
        Map<FlowPhase, Estimate> phaseSeconds,
        Estimate failureShare,
        DurationHistogram completionHistogram,
        Estimate attemptsPerSuccess,
        Estimate bytesInVainPerFlow,
        Estimate failureShareCopyAtRequest) implements Serializable {

    /** Copies the map and checks for nulls. */
    public FlowSummary {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(completionSeconds, "completionSeconds");
        phaseSeconds = ResultMaps.complete(FlowPhase.class, phaseSeconds, "phaseSeconds");
        Objects.requireNonNull(failureShare, "failureShare");
        Objects.requireNonNull(completionHistogram, "completionHistogram");
        Objects.requireNonNull(attemptsPerSuccess, "attemptsPerSuccess");
        Objects.requireNonNull(bytesInVainPerFlow, "bytesInVainPerFlow");
        Objects.requireNonNull(failureShareCopyAtRequest, "failureShareCopyAtRequest");
    }

    /** The summary of one kind's flows in {@code perReplication}, in the order given, at {@code confidence}. */
    static FlowSummary of(List<FlowStatistics> perReplication, double confidence) {
        FlowCounts counts = FlowCounts.ZERO;
        List<DurationHistogram> histograms = new ArrayList<>();
        for (FlowStatistics statistics : perReplication) {
            counts = counts.plus(statistics.counts());
            histograms.add(statistics.completionHistogram());
        }
        Map<FlowPhase, Estimate> phases = new EnumMap<>(FlowPhase.class);
        for (FlowPhase phase : FlowPhase.values()) {
            phases.put(phase, Estimate.of(perReplication, s -> s.phaseMeanSeconds(phase), confidence));
        }
        return new FlowSummary(counts, Estimate.of(perReplication, FlowStatistics::completionMeanSeconds, confidence),
                phases, Estimate.of(perReplication, s -> s.counts().failureShare(), confidence),
                DurationHistogram.merge(histograms),
                Estimate.of(perReplication, FlowStatistics::meanAttemptsPerSuccess, confidence),
                Estimate.of(perReplication, s -> s.counts().bytesInVainPerFlow(), confidence),
                Estimate.of(perReplication, s -> s.counts().failureShareCopyAtRequest(), confidence));
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
