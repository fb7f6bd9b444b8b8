package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.stats.Estimate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claim of replications.csv, checked on the files as written: summary.csv's every row is made of the
 * metric's values in replications.csv. For each point and row, the metric's non-empty values (one per
 * replication) give through {@link Estimate#of(double[], double)} at the point's confidence exactly the row's
 * {@code mean}, {@code ci_lower}, {@code ci_upper} (as written) and {@code replications}; every replication of
 * the point lists the same metrics, summary.csv's in its order (the counts summary.csv does not list among
 * them); the leading columns are summary.csv's. Used by the reporter's test and, for every example, by the
 * golden reports' test.
 */
public final class ReplicationsAgreement {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicationsAgreement() {}

    /**
     * Checks that {@code folder}'s replications.csv and summary.csv agree (confidence from its report.json).
     *
     * @return the rows of summary.csv checked
     */
    public static int assertAgree(Path folder) throws IOException {
        JsonNode points = JSON.readTree(read(folder, JsonReporter.FILE_NAME)).get("points");
        List<List<String>> summary = CsvParsing.parse(read(folder, SummaryCsvReporter.FILE_NAME));
        List<List<String>> replications = CsvParsing.parse(read(folder, ReplicationsCsvReporter.FILE_NAME));
        List<String> summaryHeader = summary.get(0);
        int leading = summaryHeader.size() - SummaryCsvReporter.METRIC_COLUMNS.size();
        List<String> expectedHeader = new ArrayList<>(summaryHeader.subList(0, leading));
        expectedHeader.addAll(ReplicationsCsvReporter.METRIC_COLUMNS);
        assertEquals(expectedHeader, replications.get(0), "replications.csv's header");

        // point -> replication -> metric -> value, in the file's order
        Map<String, Map<String, Map<String, String>>> values = new LinkedHashMap<>();
        Map<String, List<String>> pointFields = new LinkedHashMap<>();
        for (List<String> record : replications.subList(1, replications.size())) {
            assertEquals(expectedHeader.size(), record.size(), "fields of " + record);
            String point = record.get(0);
            List<String> fields = record.subList(0, leading);
            assertEquals(pointFields.computeIfAbsent(point, p -> List.copyOf(fields)), fields, "point " + point);
            Map<String, String> ofReplication = values.computeIfAbsent(point, p -> new LinkedHashMap<>())
                    .computeIfAbsent(record.get(leading), r -> new LinkedHashMap<>());
            String before = ofReplication.put(record.get(leading + 1), record.get(leading + 2));
            assertTrue(before == null, "point " + point + " replication " + record.get(leading) + ": "
                    + record.get(leading + 1) + " twice, or not in point, replication, metric order");
        }

        Map<String, List<List<String>>> rowsByPoint = new LinkedHashMap<>();
        for (List<String> row : summary.subList(1, summary.size())) {
            rowsByPoint.computeIfAbsent(row.get(0), p -> new ArrayList<>()).add(row);
        }
        assertEquals(List.copyOf(rowsByPoint.keySet()), List.copyOf(values.keySet()), "the points, in order");
        int checked = 0;
        for (Map.Entry<String, List<List<String>>> ofPoint : rowsByPoint.entrySet()) {
            String point = ofPoint.getKey();
            List<String> where = ofPoint.getValue().get(0).subList(0, leading);
            assertEquals(where, pointFields.get(point), "point " + point + "'s leading fields");
            Map<String, Map<String, String>> byReplication = values.get(point);
            List<String> replicationIndexes = new ArrayList<>();
            for (int i = 0; i < byReplication.size(); i++) {
                replicationIndexes.add(Integer.toString(i));
            }
            assertEquals(replicationIndexes, List.copyOf(byReplication.keySet()), "point " + point + "'s replications");
            List<String> metrics = List.copyOf(byReplication.values().iterator().next().keySet());
            List<String> rowMetrics = ofPoint.getValue().stream().map(row -> row.get(leading)).toList();
            for (Map.Entry<String, Map<String, String>> replication : byReplication.entrySet()) {
                assertEquals(metrics, List.copyOf(replication.getValue().keySet()),
                        "point " + point + " replication " + replication.getKey() + ": the metrics");
            }
            assertEquals(rowMetrics, metrics.stream().filter(rowMetrics::contains).toList(),
                    "point " + point + ": summary.csv's metrics, in its order");
            double confidence = points.get(Integer.parseInt(point)).get("confidence").doubleValue();
            for (List<String> row : ofPoint.getValue()) {
                String metric = row.get(leading);
                double[] perReplication = byReplication.values().stream()
                        .map(ofReplication -> ofReplication.get(metric))
                        .mapToDouble(value -> value.isEmpty() ? Double.NaN : Double.parseDouble(value)).toArray();
                Estimate estimate = Estimate.of(perReplication, confidence);
                String at = "point " + point + ", " + metric;
                assertEquals(row.get(leading + 2), Csv.number(estimate.mean()), at + ": mean");
                assertEquals(row.get(leading + 3), Csv.number(estimate.lower()), at + ": ci_lower");
                assertEquals(row.get(leading + 4), Csv.number(estimate.upper()), at + ": ci_upper");
                assertEquals(row.get(leading + 8), Integer.toString(estimate.n()), at + ": replications");
                checked++;
            }
        }
        return checked;
    }

    private static String read(Path folder, String file) throws IOException {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }
}
