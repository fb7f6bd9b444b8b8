package io.radiolink.report;

import io.radiolink.stats.ReplicationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The metrics of one sweep point that have a value per replication, the metrics of {@code replications.csv},
 * read from the metric list {@link Metrics#ALL}: every metric of summary.csv (each row's mean is the mean of
 * one value per replication, {@link Reading.Listed#valueOf}) and the counts summary.csv does not list
 * ({@link MetricNode.Unsummarised}), in summary.csv's order.
 */
public final class ReplicationMetrics {

    private ReplicationMetrics() {}

    /**
     * One metric at one point with its per-replication value.
     *
     * @param metric the metric's name, as in summary.csv
     * @param unit the unit of one replication's value: summary.csv's, without {@code /replication} for a count
     * @param perReplication the value of one replication, NaN where it has none
     */
    public record Value(String metric, String unit, ToDoubleFunction<ReplicationResult> perReplication) {

        /** Checks for nulls. */
        public Value {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(perReplication, "perReplication");
        }
    }

    /** The metrics of {@code point} with a value per replication, in summary.csv's order. */
    public static List<Value> of(PointResult point) {
        List<Value> values = new ArrayList<>();
        Metrics.ALL.addValues(point, values);
        return List.copyOf(values);
    }
}
