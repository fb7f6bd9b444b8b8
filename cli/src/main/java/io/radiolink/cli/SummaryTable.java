package io.radiolink.cli;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.report.Metric;
import io.radiolink.report.Metrics;
import io.radiolink.report.PointResult;
import io.radiolink.report.Reading;
import io.radiolink.report.RunReport;
import io.radiolink.scenario.Redaction;
import io.radiolink.stats.Estimate;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The short table printed on stdout at the end of a run: per sweep point and flow kind, the headline
 * metrics of the metric list ({@link Metrics}); when some point uses chunks or resume, also the attempts per
 * successful flow and the bytes sent in vain per flow.
 */
final class SummaryTable {

    /**
     * A column after the point and the kind: its header, its width, and its cell in the row of a point's flows
     * of one kind.
     */
    private record Column(String header, int width, BiFunction<PointResult, FlowKind, String> cell) {}

    private static final List<Column> HEADLINE = List.of(
            new Column("flows", 8, (point, kind) -> total(point, Metrics.of(kind).flows())),
            new Column("success", 8, (point, kind) -> total(point, Metrics.of(kind).outcomes().get(FlowOutcome.SUCCESS))),
            new Column("completion mean (s)", 22,
                    (point, kind) -> estimate(Metrics.of(kind).completionTime().reading().estimate(point.summary()))),
            new Column("p95 (s)", 10,
                    (point, kind) -> number(Metrics.of(kind).completionTime().reading().percentile(point.summary(), 95))),
            new Column("failure share", 22, (point, kind) -> estimate(point, Metrics.of(kind).failureShare())),
            // A point's blocking is one number: shown in its first row.
            new Column("blocking", 14,
                    (point, kind) -> kind == FlowKind.BACKUP ? estimate(point, Metrics.BLOCKING_PROBABILITY) : ""));

    private static final List<Column> RESUME = List.of(
            new Column("attempts/success", 18, (point, kind) -> estimate(point, Metrics.of(kind).attemptsPerSuccess())),
            new Column("in vain/flow (bytes)", 22,
                    (point, kind) -> estimate(point, Metrics.of(kind).bytesInVainPerFlow())));

    private static final String POINT_AND_KIND = "%-5s %-9s";

    private SummaryTable() {}

    static void print(RunReport report, PrintWriter out) {
        boolean resume = report.points().stream().anyMatch(SummaryTable::usesChunksOrResume);
        List<Column> columns = new ArrayList<>(HEADLINE);
        if (resume) {
            columns.addAll(RESUME);
        }
        out.printf(Locale.ROOT, "%s: %d point(s) x %d replication(s), seed %d%n", report.scenario().name(),
                report.points().size(), report.scenario().replications(), report.scenario().seed());
        out.printf(Locale.ROOT, POINT_AND_KIND, "point", "kind");
        for (Column column : columns) {
            out.printf(Locale.ROOT, " %" + column.width() + "s", column.header());
        }
        out.println();
        for (PointResult point : report.points()) {
            if (!point.point().values().isEmpty()) {
                out.println("  " + point.point().values().stream()
                        .map(v -> v.path() + " = " + Redaction.shown(v.path(), v.value()))
                        .collect(Collectors.joining(", ")));
            }
            for (FlowKind kind : FlowKind.values()) {
                out.printf(Locale.ROOT, POINT_AND_KIND, point.point().index(), kind.name());
                for (Column column : columns) {
                    out.printf(Locale.ROOT, " %" + column.width() + "s", column.cell().apply(point, kind));
                }
                out.println();
            }
        }
    }

    /** True if the point sends chunk digests, reconnects or resumes from an offset. */
    private static boolean usesChunksOrResume(PointResult point) {
        ProtocolConfig protocol = point.point().config().protocol();
        return protocol.chunks().enabled() || protocol.resume().reconnects() || protocol.resume().fromOffset();
    }

    private static String total(PointResult point, Metric<Reading.Count> count) {
        return Long.toString(count.reading().ofPoint(point.summary()));
    }

    private static String estimate(PointResult point, Metric<Reading.Estimated> metric) {
        return estimate(metric.reading().estimate(point.summary()));
    }

    private static String estimate(Estimate estimate) {
        if (Double.isNaN(estimate.mean())) {
            return "-";
        }
        if (Double.isNaN(estimate.halfWidth())) {
            return String.format(Locale.ROOT, "%.4g", estimate.mean());
        }
        return String.format(Locale.ROOT, "%.4g ± %.2g", estimate.mean(), estimate.halfWidth());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4g", value);
    }
}
