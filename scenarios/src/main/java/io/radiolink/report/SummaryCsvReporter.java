package io.radiolink.report;

import io.radiolink.stats.Estimate;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code summary.csv}: the metrics in long ("tidy") form, one row per sweep point and metric, with
 * the columns {@code point}, one per swept parameter (headed by its path), {@code metric}, {@code unit},
 * {@code mean}, {@code ci_lower}, {@code ci_upper}, {@code p50}, {@code p95}, {@code p99},
 * {@code replications}. A value that does not apply or is undefined is an empty field, never NaN. The
 * metrics are listed in {@code scenarios/REPORTS.md}.
 */
public final class SummaryCsvReporter implements Reporter {

    /** The file this reporter writes. */
    public static final String FILE_NAME = "summary.csv";

    /** The columns after the swept parameters' columns. */
    public static final List<String> METRIC_COLUMNS =
            List.of("metric", "unit", "mean", "ci_lower", "ci_upper", "p50", "p95", "p99", "replications");

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            Csv.writeRecord(out, Sweeps.header(report, METRIC_COLUMNS));
            for (PointResult point : report.points()) {
                List<String> leading = Sweeps.pointFields(point.point());
                for (SummaryMetrics.Row row : SummaryMetrics.of(point)) {
                    List<String> record = new ArrayList<>(leading);
                    Estimate estimate = row.estimate();
                    record.add(row.metric());
                    record.add(row.unit());
                    record.add(Csv.number(estimate.mean()));
                    record.add(Csv.number(estimate.lower()));
                    record.add(Csv.number(estimate.upper()));
                    record.add(Csv.number(row.p50()));
                    record.add(Csv.number(row.p95()));
                    record.add(Csv.number(row.p99()));
                    record.add(Integer.toString(estimate.n()));
                    Csv.writeRecord(out, record);
                }
            }
        }
    }
}
