package io.radiolink.report;

import io.radiolink.stats.ReplicationResult;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A metric of report.json and summary.csv: its key in its {@code report.json} object, its name and unit in
 * {@code summary.csv}, and how it is read from a point's results; {@code replications.csv} states, under the
 * same name, each replication's value that summary.csv's mean is the mean of. Every metric is defined once,
 * in {@link Metrics}.
 *
 * @param key its key in report.json (for a {@link Reading.Timed} duration, the stem of its keys)
 * @param name its name in summary.csv, e.g. {@code backup.completion_time}
 * @param unit its unit, e.g. {@code s}; for a {@link Reading.Count} the thing counted, e.g. {@code flows}
 * @param reading how it is read and stated
 * @param <R> the kind of reading, so that a report that reads one metric by itself gets its values typed
 */
public record Metric<R extends Reading.Listed>(String key, String name, String unit, R reading) implements MetricNode {

    /** Checks for nulls. */
    public Metric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reading, "reading");
    }

    /** This metric's row of summary.csv at {@code point}. */
    public SummaryMetrics.Row row(PointResult point) {
        return reading.row(name, unit, point);
    }

    @Override
    public void state(PointResult point, Fields out) {
        reading.state(key, point, out);
    }

    @Override
    public void addRows(PointResult point, List<SummaryMetrics.Row> rows) {
        rows.add(row(point));
    }

    /** The value of one replication that this metric's summary.csv mean is the mean of, NaN where it has none. */
    public ToDoubleFunction<ReplicationResult> perReplication() {
        return reading::valueOf;
    }

    @Override
    public void addValues(PointResult point, List<ReplicationMetrics.Value> values) {
        values.add(new ReplicationMetrics.Value(name, unit, perReplication()));
    }
}
