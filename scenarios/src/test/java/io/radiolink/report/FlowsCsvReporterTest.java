package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flows.csv: one row per flow, a column per {@link FlowRow} component. */
final class FlowsCsvReporterTest {

    @TempDir
    Path temp;

    private List<List<String>> write(RunReport report) throws IOException {
        new FlowsCsvReporter().write(report, temp);
        return CsvParsing.parse(Files.readString(temp.resolve(FlowsCsvReporter.FILE_NAME), StandardCharsets.UTF_8));
    }

    @Test
    void columns_areTheFlowRowComponentsInSnakeCase() {
        List<String> expected = Arrays.stream(FlowRow.class.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT)).toList();
        assertEquals(expected, FlowsCsvReporter.COLUMNS);
    }

    @Test
    void write_sweepOfAllFlows_oneRowPerFlowInPointOrder() throws IOException {
        RunReport report = ReportFixtures.sweep();
        List<List<String>> records = write(report);
        assertEquals(FlowsCsvReporter.COLUMNS, records.get(0));
        List<FlowRow> flows = report.points().stream().flatMap(point -> point.flows().stream()).toList();
        assertFalse(flows.isEmpty());
        assertEquals(flows.size(), records.size() - 1);
        for (int i = 0; i < flows.size(); i++) {
            List<String> record = records.get(i + 1);
            FlowRow flow = flows.get(i);
            assertEquals(FlowsCsvReporter.COLUMNS.size(), record.size());
            assertEquals(List.of(Integer.toString(flow.point()), Integer.toString(flow.replication()),
                    Long.toString(flow.flowId()), flow.kind(), flow.outcome()),
                    List.of(record.get(0), record.get(1), record.get(2), record.get(3), record.get(7)));
            assertEquals(flow.startSeconds(), Double.parseDouble(record.get(10)));
            assertEquals(flow.userDataBytes(), Long.parseLong(record.get(12)));
        }
    }

    @Test
    void write_sweep_reconnectionColumnsCarryTheRecords() throws IOException {
        RunReport report = ReportFixtures.sweep();
        List<List<String>> records = write(report);
        List<String> header = records.get(0);
        List<FlowRow> flows = report.points().stream().flatMap(point -> point.flows().stream()).toList();
        for (int i = 0; i < flows.size(); i++) {
            List<String> record = records.get(i + 1);
            FlowRow flow = flows.get(i);
            assertEquals(Integer.toString(flow.attempts()), record.get(header.indexOf("attempts")));
            assertEquals(Long.toString(flow.dataBytesSent()), record.get(header.indexOf("data_bytes_sent")));
            assertEquals(Long.toString(flow.bytesInVain()), record.get(header.indexOf("bytes_in_vain")));
            assertEquals(Long.toString(flow.chunksRepaired()), record.get(header.indexOf("chunks_repaired")));
            assertEquals(Long.toString(flow.uplinkUnitsCorrupted()), record.get(header.indexOf("uplink_units_corrupted")));
            assertEquals(flow.attempts() > 1, !record.get(header.indexOf("backoff_seconds")).isEmpty(), record.toString());
        }
        assertTrue(flows.stream().anyMatch(flow -> flow.attempts() > 1), "some flow reconnected");
        assertTrue(flows.stream().anyMatch(flow -> flow.chunksRepaired() > 0), "some flow repaired a chunk");
        assertTrue(flows.stream().anyMatch(flow -> flow.bytesInVain() > 0), "some flow sent bytes in vain");
        assertTrue(flows.stream().anyMatch(flow -> flow.downlinkUnitsCorrupted() > 0), "some unit was corrupted");
    }

    @Test
    void write_singlePoint_flowsOfReplicationZero() throws IOException {
        RunReport report = ReportFixtures.single();
        List<List<String>> records = write(report);
        assertEquals(report.points().get(0).flows().size(), records.size() - 1);
        records.subList(1, records.size()).forEach(record -> assertEquals("0", record.get(1)));
    }

    @Test
    void write_phaseNotEnteredAndAwkwardText_emptyFieldAndQuotedText() throws IOException {
        PointResult source = ReportFixtures.single().points().get(0);
        FlowRow row = new FlowRow(0, 0, 5, "BACKUP", "+4912", "+4912", "cell \"north\", 2", "BLOCKED", "NONE", "SETUP",
                1.5, 1.75, 0, "NOT_CHECKED", 0.25, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 0, 0, 1,
                0, 0, 0, 0, 1, 0, 0, 0);
        RunReport report = new RunReport(ReportFixtures.single().scenario(),
                List.of(new PointResult(source.point(), source.replications(), source.summary(), List.of(row))), false);
        List<List<String>> records = write(report);
        String text = Files.readString(temp.resolve(FlowsCsvReporter.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(List.of("0", "0", "5", "BACKUP", "+4912", "+4912", "cell \"north\", 2", "BLOCKED", "NONE", "SETUP",
                "1.5", "1.75", "0", "NOT_CHECKED", "0.25", "", "", "", "", "", "1", "0", "0", "1", "0", "0", "0", "0", "1",
                "0", "0", "0"), records.get(1));
        assertFalse(text.contains("NaN"));
        assertTrue(text.contains(",\"cell \"\"north\"\", 2\","), text);
    }
}
