package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv: a tidy table that parses back with the summary's numbers. */
final class SummaryCsvReporterTest {

    private static final Set<String> NUMERIC =
            Set.of("point", "mean", "ci_lower", "ci_upper", "p50", "p95", "p99", "replications");

    @TempDir
    Path temp;

    private List<List<String>> write(RunReport report) throws IOException {
        new SummaryCsvReporter().write(report, temp);
        return CsvParsing.parse(Files.readString(temp.resolve(SummaryCsvReporter.FILE_NAME), StandardCharsets.UTF_8));
    }

    @Test
    void write_sweep_headerIsPointThenPathsThenMetricColumns() throws IOException {
        List<String> header = write(ReportFixtures.twoParameterSweep()).get(0);
        assertEquals(List.of("point", ReportFixtures.CHANNELS_PATH, ReportFixtures.PROFILE_PATH, "metric", "unit", "mean",
                "ci_lower", "ci_upper", "p50", "p95", "p99", "replications"), header);
    }

    @Test
    void write_noSweep_headerHasNoParameterColumns() throws IOException {
        List<String> header = write(ReportFixtures.single()).get(0);
        assertEquals("point", header.get(0));
        assertEquals(SummaryCsvReporter.METRIC_COLUMNS, header.subList(1, header.size()));
    }

    @Test
    void write_sweep_everyRowHasTheHeadersWidthAndNumbersParse() throws IOException {
        RunReport report = ReportFixtures.twoParameterSweep();
        List<List<String>> records = write(report);
        List<String> header = records.get(0);
        int rowsPerPoint = SummaryMetrics.of(report.points().get(0)).size();
        assertEquals(1 + report.points().size() * rowsPerPoint, records.size());
        for (List<String> record : records.subList(1, records.size())) {
            assertEquals(header.size(), record.size(), record.toString());
            for (int i = 0; i < header.size(); i++) {
                String field = record.get(i);
                assertFalse(field.contains("NaN") || field.contains("Infinity"), record.toString());
                if (NUMERIC.contains(header.get(i)) && !field.isEmpty()) {
                    Double.parseDouble(field);
                }
            }
            assertFalse(record.get(header.indexOf("metric")).isEmpty());
            assertFalse(record.get(header.indexOf("unit")).isEmpty());
        }
    }

