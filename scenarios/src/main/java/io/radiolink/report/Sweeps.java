package io.radiolink.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.scenario.Redaction;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.scenario.SweepValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How the reports name swept parameters and show their values (passwords redacted). */
public final class Sweeps {

    private Sweeps() {}

    /** The swept parameters' paths, in the order the sweep lists them (empty without a sweep). */
    public static List<String> paths(RunReport report) {
        List<String> paths = new ArrayList<>();
        for (SweepValue value : report.scenario().points().get(0).values()) {
            paths.add(value.path());
        }
        return paths;
    }

    /** A swept value as the reports show it: passwords redacted ({@link Redaction}). */
    static JsonNode shown(SweepValue value) {
        return Redaction.shown(value.path(), value.value());
    }

    /**
     * A value as text: scalars as their plain text (a floating-point number as {@link Numbers#text}), the rest
     * as compact JSON with the reports' numbers.
     */
    static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
            return Numbers.text(value.doubleValue());
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        try {
            return Numbers.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree cannot fail to print", e);
        }
    }

    /** The header of summary.csv and replications.csv: {@code point}, the swept paths, then {@code metricColumns}. */
    static List<String> header(RunReport report, List<String> metricColumns) {
        List<String> columns = new ArrayList<>();
        columns.add("point");
        columns.addAll(paths(report));
        columns.addAll(metricColumns);
        return columns;
    }

    /** The point's leading fields under {@link #header}: its index, then its values as text. */
    static List<String> pointFields(SweepPoint point) {
        List<String> fields = new ArrayList<>();
        fields.add(Integer.toString(point.index()));
        fields.addAll(texts(point));
        return fields;
    }

    /** The point's values as text, in the order of {@link #paths}: the CSV files' sweep columns. */
    static List<String> texts(SweepPoint point) {
        return point.values().stream().map(v -> text(shown(v))).toList();
    }

    /** The point's values alone, e.g. {@code 0.1, 8}: tick labels under an axis titled with the paths. */
    public static String values(SweepPoint point) {
        return String.join(", ", texts(point));
    }

    /**
     * Swept values with their whole paths, e.g. {@code airInterface.uplink.loss.probability=0.1, channels=8}
     * (values as the CSV files' sweep columns show them); empty for none. What {@code radiolink status} shows
     * of a point read from a run folder's scenario.json, where no {@link SweepPoint} is built.
     */
    public static String assignments(List<SweepValue> values) {
        return String.join(", ", values.stream().map(v -> v.path() + "=" + text(shown(v))).toList());
    }

    /**
     * The point's number and values for legends, e.g. {@code #1 probability=0.1, channels=8}: each parameter
     * by the last segment of its path, or by its whole path when two swept paths end alike.
     */
    public static String label(SweepPoint point) {
        List<String> paths = point.values().stream().map(SweepValue::path).toList();
        Set<String> lastSegments = new HashSet<>();
        boolean unique = paths.stream().allMatch(path -> lastSegments.add(lastSegment(path)));
        StringBuilder label = new StringBuilder("#").append(point.index());
        for (int i = 0; i < paths.size(); i++) {
            label.append(i == 0 ? " " : ", ").append(unique ? lastSegment(paths.get(i)) : paths.get(i)).append('=')
                    .append(text(shown(point.values().get(i))));
        }
        return label.toString();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
