package io.radiolink.report;

import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code replications.csv}: each replication's value of every metric that has one
 * ({@link ReplicationMetrics}), in long ("tidy") form, one row per point, replication and metric, in that
 * order, the metrics in summary.csv's order. The columns are {@code point}, one per swept parameter as in
 * summary.csv ({@link Sweeps}), {@code replication}, {@code metric}, {@code value}; a value the replication
 * does not have (which summary.csv's estimate leaves out) is an empty field. summary.csv's {@code mean} of a
 * metric is the mean of its non-empty values here, and its {@code replications} their number.
 */
public final class ReplicationsCsvReporter implements Reporter {

    /** The file this reporter writes. */
    public static final String FILE_NAME = "replications.csv";

    /** The columns after the swept parameters' columns. */
    public static final List<String> METRIC_COLUMNS = List.of("replication", "metric", "value");

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            List<String> header = Sweeps.header(report, METRIC_COLUMNS);
            Csv.writeRecord(out, header);
            List<String> record = new ArrayList<>(header.size());
            for (PointResult point : report.points()) {
                List<String> leading = Sweeps.pointFields(point.point());
                List<ReplicationMetrics.Value> values = ReplicationMetrics.of(point);
                for (ReplicationResult replication : point.replications()) {
                    for (ReplicationMetrics.Value value : values) {
                        record.clear();
                        record.addAll(leading);
                        record.add(Integer.toString(replication.replication()));
                        record.add(value.metric());
                        record.add(Csv.number(value.perReplication().applyAsDouble(replication)));
                        Csv.writeRecord(out, record);
                    }
                }
            }
        }
    }
}
