package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.report.MetricNode.Group;
import io.radiolink.report.MetricNode.PerCell;
import io.radiolink.report.MetricNode.Unlisted;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reports are derived from the one metric list, {@link Metrics#ALL}: each file holds every metric of the
 * list and nothing outside it, and the handles other reports read are metrics of the list.
 */
final class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ESTIMATE_KEYS = List.of("mean", "halfWidth", "lower", "upper", "n");

    /** What an object of report.json holds at a path, as the flattening below records it. */
    private static final Object OBJECT = new Object() {
        @Override
        public String toString() {
            return "{...}";
        }
    };

    @TempDir
    Path temp;

    static Stream<Arguments> reports() {
        return Stream.of(Arguments.of("single", ReportFixtures.single()), Arguments.of("sweep", ReportFixtures.sweep()),
                Arguments.of("twoParameterSweep", ReportFixtures.twoParameterSweep()),
                Arguments.of("oneReplication", ReportFixtures.oneReplication()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reportJson_metricsOfEveryPoint_areWhatTheListStatesAndNothingElse(String name, RunReport report)
            throws IOException {
        JsonNode points = JSON.readTree(JsonReporter.toText(report)).get("points");
        for (int i = 0; i < report.points().size(); i++) {
            Map<String, Object> stated = new LinkedHashMap<>();
            Metrics.ALL.state(report.points().get(i), new Recorder("", stated));
            Map<String, Object> written = written(points.get(i));
            assertEquals(List.copyOf(stated.keySet()), List.copyOf(written.keySet()), "point " + i + ": paths in order");
            for (Map.Entry<String, Object> entry : stated.entrySet()) {
                assertWritten(entry.getValue(), written.get(entry.getKey()), "point " + i + " " + entry.getKey());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void summaryCsv_rowsOfEveryPoint_areTheListsMetricsAndNothingElse(String name, RunReport report)
            throws IOException {
        new SummaryCsvReporter().write(report, temp);
        List<List<String>> records = CsvParsing.parse(
                Files.readString(temp.resolve(SummaryCsvReporter.FILE_NAME), StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        int metric = header.indexOf("metric");
        List<List<String>> expected = new ArrayList<>();
        for (PointResult point : report.points()) {
            List<SummaryMetrics.Row> rows = new ArrayList<>();
            Metrics.ALL.addRows(point, rows);
            for (SummaryMetrics.Row row : rows) {
                Estimate estimate = row.estimate();
                expected.add(List.of(Integer.toString(point.point().index()), row.metric(), row.unit(),
                        Csv.number(estimate.mean()), Csv.number(estimate.lower()), Csv.number(estimate.upper()),
                        Csv.number(row.p50()), Csv.number(row.p95()), Csv.number(row.p99()),
                        Integer.toString(estimate.n())));
            }
        }
        List<List<String>> written = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            List<String> fields = new ArrayList<>();
            fields.add(record.get(0));
            fields.addAll(record.subList(metric, record.size()));
            written.add(fields);
        }
        assertEquals(expected, written);
    }

    @Test
    void everyMetric_inBothFiles_andEveryUnlistedValueInReportJsonAlone() throws IOException {
        RunReport report = ReportFixtures.single();
        PointResult point = report.points().get(0);
        Map<String, Object> written = written(JSON.readTree(JsonReporter.toText(report)).get("points").get(0));
        Set<String> rows = new HashSet<>();
        SummaryMetrics.of(point).forEach(row -> assertTrue(rows.add(row.metric()), "two rows " + row.metric()));
        Set<String> names = new HashSet<>();
        List<String> unlisted = new ArrayList<>();
        leaves(Metrics.ALL, "", point, (path, node) -> {
            Map<String, Object> keys = new LinkedHashMap<>();
            node.state(point, new Recorder(path, keys));
            assertFalse(keys.isEmpty(), path + ": states nothing");
            keys.keySet().forEach(key -> assertTrue(written.containsKey(key), key + " is not in report.json"));
            if (node instanceof Metric<?> metric) {
                assertTrue(names.add(metric.name()), "two metrics named " + metric.name());
                assertTrue(rows.contains(metric.name()), metric.name() + " is not in summary.csv");
            } else {
                unlisted.add(path);
            }
        });
        assertEquals(rows, names, "summary.csv's rows are the list's metrics");
        assertFalse(unlisted.isEmpty(), "report.json's totals that summary.csv does not list are in the list too");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void perReplicationReadings_agreeWithWhatTheSummaryHolds(String name, RunReport report) {
        for (PointResult point : report.points()) {
            leaves(Metrics.ALL, "", point, (path, node) -> {
                if (node instanceof Metric<?> metric && metric.reading() instanceof Reading.PerReplication reading) {
                    long sum = 0;
                    long largest = 0;
                    for (ReplicationResult result : point.replications()) {
                        double value = reading.perReplication(result);
                        assertEquals(Math.rint(value), value, path + ": a whole number or NaN");
                        sum += Double.isNaN(value) ? 0 : (long) value;
                        largest = Double.isNaN(value) ? largest : Math.max(largest, (long) value);
                    }
                    long expected = reading instanceof Reading.Count ? sum : largest;
                    assertEquals(expected, reading.ofPoint(point.summary()), path);
                }
            });
        }
    }

    @Test
    void handles_areMetricsOfTheList() throws ReflectiveOperationException {
        Set<MetricNode> listed = Collections.newSetFromMap(new IdentityHashMap<>());
        PointResult point = ReportFixtures.single().points().get(0);
        leaves(Metrics.ALL, "", point, (path, node) -> listed.add(node));
        List<Object> handles = new ArrayList<>(List.of(Metrics.BLOCKING_PROBABILITY, Metrics.MEAN_BUSY_CHANNELS));
        for (FlowKind kind : FlowKind.values()) {
            Metrics.FlowMetrics metrics = Metrics.of(kind);
            for (RecordComponent component : Metrics.FlowMetrics.class.getRecordComponents()) {
                Object handle = component.getAccessor().invoke(metrics);
                handles.addAll(handle instanceof Map<?, ?> map ? map.values() : List.of(handle));
            }
        }
        for (Object handle : handles) {
            assertTrue(listed.contains(handle), handle + " is not in the list");
        }
    }

    @Test
    void ofKind_outcomes_everyOutcomeInOrder() {
        assertEquals(List.of(FlowOutcome.values()),
                List.copyOf(Metrics.of(FlowKind.DOWNLOAD).outcomes().keySet()));
        assertSame(Metrics.of(FlowKind.BACKUP), Metrics.of(FlowKind.BACKUP));
    }

    @Test
    void listingBefore_movesOneMembersRowsAndLeavesReportJsonsOrder() {
        Unlisted a = new Unlisted("a", new Reading.Total(s -> 1));
        Unlisted b = new Unlisted("b", new Reading.Total(s -> 2));
        Unlisted c = new Unlisted("c", new Reading.Total(s -> 3));
        Group group = new Group("g", List.of(a, b, c)).listingBefore(c, a);
        assertEquals(List.of(a, b, c), group.members());
        assertEquals(List.of(c, a, b), group.rowOrder());
        assertThrows(IllegalArgumentException.class, () -> group.listingBefore(a, a));
        assertThrows(IllegalArgumentException.class, () -> new Group("g", List.of(a, b), List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> new Group("g", List.of(a, b), List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new Group("g", List.of(a, a), List.of(a, a)));
    }

    /** Hands {@code action} each metric and unlisted value below {@code node} at {@code point}, with its object's path. */
    private static void leaves(MetricNode node, String path, PointResult point, BiConsumer<String, MetricNode> action) {
        if (node instanceof Group group) {
            group.members().forEach(member -> leaves(member, path + "/" + group.key(), point, action));
        } else if (node instanceof PerCell cells) {
            for (String id : point.summary().cells().keySet()) {
                cells.cell().apply(id).forEach(member -> leaves(member, path + "/" + cells.key() + "/" + id, point,
                        action));
            }
        } else if (node instanceof Metric<?> || node instanceof Unlisted) {
            action.accept(path, node);
        } else {
            throw new AssertionError("a kind of node this test does not know: " + node);
        }
    }

    /** Records what is stated by path: integers, numbers, estimates, and {@link #OBJECT} where an object begins. */
    private record Recorder(String path, Map<String, Object> stated) implements Fields {

        @Override
        public void integer(String key, long value) {
            put(key, value);
        }

        @Override
        public void number(String key, double value) {
            put(key, value);
        }

        @Override
        public void estimate(String key, Estimate estimate) {
            put(key, estimate);
        }

        @Override
        public Fields group(String key) {
            put(key, OBJECT);
            return new Recorder(path + "/" + key, stated);
        }

        private void put(String key, Object value) {
            assertTrue(stated.put(path + "/" + key, value) == null, "stated twice: " + path + "/" + key);
        }
    }

    /** The point's object {@code metrics} of report.json, flattened. */
    private static Map<String, Object> written(JsonNode point) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("/metrics", OBJECT);
        flatten("/metrics", point.get("metrics"), values);
        return values;
    }

    /** Every value below {@code node} by path, in order: an estimate object as one value, {@link #OBJECT} for others. */
    private static void flatten(String path, JsonNode node, Map<String, Object> values) {
        node.properties().forEach(field -> {
            String at = path + "/" + field.getKey();
            JsonNode value = field.getValue();
            boolean estimate = value.isObject() && ESTIMATE_KEYS.equals(List.copyOf(names(value)));
            if (value.isObject() && !estimate) {
                values.put(at, OBJECT);
                flatten(at, value, values);
            } else {
                values.put(at, value);
            }
        });
    }

    private static void assertWritten(Object stated, Object written, String where) {
        if (stated == OBJECT) {
            assertSame(OBJECT, written, where);
            return;
        }
        JsonNode node = (JsonNode) written;
        if (stated instanceof Long integer) {
            assertTrue(node.isIntegralNumber(), where + ": " + node);
            assertEquals(integer.longValue(), node.longValue(), where);
        } else if (stated instanceof Double number) {
            assertNumber(number, node, where);
        } else if (stated instanceof Estimate estimate) {
            assertNumber(estimate.mean(), node.get("mean"), where);
            assertNumber(estimate.halfWidth(), node.get("halfWidth"), where);
            assertNumber(estimate.lower(), node.get("lower"), where);
            assertNumber(estimate.upper(), node.get("upper"), where);
            assertEquals(estimate.n(), node.get("n").intValue(), where);
        } else {
            throw new AssertionError(where + ": stated " + stated);
        }
    }

    private static void assertNumber(double expected, JsonNode actual, String where) {
        if (Double.isFinite(expected)) {
            assertTrue(actual.isFloatingPointNumber(), where + ": " + actual);
            assertEquals(expected, actual.doubleValue(), where);
        } else {
            assertTrue(actual.isNull(), where + ": expected null for " + expected + ", was " + actual);
        }
    }

    private static Collection<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
