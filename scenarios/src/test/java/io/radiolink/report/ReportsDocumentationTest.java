package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.StationEffect;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.Scenarios;
import io.radiolink.scenario.SweepPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scenarios/REPORTS.md} lists every constant the reports write, in the order they write them, and
 * quotes what the writers put in place of a non-finite number.
 */
final class ReportsDocumentationTest {

    private static final Path REPORTS = Path.of("REPORTS.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("`([A-Za-z_]+)`");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final String SWEPT = "stations[0].retentionSeconds";

    /** Infinite retention by default; the sweep writes infinity once as the string, once as a number out of range. */
    private static final String INFINITE_SCENARIO = Scenarios.withTop(Scenarios.MINIMAL,
            "\"sweep\": {\"parameters\": [{\"path\": \"" + SWEPT + "\", \"values\": [\"Infinity\", 1e999]}]}");

    @TempDir
    Path temp;

    @Test
    void reportJson_listsOfConstants_matchWhatTheWriterWrites() throws IOException {
        JsonNode metrics = JsonReporter.toJson(ReportFixtures.single()).get("points").get(0).get("metrics");
        for (FlowKind kind : FlowKind.values()) {
            JsonNode flows = metrics.get(Metrics.key(kind));
            assertEquals(fieldNames(flows.get("outcomes")), documented("report.json", "outcomes"), "outcomes");
            assertEquals(fieldNames(flows.get("phaseSeconds")), documented("report.json", "phaseSeconds"), "phaseSeconds");
        }
        assertEquals(fieldNames(metrics.get("integrity")), documented("report.json", "integrity"), "integrity");
    }

    @Test
    void summaryCsv_placeholders_listWhatTheWriterWrites() throws IOException {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> outcomes = new LinkedHashSet<>();
        Set<String> phases = new LinkedHashSet<>();
        Set<String> checks = new LinkedHashSet<>();
        for (SummaryMetrics.Row row : SummaryMetrics.of(ReportFixtures.single().points().get(0))) {
            collect(row.metric(), "^([a-z]+)\\.flows$", kinds);
            collect(row.metric(), "^[a-z]+\\.outcome\\.([a-z_]+)$", outcomes);
            collect(row.metric(), "^[a-z]+\\.phase\\.([a-z_]+)_time$", phases);
            collect(row.metric(), "^integrity\\.([a-z_]+)$", checks);
        }
        assertEquals(List.copyOf(kinds), documented("summary.csv", "<kind>"), "<kind>");
        assertEquals(List.copyOf(outcomes), documented("summary.csv", "<outcome>"), "<outcome>");
        assertEquals(List.copyOf(phases), documented("summary.csv", "<phase>"), "<phase>");
        assertEquals(List.copyOf(checks), documented("summary.csv", "<check>"), "<check>");
    }

    /**
     * The table of summary.csv's metrics is the metric list's: every metric once (a kind, outcome, phase,
     * check or cell id as its placeholder), with its unit, nothing the list does not hold, in the list's order.
     */
    @Test
    void summaryCsv_metricTable_isTheMetricListInOrderWithUnits() throws IOException {
        PointResult point = ReportFixtures.single().points().get(0);
        Map<String, String> listed = new LinkedHashMap<>();
        for (SummaryMetrics.Row row : SummaryMetrics.of(point)) {
            String pattern = placeholders(row.metric(), point);
            String unit = listed.putIfAbsent(pattern, row.unit());
            assertTrue(unit == null || unit.equals(row.unit()), pattern + " in two units");
        }
        List<String> order = List.copyOf(listed.keySet());
        Set<String> documented = new LinkedHashSet<>();
        int previous = -1;
        for (String row : metricTableRows()) {
            String[] cells = row.split("\\|");
            List<String> names = new ArrayList<>();
            Matcher name = QUOTED.matcher(cells[1]);
            while (name.find()) {
                names.add(name.group(1));
            }
            assertFalse(names.isEmpty(), row);
            for (String metric : names) {
                assertTrue(listed.containsKey(metric), "REPORTS.md lists `" + metric + "`, which summary.csv does not have");
                assertEquals(listed.get(metric), cells[2].strip(), "the unit of `" + metric + "` in REPORTS.md");
                assertTrue(documented.add(metric), "REPORTS.md lists `" + metric + "` twice");
            }
            int first = order.indexOf(names.get(0));
            assertTrue(first > previous, "REPORTS.md lists `" + names.get(0) + "` out of summary.csv's order");
            previous = first;
        }
        assertEquals(listed.keySet(), documented, "the metrics REPORTS.md lists");
    }

    @Test
    void flowsCsv_columnsOfConstants_listEveryConstant() throws IOException {
        // FlowRow.of writes each of these as the constant's name.
        assertEquals(names(FlowKind.values()), documented("flows.csv", "kind"), "kind");
        assertEquals(names(StationEffect.values()), documented("flows.csv", "station_effect"), "station_effect");
        assertEquals(names(IntegrityCheck.values()), documented("flows.csv", "integrity"), "integrity");
    }

    @Test
    void reportJson_undefinedMetric_isWrittenAsQuoted() throws IOException {
        String text = JsonReporter.toText(ReportFixtures.oneReplication());
        JsonNode halfWidth = JSON.readTree(text).get("points").get(0).get("metrics").get("backup")
                .get("completionSeconds").get("halfWidth");
        assertQuoted("report.json", text, "halfWidth", halfWidth);
    }

    @Test
    void reportJson_infiniteSettingsAndSweptValues_areWrittenAsQuoted() throws IOException, ScenarioException {
        RunReport report = infiniteReport();
        String text = JsonReporter.toText(report);
        JsonNode root = JSON.readTree(text);
        assertQuoted("report.json", text, "retentionSeconds", root.get("scenario").get("stations").get(0)
                .get("retentionSeconds"));
        JsonNode asString = root.get("points").get(0).get("values").get(SWEPT);
        assertTrue(prose("report.json").contains("`" + asString + "` stays that string"), asString.toString());
        assertQuoted("report.json", text, SWEPT, root.get("points").get(1).get("values").get(SWEPT));
        assertTrue(Double.isInfinite(report.scenario().points().get(1).resolved().at("/stations/0/retentionSeconds")
                .asDouble()), "the point written 1e999 runs with an infinite retention");
    }

    @Test
    void summaryCsv_infiniteSweptValues_areWrittenAsQuoted() throws IOException, ScenarioException {
        new SummaryCsvReporter().write(infiniteReport(), temp);
        List<List<String>> records = CsvParsing.parse(
                Files.readString(temp.resolve(SummaryCsvReporter.FILE_NAME), StandardCharsets.UTF_8));
        int column = records.get(0).indexOf(SWEPT);
        Set<String> written = new LinkedHashSet<>();
        for (List<String> record : records.subList(1, records.size())) {
            written.add(record.get(column));
        }
        assertEquals(1, written.size(), "both ways of writing infinity give one text: " + written);
        String value = written.iterator().next();
        assertTrue(prose("summary.csv").contains("an infinite value reads `" + value + "`"), value);
    }

    /** The scenario above, with one replication's results of the report fixture at each of its points. */
    private RunReport infiniteReport() throws IOException, ScenarioException {
        Path file = Files.writeString(temp.resolve("infinite.json"), INFINITE_SCENARIO);
        ResolvedScenario scenario = ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty());
        PointResult source = ReportFixtures.oneReplication().points().get(0);
        List<PointResult> points = new ArrayList<>();
        for (SweepPoint point : scenario.points()) {
            points.add(new PointResult(point, source.replications(), source.summary(), List.of()));
        }
        return new RunReport(scenario, points, false);
    }

