package io.radiolink.report;

import io.radiolink.stats.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of one sweep point as a flat list of named rows: the rows of {@code summary.csv}, read from
 * the metric list {@link Metrics#ALL}. Every row is an estimate across replications: either one of the
 * summary's own estimates, or the mean of a per-replication value (a count, the storage peak) with its
 * Student-t interval at the summary's confidence.
 */
public final class SummaryMetrics {

    private SummaryMetrics() {}

    /**
     * One metric at one point.
     *
     * @param metric the metric's name, e.g. {@code backup.completion_time}
     * @param unit its unit, e.g. {@code s} or {@code flows/replication}
     * @param estimate the mean across replications and its interval; its n is the replications it is made of
     * @param p50 the pooled median, NaN where no percentile applies
     * @param p95 the pooled 95th percentile, NaN where none applies
     * @param p99 the pooled 99th percentile, NaN where none applies
     */
    public record Row(String metric, String unit, Estimate estimate, double p50, double p95, double p99) {

        /** A row without percentiles. */
        static Row of(String metric, String unit, Estimate estimate) {
            return new Row(metric, unit, estimate, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** The rows of {@code point}, in the list's order: flows by kind, traffic, cells, integrity, storage, others. */
    public static List<Row> of(PointResult point) {
        List<Row> rows = new ArrayList<>();
        Metrics.ALL.addRows(point, rows);
        return List.copyOf(rows);
    }
}