    @Test
    void write_sweep_parameterColumnsHoldEachPointsValues() throws IOException {
        List<List<String>> records = write(ReportFixtures.twoParameterSweep());
        List<String> header = records.get(0);
        Map<String, List<String>> valuesByPoint = new HashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            valuesByPoint.put(record.get(0), record.subList(1, 3));
        }
        assertEquals(List.of("2", "LTE"), valuesByPoint.get("0"));
        assertEquals(List.of("2", "CIRCUIT_SWITCHED_DATA"), valuesByPoint.get("1"));
        assertEquals(List.of("4", "LTE"), valuesByPoint.get("2"));
        assertEquals(ReportFixtures.CHANNELS_PATH, header.get(1));
    }

    @Test
    void write_singlePoint_rowsEqualTheSummary() throws IOException {
        RunReport report = ReportFixtures.single();
        ExperimentSummary summary = report.points().get(0).summary();
        Map<String, Map<String, String>> rows = byMetric(write(report));

        FlowSummary backups = summary.flowsOf(FlowKind.BACKUP);
        Map<String, String> completion = rows.get("backup.completion_time");
        assertEquals("s", completion.get("unit"));
        assertEquals(backups.completionSeconds().mean(), Double.parseDouble(completion.get("mean")));
        assertEquals(backups.completionSeconds().lower(), Double.parseDouble(completion.get("ci_lower")));
        assertEquals(backups.completionSeconds().upper(), Double.parseDouble(completion.get("ci_upper")));
        assertEquals(backups.completionP50Seconds(), Double.parseDouble(completion.get("p50")));
        assertEquals(backups.completionP95Seconds(), Double.parseDouble(completion.get("p95")));
        assertEquals(backups.completionP99Seconds(), Double.parseDouble(completion.get("p99")));
        assertEquals(Integer.toString(backups.completionSeconds().n()), completion.get("replications"));

        Map<String, String> failure = rows.get("download.failure_share");
        assertEquals(summary.flowsOf(FlowKind.DOWNLOAD).failureShare().mean(), Double.parseDouble(failure.get("mean")));
        assertEquals("fraction", failure.get("unit"));
        assertEquals("", failure.get("p50"));
        assertEquals("", failure.get("p99"));

        assertEquals(summary.blockingProbability().mean(), Double.parseDouble(rows.get("blocking_probability").get("mean")));
        assertEquals(summary.meanBusyChannels().mean(), Double.parseDouble(rows.get("mean_busy_channels").get("mean")));
        assertEquals(summary.storage().meanBytes().mean(), Double.parseDouble(rows.get("storage_occupancy").get("mean")));
        assertEquals(backups.phaseSeconds().get(FlowPhase.TRANSFER).mean(),
                Double.parseDouble(rows.get("backup.phase.transfer_time").get("mean")));

        // Counts are means per replication.
        Map<String, String> flows = rows.get("backup.flows");
        assertEquals("flows/replication", flows.get("unit"));
        assertEquals((double) backups.counts().flows() / summary.replications(), Double.parseDouble(flows.get("mean")), 1e-9);
        assertEquals((double) summary.traffic().uplink().unitsLost() / summary.replications(),
                Double.parseDouble(rows.get("uplink.units_lost").get("mean")), 1e-9);
        assertEquals(Integer.toString(summary.replications()), flows.get("replications"));
        assertTrue(rows.containsKey("cell.cell-1.blocking_probability"));

        Map<String, String> attempts = rows.get("backup.attempts_per_success");
        assertEquals("attempts", attempts.get("unit"));
        assertEquals(backups.attemptsPerSuccess().mean(), Double.parseDouble(attempts.get("mean")));
        assertEquals(backups.bytesInVainPerFlow().mean(),
                Double.parseDouble(rows.get("backup.bytes_in_vain_per_flow").get("mean")));
        assertEquals((double) backups.counts().bytesInVain() / summary.replications(),
                Double.parseDouble(rows.get("backup.bytes_in_vain").get("mean")), 1e-6);
        assertEquals((double) backups.counts().chunksRepaired() / summary.replications(),
                Double.parseDouble(rows.get("backup.chunks_repaired").get("mean")), 1e-9);
        assertEquals("chunks/replication", rows.get("backup.chunks_repaired").get("unit"));
        assertEquals(backups.phaseSeconds().get(FlowPhase.BACKOFF).mean(),
                Double.parseDouble(rows.get("backup.phase.backoff_time").get("mean")));
    }

    @Test
    void write_oneReplication_undefinedIntervalsAreEmpty() throws IOException {
        Map<String, String> completion = byMetric(write(ReportFixtures.oneReplication())).get("backup.completion_time");
        assertFalse(completion.get("mean").isEmpty());
        assertEquals("", completion.get("ci_lower"));
        assertEquals("", completion.get("ci_upper"));
        assertEquals("1", completion.get("replications"));
    }

    @Test
    void reportsMd_documentsEveryMetric() throws IOException {
        String documentation = Files.readString(Path.of("REPORTS.md"), StandardCharsets.UTF_8);
        TreeSet<String> patterns = new TreeSet<>();
        for (SummaryMetrics.Row row : SummaryMetrics.of(ReportFixtures.single().points().get(0))) {
            patterns.add(row.metric()
                    .replaceFirst("^(backup|download)\\.", "<kind>.")
                    .replaceFirst("\\.outcome\\.[a-z_]+$", ".outcome.<outcome>")
                    .replaceFirst("\\.phase\\.[a-z]+_time$", ".phase.<phase>_time")
                    .replaceFirst("^integrity\\.[a-z_]+$", "integrity.<check>")
                    .replaceFirst("^cell\\.cell-1\\.", "cell.<id>."));
        }
        for (String pattern : patterns) {
            assertTrue(documentation.contains("`" + pattern + "`"), "REPORTS.md does not list the metric `" + pattern + "`");
        }
    }

    /** The records of one point (point 0) by metric, each as column name to field. */
    private static Map<String, Map<String, String>> byMetric(List<List<String>> records) {
        List<String> header = records.get(0);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (!record.get(0).equals("0")) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.put(row.get("metric"), row);
        }
        return rows;
    }
}
