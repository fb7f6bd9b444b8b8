package io.radiolink.report;

import java.util.List;
import java.util.Objects;

/**
 * A metric of both files: its key in its {@code report.json} object, its name and unit in
 * {@code summary.csv}, and how it is read from a point's results. Every metric is defined once, in
 * {@link Metrics}.
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
}
