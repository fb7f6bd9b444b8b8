package io.radiolink.report;

import io.radiolink.stats.DurationHistogram;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.ReplicationResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * How a metric is read from a point's results, and what the reports state of it: in {@code report.json}
 * a total or an estimate ({@link #state}), in {@code summary.csv} one row of an estimate
 * ({@link Listed#row}). The kinds are a closed set; each reporter states them through these two methods.
 */
public sealed interface Reading permits Reading.Listed, Reading.Total {

    /** States the metric's values at {@code point} under {@code key} in {@code out}. */
    void state(String key, PointResult point, Fields out);

    /** A reading that summary.csv lists too: as one row of an estimate across replications. */
    sealed interface Listed extends Reading permits PerReplication, Estimated, Timed {

        /** The metric's row of summary.csv at {@code point}, named {@code name}, of a metric in {@code unit}. */
        SummaryMetrics.Row row(String name, String unit, PointResult point);

        /**
         * The value of one replication that the row's {@code mean} is the mean of (its {@code replications.csv}
         * value): NaN where the replication has none, which the row's estimate leaves out.
         */
        double valueOf(ReplicationResult replication);
    }

    /**
     * A value of each replication: report.json states one integer of the point that the summary holds (a
     * count's total, a peak's largest value), summary.csv the estimate of the replications' values.
     */
    abstract sealed class PerReplication implements Listed permits Count, Peak {
        private final ToLongFunction<ExperimentSummary> ofPoint;
        private final ToDoubleFunction<ReplicationResult> perReplication;
        private final String rowUnitSuffix;

        PerReplication(ToLongFunction<ExperimentSummary> ofPoint, ToDoubleFunction<ReplicationResult> perReplication,
                String rowUnitSuffix) {
            this.ofPoint = Objects.requireNonNull(ofPoint, "ofPoint");
            this.perReplication = Objects.requireNonNull(perReplication, "perReplication");
            this.rowUnitSuffix = rowUnitSuffix;
        }

        /** The integer report.json states for the point: a count's total over the replications, a peak's largest value. */
        public long ofPoint(ExperimentSummary summary) {
            return ofPoint.applyAsLong(summary);
        }

        /** The value of one replication; NaN where it has none (a cell it never saw), which leaves it out of the estimate. */
        @Override
        public double valueOf(ReplicationResult replication) {
            return perReplication.applyAsDouble(replication);
        }

        @Override
        public void state(String key, PointResult point, Fields out) {
            out.integer(key, ofPoint(point.summary()));
        }

        @Override
        public SummaryMetrics.Row row(String name, String unit, PointResult point) {
            List<ReplicationResult> replications = point.replications();
            double[] values = new double[replications.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = valueOf(replications.get(i));
            }
            return SummaryMetrics.Row.of(name, unit + rowUnitSuffix, Estimate.of(values, point.confidence()));
        }
    }

    /**
     * A count per replication: report.json states the total over the replications ({@link #ofPoint}),
     * summary.csv the mean count per replication with its interval, in {@code <unit>/replication}.
     */
    final class Count extends PerReplication {

        /** From the total as the summary holds it and the count in one replication (NaN where it has none). */
        public Count(ToLongFunction<ExperimentSummary> total, ToDoubleFunction<ReplicationResult> perReplication) {
            super(total, perReplication, "/replication");
        }
    }

    /**
     * A largest value per replication: report.json states the largest of any replication ({@link #ofPoint}),
     * summary.csv the mean of the replications' values, in the values' unit.
     */
    final class Peak extends PerReplication {

        /** From the largest value of any replication as the summary holds it and the value of one replication. */
        public Peak(ToLongFunction<ExperimentSummary> largest, ToDoubleFunction<ReplicationResult> perReplication) {
            super(largest, perReplication, "");
        }
    }

    /**
     * One of the summary's estimates, stated as it is in both files, with the per-replication value the summary
     * made it of.
     */
    final class Estimated implements Listed {
        private final Function<ExperimentSummary, Estimate> estimate;
        private final ToDoubleFunction<ReplicationResult> perReplication;

        /**
         * @param estimate the summary's estimate
         * @param perReplication the value of one replication the summary's estimate is made of (NaN where it
         *     has none)
         */
        public Estimated(Function<ExperimentSummary, Estimate> estimate,
                ToDoubleFunction<ReplicationResult> perReplication) {
            this.estimate = Objects.requireNonNull(estimate, "estimate");
            this.perReplication = Objects.requireNonNull(perReplication, "perReplication");
        }

        @Override
        public double valueOf(ReplicationResult replication) {
            return perReplication.applyAsDouble(replication);
        }

        /** The estimate at the point of {@code summary}. */
        public Estimate estimate(ExperimentSummary summary) {
            return estimate.apply(summary);
        }

        @Override
        public void state(String key, PointResult point, Fields out) {
            out.estimate(key, estimate(point.summary()));
        }

        @Override
        public SummaryMetrics.Row row(String name, String unit, PointResult point) {
            return SummaryMetrics.Row.of(name, unit, estimate(point.summary()));
        }
    }

    /**
     * A duration in seconds: the estimate of its mean, and percentiles of every replication's durations
     * pooled. report.json states {@code <key>Seconds} and {@code <key>P50Seconds}, {@code <key>P95Seconds},
     * {@code <key>P99Seconds}; summary.csv one row with {@code p50}, {@code p95}, {@code p99}.
     */
    final class Timed implements Listed {

        /** The pooled percentiles the reports state, in the order of their columns. */
        private static final List<Integer> PERCENTILES = List.of(50, 95, 99);

        private final Function<ExperimentSummary, Estimate> mean;
        private final ToDoubleFunction<ReplicationResult> perReplication;
        private final Function<ExperimentSummary, DurationHistogram> pooled;

        /**
         * @param mean the estimate of the mean duration
         * @param perReplication one replication's mean duration, which the estimate is made of (NaN without
         *     durations); the pooled percentiles have no per-replication value
         * @param pooled every replication's durations merged
         */
        public Timed(Function<ExperimentSummary, Estimate> mean, ToDoubleFunction<ReplicationResult> perReplication,
                Function<ExperimentSummary, DurationHistogram> pooled) {
            this.mean = Objects.requireNonNull(mean, "mean");
            this.perReplication = Objects.requireNonNull(perReplication, "perReplication");
            this.pooled = Objects.requireNonNull(pooled, "pooled");
        }

        @Override
        public double valueOf(ReplicationResult replication) {
            return perReplication.applyAsDouble(replication);
        }

        /** The estimate of the mean duration. */
        public Estimate estimate(ExperimentSummary summary) {
            return mean.apply(summary);
        }

        /** Every replication's durations merged. */
        public DurationHistogram pooled(ExperimentSummary summary) {
            return pooled.apply(summary);
        }

        /** The pooled duration at {@code percentile} (in [0, 100]), NaN without durations. */
        public double percentile(ExperimentSummary summary, double percentile) {
            return pooled(summary).secondsAtPercentile(percentile);
        }

        @Override
        public void state(String key, PointResult point, Fields out) {
            out.estimate(key + "Seconds", estimate(point.summary()));
            for (int percentile : PERCENTILES) {
                out.number(key + "P" + percentile + "Seconds", percentile(point.summary(), percentile));
            }
        }

        @Override
        public SummaryMetrics.Row row(String name, String unit, PointResult point) {
            ExperimentSummary summary = point.summary();
            return new SummaryMetrics.Row(name, unit, estimate(summary), percentile(summary, PERCENTILES.get(0)),
                    percentile(summary, PERCENTILES.get(1)), percentile(summary, PERCENTILES.get(2)));
        }
    }

    /** An integer of the summary that only report.json states: a total over the replications, a number of channels. */
    final class Total implements Reading {
        private final ToLongFunction<ExperimentSummary> total;

        /** @param total the integer, as the summary holds it */
        public Total(ToLongFunction<ExperimentSummary> total) {
            this.total = Objects.requireNonNull(total, "total");
        }

        /** The integer at the point of {@code summary}. */
        public long total(ExperimentSummary summary) {
            return total.applyAsLong(summary);
        }

        @Override
        public void state(String key, PointResult point, Fields out) {
            out.integer(key, total(point.summary()));
        }
    }
}
