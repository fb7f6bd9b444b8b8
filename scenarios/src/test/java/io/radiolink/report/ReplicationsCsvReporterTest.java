package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** replications.csv: one row per point, replication and metric, the values summary.csv's rows are made of. */
final class ReplicationsCsvReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two preambles and one-second access slots: preambles collide, so the counts summary.csv does not list move. */
    private static final String CONTENTION = """
            {
              "name": "contention",
              "seed": 5,
              "replications": 3,
              "runLengthSeconds": 600,
              "airInterface": {"randomAccess": {"preambles": 2, "slotSeconds": 1}},
              "stations": [{"id": "cell", "channels": 4, "storageCapacityBytes": 1000000000}],
              "workload": {
                "subscribersPerStation": 100,
                "backupArrivalsPerSecond": 0.5,
                "userDataBytes": {"distribution": "fixed", "value": 100000},
                "restoreShare": 0.5
              }
            }
            """;

    @TempDir
    Path temp;

    static Stream<Arguments> reports() throws IOException, ScenarioException {
        return Stream.concat(ReportFixtures.named(),
                Stream.of(Arguments.of("contention", ReportsDocumentationTest.run(CONTENTION))));
    }

    private void writeAll(RunReport report) throws IOException {
        new JsonReporter().write(report, temp);
        new SummaryCsvReporter().write(report, temp);
        new ReplicationsCsvReporter().write(report, temp);
    }

    /** Every row of summary.csv, as written, is the estimate of its metric's values in replications.csv, as written. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void write_report_everySummaryRowIsTheEstimateOfItsValues(String name, RunReport report) throws IOException {
        writeAll(report);
        int rows = ReplicationsAgreement.assertAgree(temp);
        assertEquals(report.points().stream().mapToInt(point -> SummaryMetrics.of(point).size()).sum(), rows);
    }

    @Test
    void write_sweep_oneRowPerPointReplicationAndMetricInOrder() throws IOException {
        RunReport report = ReportFixtures.sweep();
        writeAll(report);
        List<List<String>> records = records(ReplicationsCsvReporter.FILE_NAME);
        assertEquals(List.of("point", ReportFixtures.RATE_PATH, "replication", "metric", "value"), records.get(0));
        List<List<String>> expected = new ArrayList<>();
        for (PointResult point : report.points()) {
            List<ReplicationMetrics.Value> values = ReplicationMetrics.of(point);
            for (ReplicationResult replication : point.replications()) {
                for (ReplicationMetrics.Value value : values) {
                    expected.add(List.of(Integer.toString(point.point().index()), Sweeps.texts(point.point()).get(0),
                            Integer.toString(replication.replication()), value.metric(),
                            Csv.number(value.perReplication().applyAsDouble(replication))));
                }
            }
        }
        assertEquals(3 * 3 * ReplicationMetrics.of(report.points().get(0)).size(), expected.size());
        assertEquals(expected, records.subList(1, records.size()));
    }

    /**
     * The preamble counts, which summary.csv does not list, have a value per replication that sums to
     * report.json's total, and they move under contention.
     */
    @Test
    void write_contention_preambleCountsSumToReportJsonsTotalsAndAreNotInSummaryCsv() throws IOException,
            ScenarioException {
        RunReport report = ReportsDocumentationTest.run(CONTENTION);
        writeAll(report);
        JsonNode cells = JSON.readTree(Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8))
                .at("/points/0/metrics/cells");
        List<List<String>> records = records(ReplicationsCsvReporter.FILE_NAME);
        List<String> summaryMetrics = records(SummaryCsvReporter.FILE_NAME).stream().map(r -> r.get(1)).toList();
        for (String[] count : new String[][] {{"preamble_transmissions", "preambleTransmissions"},
                {"preamble_collisions", "preambleCollisions"}}) {
            List<Long> values = records.stream().filter(r -> r.get(2).equals(count[0]))
                    .map(r -> (long) Double.parseDouble(r.get(3))).toList();
            assertEquals(report.scenario().replications(), values.size(), count[0]);
            assertEquals(cells.get(count[1]).longValue(), values.stream().mapToLong(Long::longValue).sum(), count[0]);
            assertTrue(values.stream().allMatch(v -> v > 0), count[0] + " " + values);
            assertFalse(summaryMetrics.contains(count[0]), count[0] + " is in summary.csv");
        }
    }

    private List<List<String>> records(String file) throws IOException {
        return CsvParsing.parse(Files.readString(temp.resolve(file), StandardCharsets.UTF_8));
    }
}
