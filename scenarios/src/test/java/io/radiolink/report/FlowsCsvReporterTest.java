package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.run.FlowRow;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.scenario.SweepValue;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
        assertEquals(FlowsCsvReporter.COLUMNS, records.get(0).subList(0, FlowsCsvReporter.COLUMNS.size()));
        List<FlowRow> flows = report.points().stream().flatMap(point -> point.flows().stream()).toList();
        assertFalse(flows.isEmpty());
        assertEquals(flows.size(), records.size() - 1);
        for (int i = 0; i < flows.size(); i++) {
            List<String> record = records.get(i + 1);
            FlowRow flow = flows.get(i);
            assertEquals(records.get(0).size(), record.size());
            assertEquals(List.of(Integer.toString(flow.point()), Integer.toString(flow.replication()),
                    Long.toString(flow.flowId()), flow.kind(), flow.outcome()),
                    List.of(record.get(0), record.get(1), record.get(2), record.get(3), record.get(7)));
            assertEquals(flow.startSeconds(), Double.parseDouble(record.get(10)));
            assertEquals(flow.userDataBytes(), Long.parseLong(record.get(12)));
        }
    }

    @Test
    void write_sweep_reconnectionAndFrameColumnsCarryTheRecords() throws IOException {
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
            long framesSent = Long.parseLong(record.get(header.indexOf("data_frames_sent")));
            long framesRetransmitted = Long.parseLong(record.get(header.indexOf("data_frames_retransmitted")));
            assertEquals(flow.dataFramesSent(), framesSent);
            assertEquals(flow.dataFramesRetransmitted(), framesRetransmitted);
            assertTrue(framesRetransmitted <= framesSent, record.toString());
            assertEquals(flow.dataBytesSent() > 0, framesSent > 0, record.toString());
            assertEquals(Long.toString(flow.uplinkUnitsCorrupted()), record.get(header.indexOf("uplink_units_corrupted")));
            assertEquals(flow.attempts() > 1, !record.get(header.indexOf("backoff_seconds")).isEmpty(), record.toString());
        }
        assertTrue(flows.stream().anyMatch(flow -> flow.attempts() > 1), "some flow reconnected");
        assertTrue(flows.stream().anyMatch(flow -> flow.chunksRepaired() > 0), "some flow repaired a chunk");
        assertTrue(flows.stream().anyMatch(flow -> flow.bytesInVain() > 0), "some flow sent bytes in vain");
        assertTrue(flows.stream().anyMatch(flow -> flow.downlinkUnitsCorrupted() > 0), "some unit was corrupted");
        assertTrue(flows.stream().anyMatch(flow -> flow.dataFramesRetransmitted() > 0), "some data frame retransmitted");
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
                0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        RunReport report = new RunReport(ReportFixtures.single().scenario(), ReportFixtures.single().provenance(),
                List.of(new PointResult(source.point(), source.replications(), source.summary(), List.of(row))), false);
        List<List<String>> records = write(report);
        String text = Files.readString(temp.resolve(FlowsCsvReporter.FILE_NAME), StandardCharsets.UTF_8);
        assertEquals(List.of("0", "0", "5", "BACKUP", "+4912", "+4912", "cell \"north\", 2", "BLOCKED", "NONE", "SETUP",
                "1.5", "1.75", "0", "NOT_CHECKED", "0.25", "", "", "", "", "", "1", "0", "0", "1", "0", "0", "0", "0", "1",
                "0", "0", "0", "0", "0"), records.get(1));
        assertFalse(text.contains("NaN"));
        assertTrue(text.contains(",\"cell \"\"north\"\", 2\","), text);
    }

    @Test
    void write_knownRow_frameColumnsAreLastOfTheFixedColumns() throws IOException {
        PointResult source = ReportFixtures.single().points().get(0);
        FlowRow row = new FlowRow(0, 0, 2, "BACKUP", "+4912", "+4912", "cell-1", "SUCCESS", "COMMITTED", "RELEASE",
                1.5, 9.25, 4096, "VERIFIED", 0.25, 0.5, 7.0, 0.25, 0.25, Double.NaN, 48, 6, 5, 40, 1, 0, 2, 0, 1, 5120,
                1024, 0, 45, 5);
        RunReport report = new RunReport(ReportFixtures.single().scenario(), ReportFixtures.single().provenance(),
                List.of(new PointResult(source.point(), source.replications(), source.summary(), List.of(row))), false);
        List<List<String>> records = write(report);
        assertEquals(List.of("chunks_repaired", "data_frames_sent", "data_frames_retransmitted"),
                records.get(0).subList(records.get(0).size() - 3, records.get(0).size()));
        assertEquals(List.of("0", "45", "5"), records.get(1).subList(records.get(1).size() - 3, records.get(1).size()));
    }

    @Test
    void write_sweep_lastColumnIsTheSweptPathWithEachRowsPointValue() throws IOException {
        RunReport report = ReportFixtures.sweep();
        List<List<String>> records = write(report);
        List<String> expectedHeader = new ArrayList<>(FlowsCsvReporter.COLUMNS);
        expectedHeader.add(ReportFixtures.RATE_PATH);
        assertEquals(expectedHeader, records.get(0));
        List<String> rates = List.of("0.02", "0.05", "0.1");
        Set<String> seen = new TreeSet<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertEquals(expectedHeader.size(), record.size());
            String value = record.get(record.size() - 1);
            assertEquals(rates.get(Integer.parseInt(record.get(0))), value, record.toString());
            seen.add(value);
        }
        assertEquals(new TreeSet<>(rates), seen, "every point has rows");
    }

    @Test
    void write_noSweep_headerIsTheFixedColumns() throws IOException {
        assertEquals(FlowsCsvReporter.COLUMNS, write(ReportFixtures.single()).get(0));
    }

    @Test
    void write_objectAndTextSweepValues_compactJsonQuotedAsInSummaryCsv() throws IOException {
        RunReport single = ReportFixtures.single();
        PointResult source = single.points().get(0);
        ObjectNode capacity = JsonNodeFactory.instance.objectNode().put("mode", "shared")
                .put("uplinkBitsPerSecond", 2000000);
        SweepPoint point = new SweepPoint(0, List.of(new SweepValue("airInterface.capacity", capacity),
                new SweepValue("stations[0].id", JsonNodeFactory.instance.textNode("cell \"north\""))),
                source.point().resolved(), source.point().config());
        ResolvedScenario scenario = single.scenario();
        RunReport report = new RunReport(new ResolvedScenario(scenario.source(), scenario.sourceSha256(),
                scenario.resolved(), scenario.seed(), scenario.replications(), scenario.engine(), List.of(point)),
                single.provenance(), List.of(new PointResult(point, source.replications(), source.summary(), source.flows())), false);
        List<List<String>> records = write(report);
        String text = Files.readString(temp.resolve(FlowsCsvReporter.FILE_NAME), StandardCharsets.UTF_8);
        List<String> header = records.get(0);
        assertEquals(List.of("airInterface.capacity", "stations[0].id"), header.subList(header.size() - 2, header.size()));
        List<String> first = records.get(1);
        assertEquals(List.of("{\"mode\":\"shared\",\"uplinkBitsPerSecond\":2000000}", "cell \"north\""),
                first.subList(first.size() - 2, first.size()));
        assertTrue(text.contains(",\"{\"\"mode\"\":\"\"shared\"\",\"\"uplinkBitsPerSecond\"\":2000000}\","
                + "\"cell \"\"north\"\"\"\n"), text);
    }
}
