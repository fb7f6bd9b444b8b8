package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * The reports are derived from the one metric list, {@link Metrics#ALL}: report.json and summary.csv, as
 * written, agree on every metric of the list, a count's two readings agree, and the handles other reports
 * read are metrics of the list. (That each file holds nothing else is ReportsDocumentationTest's to check,
 * against the tables of REPORTS.md.)
 */
final class MetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    static Stream<Arguments> reports() {
        return ReportFixtures.named();
    }

    /**
     * Each metric's row of summary.csv, as written, says what report.json, as written, states of it at the
     * metric's key: an estimate's mean, interval and n as they are; a duration's pooled percentiles too; a
     * count's mean per replication times its n is the total; a peak's mean is no larger than the largest
     * value and its sum no smaller. Every row is one metric's (no name twice), and only durations have
     * percentiles. The list pairs a row's name with a key; the values come from the two files alone.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void summaryCsvAndReportJson_asWritten_agreeOnEveryMetricOfEveryPoint(String name, RunReport report)
            throws IOException {
        new JsonReporter().write(report, temp);
        new SummaryCsvReporter().write(report, temp);
        JsonNode points = JSON.readTree(Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8))
                .get("points");
        Map<String, Map<String, Map<String, String>>> rows = rowsByPointAndMetric(CsvParsing.parse(
                Files.readString(temp.resolve(SummaryCsvReporter.FILE_NAME), StandardCharsets.UTF_8)));
        assertEquals(report.points().size(), rows.size(), "points in summary.csv");
        for (int i = 0; i < report.points().size(); i++) {
            JsonNode point = points.get(i);
            Map<String, Map<String, String>> ofPoint = rows.get(Integer.toString(i));
            Set<String> paired = new HashSet<>();
            leaves(Metrics.ALL, "", report.points().get(i), (path, node) -> {
                if (node instanceof Metric<?> metric) {
                    String where = "point " + point.get("index") + ", " + metric.name() + " at " + path + "/"
                            + metric.key();
                    Map<String, String> row = ofPoint.get(metric.name());
                    assertTrue(row != null && paired.add(metric.name()), where + ": no row of its own in summary.csv");
                    assertAgree(metric, point.at(path), row, where);
                }
            });
            assertEquals(ofPoint.keySet(), paired, "point " + i + ": the rows of summary.csv are the metrics'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void perReplicationReadings_agreeWithWhatTheSummaryHolds(String name, RunReport report) {
        for (PointResult point : report.points()) {
            leaves(Metrics.ALL, "", point, (path, node) -> {
                Reading read = node instanceof Metric<?> metric ? metric.reading()
                        : node instanceof MetricNode.Unsummarised unsummarised ? unsummarised.reading() : null;
                if (read instanceof Reading.PerReplication reading) {
                    long sum = 0;
                    long largest = 0;
                    for (ReplicationResult result : point.replications()) {
                        double value = reading.valueOf(result);
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

    /**
     * The backhaul block is stated only where a backhaul exists: not under station storage (whose reports
     * stay as they were), and under network storage with each direction's figures those of core's
     * statistics of the one station (summing one station changes nothing).
     */
    @Test
    void backhaul_onlyUnderNetworkStorage_statesCoresStatistics() throws IOException {
        JsonNode station = JSON.readTree(JsonReporter.toText(ReportFixtures.single())).at("/points/0/metrics");
        assertTrue(station.has("storage") && !station.has("backhaul"), station.fieldNames().toString());
        PointResult point = ReportFixtures.networkStore().points().get(0);
        JsonNode network = JSON.readTree(JsonReporter.toText(ReportFixtures.networkStore())).at("/points/0/metrics/backhaul");
        double[] utilisation = new double[point.replications().size()];
        double[] down = new double[utilisation.length];
        double[] bytes = new double[utilisation.length];
        for (int i = 0; i < utilisation.length; i++) {
            var directions = point.replications().get(i).backhauls().stations().values();
            assertEquals(1, directions.size());
            var toStore = directions.iterator().next().toStore();
            utilisation[i] = toStore.utilisation();
            down[i] = toStore.downSeconds() / toStore.observedSeconds();
            bytes[i] = toStore.bitsDelivered() / 8.0;
        }
        assertEquals(mean(utilisation), network.at("/toStore/utilisation/mean").doubleValue(), 1e-12);
        assertEquals(mean(down), network.at("/toStore/downShare/mean").doubleValue(), 1e-12);
        assertEquals(mean(bytes), network.at("/toStore/bytesDelivered/mean").doubleValue(), 1e-6);
        assertEquals(network.at("/toStore"), network.at("/byStation/cell-1/toStore"), "one station: its own are the totals");
        assertEquals(network.at("/fromStore"), network.at("/byStation/cell-1/fromStore"));
        assertTrue(mean(utilisation) > 0 && mean(down) > 0 && network.at("/toStore/retransmissions/mean").doubleValue() > 0,
                "the fixture moves every figure: " + network);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
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
        } else if (node instanceof MetricNode.IfPresent optional) {
            if (optional.present().test(point)) {
                leaves(optional.node(), path, point, action);
            }
        } else if (node instanceof Metric<?> || node instanceof Unlisted || node instanceof MetricNode.Unsummarised) {
            action.accept(path, node);
        } else {
            throw new AssertionError("a kind of node this test does not know: " + node);
        }
    }

    /** The records of summary.csv by point, then by metric, each as column name to field; a metric twice fails. */
    private static Map<String, Map<String, Map<String, String>>> rowsByPointAndMetric(List<List<String>> records) {
        List<String> header = records.get(0);
        Map<String, Map<String, Map<String, String>>> rows = new LinkedHashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            Map<String, String> before = rows.computeIfAbsent(row.get("point"), point -> new LinkedHashMap<>())
                    .put(row.get("metric"), row);
            assertTrue(before == null, "point " + row.get("point") + ": two rows " + row.get("metric"));
        }
        return rows;
    }

    /** {@code row} of summary.csv says of {@code metric} what {@code object} of report.json holds at its key. */
    private static void assertAgree(Metric<?> metric, JsonNode object, Map<String, String> row, String where) {
        Reading reading = metric.reading();
        if (reading instanceof Reading.Timed) {
            assertEstimate(object.get(metric.key() + "Seconds"), row, where);
            for (String percentile : List.of("50", "95", "99")) {
                assertField(object.get(metric.key() + "P" + percentile + "Seconds"), row.get("p" + percentile),
                        where + " p" + percentile);
            }
            return;
        }
        for (String percentile : List.of("p50", "p95", "p99")) {
            assertEquals("", row.get(percentile), where + ": a " + percentile + " of what is not a duration");
        }
        JsonNode value = object.get(metric.key());
        if (reading instanceof Reading.Estimated) {
            assertEstimate(value, row, where);
        } else if (reading instanceof Reading.PerReplication) {
            assertTrue(value.isIntegralNumber(), where + ": " + value);
            long stated = value.longValue();
            int n = Integer.parseInt(row.get("replications"));
            String mean = row.get("mean");
            // The values of the replications are whole numbers: rounding undoes the rounding error of their mean.
            long sum = mean.isEmpty() ? 0 : Math.round(Double.parseDouble(mean) * n);
            if (reading instanceof Reading.Count) {
                assertEquals(stated, sum, where + ": the total against the mean per replication " + mean + " times "
                        + n);
            } else {
                long rounded = mean.isEmpty() ? 0 : Math.round(Double.parseDouble(mean));
                assertTrue(rounded <= stated && stated <= sum, where + ": the largest value " + stated
                        + " against the mean " + mean + " of " + n);
            }
        } else {
            throw new AssertionError(where + ": a reading this test does not know: " + reading);
        }
    }

    /** An estimate of report.json, and the row of summary.csv: mean, interval and n. */
    private static void assertEstimate(JsonNode estimate, Map<String, String> row, String where) {
        assertField(estimate.get("mean"), row.get("mean"), where + " mean");
        assertField(estimate.get("lower"), row.get("ci_lower"), where + " lower");
        assertField(estimate.get("upper"), row.get("ci_upper"), where + " upper");
        assertEquals(estimate.get("n").asText(), row.get("replications"), where + " n");
    }

    /** A number of report.json (null where undefined) and the field of summary.csv (empty where undefined). */
    private static void assertField(JsonNode number, String field, String where) {
        if (number.isNull()) {
            assertEquals("", field, where);
        } else {
            assertTrue(number.isFloatingPointNumber(), where + ": " + number);
            assertEquals(number.doubleValue(), Double.parseDouble(field), where);
        }
    }
}
