package io.radiolink.cli;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.report.PointResult;
import io.radiolink.report.RunReport;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.FlowSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The short table printed on stdout at the end of a run: per sweep point, the headline numbers. */
final class SummaryTable {

    private SummaryTable() {}

    static void print(RunReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d point(s) x %d replication(s), seed %d%n", report.scenario().name(),
                report.points().size(), report.scenario().replications(), report.scenario().seed());
        out.printf(Locale.ROOT, "%-5s %-9s %8s %8s %22s %10s %22s %14s%n", "point", "kind", "flows", "success",
                "completion mean (s)", "p95 (s)", "failure share", "blocking");
        for (PointResult point : report.points()) {
            if (!point.point().values().isEmpty()) {
                out.println("  " + point.point().values().stream()
                        .map(v -> v.path() + " = " + v.value()).collect(Collectors.joining(", ")));
            }
            for (FlowKind kind : FlowKind.values()) {
                FlowSummary flows = point.summary().flowsOf(kind);
                out.printf(Locale.ROOT, "%-5d %-9s %8d %8d %22s %10s %22s %14s%n", point.point().index(), kind.name(),
                        flows.flows(), flows.count(FlowOutcome.SUCCESS), estimate(flows.completionSeconds()),
                        number(flows.completionP95Seconds()), estimate(flows.failureShare()),
                        kind == FlowKind.BACKUP ? estimate(point.summary().blockingProbability()) : "");
            }
        }
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
