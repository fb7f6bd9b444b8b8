package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.StationEffect;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ScenarioRunner;
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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code scenarios/REPORTS.md} documents every object of report.json by a table of its keys in the order
 * written with their types, lists every constant the reports write, in the order they write them, and
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

    /** Two cells, so that every object of {@code cells.byId} is checked, not only the first. */
    private static final String TWO_CELLS = """
            {
              "name": "two-cells",
              "seed": 3,
              "replications": 2,
              "runLengthSeconds": 600,
              "stations": [{"id": "cell", "count": 2, "channels": 2, "storageCapacityBytes": 1000000000}],
              "workload": {
                "subscribersPerStation": 20,
                "backupArrivalsPerSecond": 0.05,
                "userDataBytes": {"distribution": "fixed", "value": 100000},
                "restoreShare": 0.5
              }
            }
            """;

    /** Every set-up fails: no flow succeeds, so that what may be null is null. */
    private static final String NOTHING_SUCCEEDS = """
            {
              "name": "nothing-succeeds",
              "seed": 3,
              "replications": 2,
              "runLengthSeconds": 600,
              "airInterface": {"setupFailureProbability": 1},
              "stations": [{"id": "cell", "channels": 2, "storageCapacityBytes": 1000000000}],
              "workload": {
                "subscribersPerStation": 20,
                "backupArrivalsPerSecond": 0.05,
                "userDataBytes": {"distribution": "fixed", "value": 100000},
                "restoreShare": 0.5
              }
            }
            """;

    /** The header of the tables of metrics: summary.csv's, and replications.csv's counts that summary.csv does not list. */
    private static final String METRIC_TABLE = "| metric | unit | what |";

    /** The header of every table in the section on report.json: one row per key of an object. */
    private static final String KEY_TABLE = "| key | type | meaning |";

    /** The heading of the table of the file's own object, and of the table every estimate follows. */
    private static final String TOP_LEVEL = "Top level";
    private static final String AN_ESTIMATE = "An estimate";

    /** The prefix that REPORTS.md leaves out of a point's metrics: {@code metrics.x} is {@code points[i].metrics.x}. */
    private static final String POINT = "points[i].";

    /** The key that stands for the keys an example leaves out. */
    private static final String SHORTENED = "...";

    /** A path's last segment that stands for any key, as in {@code metrics.cells.byId.<id>}. */
    private static final Pattern ANY_KEY = Pattern.compile("\\.<[a-z]+>$");

    @TempDir
    Path temp;

    static Stream<Arguments> reports() throws IOException, ScenarioException {
        return Stream.of(Arguments.of("single", ReportFixtures.single()), Arguments.of("sweep", ReportFixtures.sweep()),
                Arguments.of("twoParameterSweep", ReportFixtures.twoParameterSweep()),
                Arguments.of("oneReplication", ReportFixtures.oneReplication()),
                Arguments.of("twoCells", withCells(run(TWO_CELLS), 2)),
                Arguments.of("networkStore", ReportFixtures.networkStore()),
                Arguments.of("nothingSucceeds", run(NOTHING_SUCCEEDS)),
                Arguments.of("capacitySweep", ReportFixtures.capacitySweep()));
    }

    /**
     * Every table of keys in the section on report.json is the keys of the objects it names, in the order
     * written, with the type of each value as written (in every point, for both flow kinds, in every element
     * of an array and every cell); every object the writer writes has its table (or its row calls it
     * free-form), and every table names an object the writer writes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reportJson_keyTables_areTheKeysInOrderAndTheTypesOfEveryObjectWritten(String name, RunReport report)
            throws IOException {
        KeyTables tables = KeyTables.of(section("report.json"), "report " + name, new LinkedHashSet<>());
        tables.object(JSON.readTree(JsonReporter.toText(report)), "", "");
    }

    /**
     * Every table names an object that some report above writes (a shared cell's directions only the
     * reports of shared cells).
     */
    @Test
    void reportJson_keyTables_eachNamesAnObjectSomeReportWrites() throws IOException, ScenarioException {
        String section = section("report.json");
        Set<String> met = new LinkedHashSet<>();
        KeyTables last = null;
        for (Arguments arguments : reports().toList()) {
            Object[] named = arguments.get();
            last = KeyTables.of(section, "the reports", new LinkedHashSet<>(), met);
            last.object(JSON.readTree(JsonReporter.toText((RunReport) named[1])), "", "");
        }
        last.assertEveryTableUsed();
    }

    /**
     * A key typed {@code number or null} is null in some report (else its type is {@code number}); the
     * reports above include one in which no flow succeeds.
     */
    @Test
    void reportJson_keysOfNumberOrNull_areNullInSomeReport() throws IOException, ScenarioException {
        String section = section("report.json");
        Set<String> nulls = new LinkedHashSet<>();
        for (Arguments arguments : reports().toList()) {
            Object[] named = arguments.get();
            KeyTables.of(section, "report " + named[0], nulls)
                    .object(JSON.readTree(JsonReporter.toText((RunReport) named[1])), "", "");
        }
        for (KeyTable table : KeyTables.of(section, "", nulls).tables()) {
            for (KeyRow row : table.rows()) {
                assertTrue(row.type() != Type.NUMBER_OR_NULL || nulls.contains(KeyTables.rowName(table, row.key())),
                        "no report writes null at `" + row.key() + "` of the table under \"" + table.heading()
                        + "\" in REPORTS.md, which says `" + row.type().word + "`");
            }
        }
    }

    /** The example of report.json follows the tables, but for the keys it leaves out (shown as {@value #SHORTENED}). */
    @Test
    void reportJson_example_followsTheKeyTables() throws IOException {
        String section = section("report.json");
        int start = section.indexOf("```json\n");
        assertTrue(start >= 0, "the section on report.json has no example");
        String example = section.substring(start + "```json\n".length(), section.indexOf("\n```", start));
        KeyTables.of(section, "the example in REPORTS.md", new LinkedHashSet<>()).leavingKeysOut()
                .object(JSON.readTree(example), "", "");
    }

    /** The key tables name their types in words the paragraph on the types explains. */
    @Test
    void reportJson_typeWords_areExplained() throws IOException {
        for (Type type : Type.values()) {
            assertTrue(prose("report.json").contains("`" + type.word + "`"),
                    "the section on report.json does not explain the type `" + type.word + "`");
        }
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
        // A point under network storage on the LTE profile's shared cell lists every row: those of station
        // storage and a dedicated cell, the shared directions' and the backhaul's.
        PointResult point = ReportFixtures.networkStore().points().get(0);
        assertFalse(point.summary().shares().isEmpty(), "the fixture's cell is shared");
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
    void replicationsCsv_columnTable_isTheReportersColumnsInOrder() throws IOException {
        // The rows headed by a quoted name; the swept paths' row is headed by words.
        List<String> table = tableRows("replications.csv", "| column | meaning |").stream()
                .filter(line -> line.startsWith("| `")).map(line -> line.substring(3, line.indexOf('`', 3))).toList();
        List<String> columns = new ArrayList<>(List.of("point"));
        columns.addAll(ReplicationsCsvReporter.METRIC_COLUMNS);
        assertEquals(columns, table);
    }

    /**
     * The table of replications.csv's counts that summary.csv does not list is the metric list's: the metrics
     * with a value per replication and no row of summary.csv, with their units, in order.
     */
    @Test
    void replicationsCsv_countsTable_isTheMetricsWithoutASummaryRow() throws IOException {
        PointResult point = ReportFixtures.networkStore().points().get(0);
        Set<String> summarised = new LinkedHashSet<>();
        SummaryMetrics.of(point).forEach(row -> summarised.add(row.metric()));
        List<String> expected = ReplicationMetrics.of(point).stream().filter(v -> !summarised.contains(v.metric()))
                .map(v -> v.metric() + " " + v.unit()).toList();
        assertFalse(expected.isEmpty(), "no metric without a row of summary.csv");
        List<String> documented = tableRows("replications.csv", METRIC_TABLE).stream().map(row -> row.split("\\|"))
                .map(cells -> cells[1].strip().replace("`", "") + " " + cells[2].strip()).toList();
        assertEquals(expected, documented);
    }

    @Test
    void flowsCsv_columnTable_listsTheReportersFixedColumnsInOrder() throws IOException {
        // The rows headed by a quoted name; the swept paths' row is headed by words.
        List<String> table = section("flows.csv").lines().filter(line -> line.startsWith("| `"))
                .map(line -> line.substring(3, line.indexOf('`', 3))).toList();
        assertEquals(FlowsCsvReporter.COLUMNS, table);
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

    /** {@code report}, which has {@code cells} cells. */
    private static RunReport withCells(RunReport report, int cells) {
        assertEquals(cells, report.points().get(0).summary().cells().size(), "cells of " + report.scenario().name());
        return report;
    }

    /** The scenario {@code json}, run by the runner. */
    static RunReport run(String json) throws IOException, ScenarioException {
        Path file = Files.createTempFile("scenario", ".json");
        try {
            Files.writeString(file, json);
            return new ScenarioRunner(2, false, ScenarioRunner.Progress.NONE)
                    .run(ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty()));
        } finally {
            Files.delete(file);
        }
    }

    /** The words of the tables' type column, each with the JSON values it admits; a word not here fails the test. */
    private enum Type {
        STRING("string", JsonNode::isTextual),
        INTEGER("integer", JsonNode::isIntegralNumber),
        NUMBER("number", JsonNode::isFloatingPointNumber),
        NUMBER_OR_NULL("number or null", node -> node.isFloatingPointNumber() || node.isNull()),
        BOOLEAN("boolean", JsonNode::isBoolean),
        STRING_OR_NULL("string or null", node -> node.isTextual() || node.isNull()),
        BOOLEAN_OR_NULL("boolean or null", node -> node.isBoolean() || node.isNull()),
        ARRAY_OF_STRINGS("array of strings", node -> node.isArray()
                && StreamSupport.stream(node.spliterator(), false).allMatch(JsonNode::isTextual)),
        FREE_FORM_OBJECT("free-form object", JsonNode::isObject),
        /** An object whose keys and types are the table headed {@value #AN_ESTIMATE}. */
        ESTIMATE("estimate", JsonNode::isObject),
        /** An object whose keys and types are the table headed by its path, or by its path and {@code .<x>}. */
        OBJECT("object", JsonNode::isObject),
        /** An array whose every element is an object of the table headed by its path and {@code [i]}. */
        ARRAY("array", JsonNode::isArray);

        final String word;
        final Predicate<JsonNode> admits;

        Type(String word, Predicate<JsonNode> admits) {
            this.word = word;
            this.admits = admits;
        }

        static Type of(String word, String where) {
            for (Type type : values()) {
                if (type.word.equals(word)) {
                    return type;
                }
            }
            List<String> words = Arrays.stream(values()).map(type -> type.word).toList();
            return fail(where + ": the type `" + word + "` is none of " + words);
        }
    }

    /** A row of a table of keys: the key, its value's type, and whether it is written only where its row says. */
    private record KeyRow(String key, Type type, boolean optional) {}

    /** The words after a type that make a key optional. */
    private static final String OPTIONAL = ", optional";

    /** A table of keys under its heading: the objects it documents (their paths, or the estimate) and its rows. */
    private record KeyTable(String heading, List<String> paths, List<KeyRow> rows) {

        List<String> keys() {
            return rows.stream().map(KeyRow::key).toList();
        }
    }

    /**
     * The tables of keys of the section on report.json, by the path of the object each documents
     * ({@code ""} for the top level, {@code points[i]} for every element of {@code points}, a point's
     * {@code metrics.x} as {@code points[i].metrics.x}), the report they are checked against, whether it
     * leaves keys out (as {@value #SHORTENED}), the paths the check has met in it so far, and the rows (as
     * {@link #rowName}) it has found null.
     */
    private record KeyTables(Map<String, KeyTable> byPath, KeyTable estimate, String report, boolean keysLeftOut,
            Set<String> met, Set<String> nulls) {

        private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9_]+)`");

        static KeyTables of(String section, String report, Set<String> nulls) {
            return of(section, report, nulls, new LinkedHashSet<>());
        }

        /** The tables, adding the paths met to {@code met}. */
        static KeyTables of(String section, String report, Set<String> nulls, Set<String> met) {
            Map<String, KeyTable> byPath = new LinkedHashMap<>();
            KeyTable estimate = null;
            String heading = "(none)";
            List<String> lines = section.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("#")) {
                    heading = line.replaceFirst("^#+\\s*", "");
                    continue;
                }
                if (!line.startsWith("|") || (i > 0 && lines.get(i - 1).startsWith("|"))) {
                    continue;
                }
                String where = "REPORTS.md, the table under \"" + heading + "\"";
                assertEquals(KEY_TABLE, line, where + ": every table of report.json's keys is headed " + KEY_TABLE);
                List<KeyRow> rows = new ArrayList<>();
                for (int row = i + 2; row < lines.size() && lines.get(row).startsWith("|"); row++) {
                    rows.add(parseRow(lines.get(row), where));
                }
                KeyTable table = new KeyTable(heading, paths(heading, where), rows);
                if (heading.equals(AN_ESTIMATE)) {
                    assertTrue(estimate == null, where + ": a second table of an estimate");
                    estimate = table;
                }
                for (String path : table.paths()) {
                    KeyTable before = byPath.put(path, table);
                    assertTrue(before == null, where + ": `" + path + "` has a table already, under \""
                            + (before == null ? "" : before.heading()) + "\"");
                }
            }
            assertNotNull(estimate, "REPORTS.md: no table under the heading " + AN_ESTIMATE);
            return new KeyTables(byPath, estimate, report, false, met, nulls);
        }

        /** These tables, checking a report that leaves keys out. */
        KeyTables leavingKeysOut() {
            return new KeyTables(byPath, estimate, report, true, met, nulls);
        }

        /** Every table, the estimate's included, each once. */
        List<KeyTable> tables() {
            Set<KeyTable> tables = new LinkedHashSet<>(byPath.values());
            tables.add(estimate);
            return List.copyOf(tables);
        }

        /** A row named by its table's heading and its key. */
        static String rowName(KeyTable table, String key) {
            return table.heading() + " | " + key;
        }

        /** {@code | `key` | type | meaning |} */
        private static KeyRow parseRow(String line, String where) {
            String[] cells = line.split("\\|");
            assertTrue(cells.length >= 4, where + ": the row " + line + " has not a key, a type and a meaning");
            Matcher key = KEY.matcher(cells[1].strip());
            assertTrue(key.matches(), where + ": the row " + line + " names no key as `key`");
            String type = cells[2].strip();
            boolean optional = type.endsWith(OPTIONAL);
            return new KeyRow(key.group(1), Type.of(optional ? type.substring(0, type.length() - OPTIONAL.length()) : type,
                    where + ", the row of `" + key.group(1) + "`"), optional);
        }

        /** The paths a heading names in back quotes, a point's metrics as written in the file. */
        private static List<String> paths(String heading, String where) {
            if (heading.equals(TOP_LEVEL)) {
                return List.of("");
            }
            if (heading.equals(AN_ESTIMATE)) {
                return List.of();
            }
            List<String> paths = new ArrayList<>();
            Matcher path = QUOTED.matcher(heading);
            while (path.find()) {
                String named = path.group(1);
                paths.add(named.startsWith("metrics") ? POINT + named : named);
            }
            assertFalse(paths.isEmpty(), where + ": the heading names no object's path in back quotes");
            return paths;
        }

        /**
         * Checks the object {@code node} at {@code path}, written at {@code at} (both {@code ""} at the top
         * level): against its table, or, for an object of any keys, each value against the table of
         * {@code <path>.<x>}.
         */
        void object(JsonNode node, String path, String at) {
            KeyTable table = byPath.get(path);
            if (table != null) {
                met.add(path);
                fields(table, node, path, at);
                return;
            }
            String anyKey = byPath.keySet().stream()
                    .filter(documented -> ANY_KEY.matcher(documented).find()
                            && documented.substring(0, documented.lastIndexOf(".<")).equals(path))
                    .findFirst()
                    .orElseGet(() -> fail(where(at) + ": REPORTS.md has no table of the object `" + shown(path)
                            + "` (a heading with its path, or with `" + shown(path) + ".<x>` if its keys are free)"));
            node.properties().forEach(field -> {
                met.add(anyKey);
                String child = child(at, field.getKey());
                assertTrue(field.getValue().isObject(), where(child) + ": not an object, as `" + shown(anyKey)
                        + "` would be");
                fields(byPath.get(anyKey), field.getValue(), anyKey, child);
            });
        }

        /**
         * The keys of {@code node} are the rows of {@code table} in order (of a report that leaves keys out:
         * some of them, in order), and each value is of its row's type.
         */
        private void fields(KeyTable table, JsonNode node, String path, String at) {
            List<String> written = node.properties().stream().map(Map.Entry::getKey)
                    .filter(key -> !keysLeftOut || !key.equals(SHORTENED)).toList();
            if (keysLeftOut) {
                assertInOrder(table, written, where(at));
            } else {
                assertKeys(table, written, where(at));
            }
            for (KeyRow row : table.rows()) {
                String key = row.key();
                if (node.has(key)) {
                    value(table, row, node.get(key), child(path, key), child(at, key));
                }
            }
        }

        private void value(KeyTable table, KeyRow row, JsonNode node, String path, String at) {
            Type type = row.type();
            assertTrue(type.admits.test(node), where(at) + ": " + node.getNodeType() + " " + abbreviated(node)
                    + ", but the table under \"" + table.heading() + "\" in REPORTS.md says `" + type.word + "`");
            if (node.isNull()) {
                nulls.add(rowName(table, row.key()));
            }
            switch (type) {
                case ESTIMATE -> {
                    met.add(AN_ESTIMATE);
                    fields(estimate, node, path, at);
                }
                case OBJECT -> object(node, path, at);
                case ARRAY -> {
                    for (int i = 0; i < node.size(); i++) {
                        JsonNode element = node.get(i);
                        assertTrue(element.isObject(), where(at + "[" + i + "]") + ": not an object, as `"
                                + shown(path + "[i]") + "` would be");
                        object(element, path + "[i]", at + "[" + i + "]");
                    }
                }
                case STRING, INTEGER, NUMBER, NUMBER_OR_NULL, BOOLEAN, STRING_OR_NULL, BOOLEAN_OR_NULL, ARRAY_OF_STRINGS,
                        FREE_FORM_OBJECT -> {
                    // a leaf, or free-form below
                }
            }
        }

        void assertEveryTableUsed() {
            // The tables below a key written only where its object exists, which this report did not write.
            List<String> unwritten = new ArrayList<>();
            byPath.forEach((path, table) -> table.rows().stream().filter(KeyRow::optional)
                    .map(row -> child(path, row.key())).filter(optional -> !met.contains(optional))
                    .forEach(unwritten::add));
            for (Map.Entry<String, KeyTable> table : byPath.entrySet()) {
                String path = table.getKey();
                if (unwritten.stream().anyMatch(optional -> path.equals(optional) || path.startsWith(optional + "."))) {
                    continue;
                }
                assertTrue(met.contains(table.getKey()), report + ": REPORTS.md has a table of `"
                        + shown(table.getKey()) + "` under \"" + table.getValue().heading()
                        + "\", but the writer writes no such object");
            }
            assertTrue(met.contains(AN_ESTIMATE), report + ": REPORTS.md has a table of an estimate, but no estimate"
                    + " was written");
        }

        /** Where the keys written first differ from those documented, with both lists. */
        private static void assertKeys(KeyTable table, List<String> written, String at) {
            List<String> documented = table.rows().stream().filter(row -> !row.optional() || written.contains(row.key()))
                    .map(KeyRow::key).toList();
            if (documented.equals(written)) {
                return;
            }
            int i = 0;
            while (i < documented.size() && i < written.size() && documented.get(i).equals(written.get(i))) {
                i++;
            }
            fail(at + ": the table under \"" + table.heading() + "\" in REPORTS.md has "
                    + (i < documented.size() ? "`" + documented.get(i) + "`" : "no more rows") + " as its key "
                    + (i + 1) + ", the writer writes "
                    + (i < written.size() ? "`" + written.get(i) + "`" : "no more keys") + " there; documented "
                    + documented + ", written " + written);
        }

        private String where(String at) {
            return report + ", at `" + (at.isEmpty() ? "(top level)" : at) + "`";
        }

        private static String child(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Every key written is a row of {@code table}, after the one written before it. */
        private static void assertInOrder(KeyTable table, List<String> written, String where) {
            List<String> documented = table.keys();
            int previous = -1;
            for (String key : written) {
                int row = documented.indexOf(key);
                assertTrue(row > previous, where + ": `" + key + "` is " + (row < 0 ? "not a key" : "out of the order")
                        + " of the table under \"" + table.heading() + "\" in REPORTS.md; documented " + documented);
                previous = row;
            }
        }

        /** A path as REPORTS.md writes it. */
        private static String shown(String path) {
            if (path.isEmpty()) {
                return "(top level)";
            }
            return path.startsWith(POINT + "metrics") ? path.substring(POINT.length()) : path;
        }

        private static String abbreviated(JsonNode node) {
            String text = node.toString();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }
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
        return new RunReport(scenario, Provenance.of(scenario, CodeIdentity.current()), points, false);
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
        return tableRows("summary.csv", METRIC_TABLE);
    }

    /** The rows of the table headed {@code tableHeader} in the section on {@code file}. */
    private static List<String> tableRows(String file, String tableHeader) throws IOException {
        List<String> lines = section(file).lines().toList();
        int header = lines.indexOf(tableHeader);
        assertTrue(header >= 0, "the section on " + file + " has no table " + tableHeader);
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
            pattern = replacePrefix(pattern, "backhaul." + id + ".", "backhaul.<id>.");
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

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
