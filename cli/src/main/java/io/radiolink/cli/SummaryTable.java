package io.radiolink.cli;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.report.PointResult;
import io.radiolink.report.RunReport;
import io.radiolink.scenario.Redaction;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.FlowSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The short table printed on stdout at the end of a run: per sweep point, the headline numbers; when some
 * point uses chunks or resume, also the attempts per successful flow and the bytes sent in vain per flow.
 */
final class SummaryTable {

    private static final String COLUMNS = "%-5s %-9s %8s %8s %22s %10s %22s %14s";
    private static final String RESUME_COLUMNS = " %18s %22s";

    private SummaryTable() {}

    static void print(RunReport report, PrintWriter out) {
        boolean resume = report.points().stream().anyMatch(SummaryTable::usesChunksOrResume);
        out.printf(Locale.ROOT, "%s: %d point(s) x %d replication(s), seed %d%n", report.scenario().name(),
                report.points().size(), report.scenario().replications(), report.scenario().seed());
        out.printf(Locale.ROOT, COLUMNS, "point", "kind", "flows", "success", "completion mean (s)", "p95 (s)",
                "failure share", "blocking");
        if (resume) {
            out.printf(Locale.ROOT, RESUME_COLUMNS, "attempts/success", "in vain/flow (bytes)");
        }
        out.println();
        for (PointResult point : report.points()) {
            if (!point.point().values().isEmpty()) {
                out.println("  " + point.point().values().stream()
                        .map(v -> v.path() + " = " + Redaction.shown(v.path(), v.value()))
                        .collect(Collectors.joining(", ")));
            }
            for (FlowKind kind : FlowKind.values()) {
                FlowSummary flows = point.summary().flowsOf(kind);
                out.printf(Locale.ROOT, COLUMNS, point.point().index(), kind.name(), flows.flows(),
                        flows.count(FlowOutcome.SUCCESS), estimate(flows.completionSeconds()),
                        number(flows.completionP95Seconds()), estimate(flows.failureShare()),
                        kind == FlowKind.BACKUP ? estimate(point.summary().blockingProbability()) : "");
                if (resume) {
                    out.printf(Locale.ROOT, RESUME_COLUMNS, estimate(flows.attemptsPerSuccess()),
                            estimate(flows.bytesInVainPerFlow()));
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