    /**
     * The writer prints {@code "key": value} on a line of its own, and the section of REPORTS.md quotes
     * exactly that.
     */
    private static void assertQuoted(String file, String text, String key, JsonNode value) throws IOException {
        String pair = JSON.writeValueAsString(key) + ": " + value;
        assertTrue(text.lines().map(String::strip).anyMatch(line -> line.equals(pair) || line.equals(pair + ",")),
                file + " has no line " + pair);
        assertTrue(prose(file).contains("`" + pair + "`"), "the " + file + " section of REPORTS.md does not quote `"
                + pair + "`, which is what the writer writes");
    }

    /** The rows of the table headed {@code | metric | unit | what |} in the section on summary.csv. */
    private static List<String> metricTableRows() throws IOException {
        List<String> lines = section("summary.csv").lines().toList();
        int header = lines.indexOf("| metric | unit | what |");
        assertTrue(header >= 0, "the section on summary.csv has no table of metrics");
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line);
        }
        return rows;
    }

    /** A metric's name with its flow kind, outcome, phase, digest check and cell id as REPORTS.md's placeholders. */
    private static String placeholders(String metric, PointResult point) {
        String pattern = metric;
        for (FlowKind kind : FlowKind.values()) {
            pattern = replacePrefix(pattern, Metrics.key(kind) + ".", "<kind>.");
        }
        for (FlowOutcome outcome : FlowOutcome.values()) {
            pattern = pattern.replace(".outcome." + Metrics.key(outcome), ".outcome.<outcome>");
        }
        for (FlowPhase phase : FlowPhase.values()) {
            pattern = pattern.replace(".phase." + Metrics.key(phase) + "_", ".phase.<phase>_");
        }
        for (IntegrityCheck check : IntegrityCheck.values()) {
            pattern = pattern.equals("integrity." + Metrics.key(check)) ? "integrity.<check>" : pattern;
        }
        for (String id : point.summary().cells().keySet()) {
            pattern = replacePrefix(pattern, "cell." + id + ".", "cell.<id>.");
        }
        return pattern;
    }

    private static String replacePrefix(String text, String prefix, String replacement) {
        return text.startsWith(prefix) ? replacement + text.substring(prefix.length()) : text;
    }

    /** The names quoted in the row of {@code key} in the table of the section on {@code file}, each once, in order. */
    private static List<String> documented(String file, String key) throws IOException {
        String prefix = "| `" + key + "` |";
        List<String> rows = section(file).lines().filter(line -> line.startsWith(prefix)).toList();
        assertEquals(1, rows.size(), "rows for `" + key + "` in the " + file + " section of REPORTS.md");
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(rows.get(0).substring(prefix.length()));
        while (name.find()) {
            names.add(name.group(1));
        }
        return List.copyOf(names);
    }

    /** The text of REPORTS.md under the heading {@code ## `file`}, up to the next heading of that level. */
    private static String section(String file) throws IOException {
        String text = Files.readString(REPORTS, StandardCharsets.UTF_8);
        String heading = "\n## `" + file + "`\n";
        int start = text.indexOf(heading);
        assertTrue(start >= 0, "REPORTS.md has no heading " + heading.strip());
        int end = text.indexOf("\n## ", start + heading.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The section on {@code file} with every run of white space as one space, for quotes that a line break may split. */
    private static String prose(String file) throws IOException {
        return section(file).replaceAll("\\s+", " ");
    }

    private static void collect(String metric, String regex, Set<String> found) {
        Matcher matcher = Pattern.compile(regex).matcher(metric);
        if (matcher.matches()) {
            found.add(matcher.group(1));
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
