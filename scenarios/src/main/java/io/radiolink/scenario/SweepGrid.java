package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's sweep: checks its parameters against the resolved scenario and lists the grid's points
 * in order, the first parameter varying slowest.
 */
public final class SweepGrid {

    /** A bound on the points of one grid, so that a typo fails at once instead of exhausting memory. */
    static final int MAX_POINTS = 100_000;
    /**
     * Fields that are not parameters of the model: they say how to run it, or what to sweep. The engine
     * is among them since both engines give identical results: a point per engine would only repeat one.
     */
    private static final List<String> NOT_SWEPT = List.of("seed", "replications", "engine", "sweep");

    private SweepGrid() {}

    /**
     * The sweep's parameters, checked: each path names a field of {@code resolved} (the scenario with
     * its defaults) other than seed, replications, engine and the sweep, no two overlap, and each has
     * values. No sweep gives no parameters.
     */
    static List<ScenarioFile.Parameter> parameters(ScenarioFile.Sweep sweep, JsonNode resolved) throws Invalid {
        if (sweep == null) {
            return List.of();
        }
        if (sweep.parameters() == null) {
            throw Invalid.at("sweep.parameters", "required field missing", Allowed.of(ScenarioFile.Sweep.class, "parameters"));
        }
        if (sweep.parameters().isEmpty()) {
            throw Invalid.at("sweep.parameters", "must not be empty", Allowed.of(ScenarioFile.Sweep.class, "parameters"));
        }
        List<String> sweepable = JsonPaths.all(resolved).stream()
                .filter(path -> NOT_SWEPT.stream().noneMatch(excluded -> JsonPaths.within(path, excluded)))
                .toList();
        List<ScenarioFile.Parameter> parameters = sweep.parameters();
        long points = 1;
        for (int i = 0; i < parameters.size(); i++) {
            ScenarioFile.Parameter parameter = parameters.get(i);
            String at = JsonPaths.element("sweep.parameters", i);
            String pathField = JsonPaths.field(at, "path");
            String path = parameter.path();
            if (path == null) {
                throw Invalid.at(pathField, "required field missing", Allowed.of(ScenarioFile.Parameter.class, "path"));
            }
            String valuesField = JsonPaths.field(at, "values");
            if (parameter.values() == null) {
                throw Invalid.at(valuesField, "required field missing", Allowed.of(ScenarioFile.Parameter.class, "values"));
            }
            if (parameter.values().isEmpty()) {
                throw Invalid.at(valuesField, "must not be empty", Allowed.of(ScenarioFile.Parameter.class, "values"));
            }
            if (path.isEmpty() || NOT_SWEPT.stream().anyMatch(excluded -> JsonPaths.within(path, excluded))) {
                throw Invalid.at(pathField, "'" + path + "' cannot be swept",
                        "the path of a field of the resolved scenario other than seed, replications, engine and sweep");
            }
            if (!sweepable.contains(path)) {
                throw Invalid.misspelt(pathField, "unknown path '" + path + "'", Allowed.of(ScenarioFile.Parameter.class, "path"),
                        Suggestions.nearest(path, sweepable));
            }
            for (int j = 0; j < i; j++) {
                String earlier = parameters.get(j).path();
                if (JsonPaths.within(path, earlier) || JsonPaths.within(earlier, path)) {
                    throw Invalid.at(pathField, "'" + path + "' overlaps sweep.parameters[" + j + "].path '"
                            + earlier + "'", "each field swept by one parameter at most");
                }
            }
            points *= parameter.values().size();
            if (points > MAX_POINTS) {
                throw Invalid.at(valuesField, "the grid has more than " + MAX_POINTS + " points",
                        "at most " + MAX_POINTS + " points in all (the product of the numbers of values)");
            }
        }
        return parameters;
    }

    /**
     * The grid's points in order, each as the index of its value in every parameter's list: the last
     * parameter varies fastest, the first slowest. No parameters give one point.
     */
    static List<int[]> points(List<ScenarioFile.Parameter> parameters) {
        List<int[]> points = new ArrayList<>();
        int[] current = new int[parameters.size()];
        while (true) {
            points.add(current.clone());
            int i = parameters.size() - 1;
            while (i >= 0 && ++current[i] == parameters.get(i).values().size()) {
                current[i] = 0;
                i--;
            }
            if (i < 0) {
                return points;
            }
        }
    }

    /**
     * The swept values of each point of the sweep {@code sweep} as a resolved scenario holds it (its field
     * {@code sweep}, e.g. read back from a run folder's scenario.json; missing or null: no sweep, one point
     * without values), in grid order, without building the model; empty if it is not a sweep as radiolink
     * writes one (parameters with a textual path and a non-empty list of values).
     */
    public static Optional<List<List<SweepValue>>> values(JsonNode sweep) {
        if (sweep.isMissingNode() || sweep.isNull()) {
            return Optional.of(List.of(List.of()));
        }
        JsonNode list = sweep.path("parameters");
        if (!list.isArray() || list.isEmpty()) {
            return Optional.empty();
        }
        List<ScenarioFile.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : list) {
            JsonNode path = parameter.path("path");
            JsonNode values = parameter.path("values");
            if (!path.isTextual() || !values.isArray() || values.isEmpty()) {
                return Optional.empty();
            }
            List<JsonNode> given = new ArrayList<>();
            values.forEach(given::add);
            parameters.add(new ScenarioFile.Parameter(path.asText(), given));
        }
        List<List<SweepValue>> grid = new ArrayList<>();
        for (int[] indexes : points(parameters)) {
            grid.add(List.copyOf(valuesAt(parameters, indexes)));
        }
        return Optional.of(List.copyOf(grid));
    }

    /** The values of {@code parameters} at the point {@code indexes} (one index into each parameter's values). */
    static List<SweepValue> valuesAt(List<ScenarioFile.Parameter> parameters, int[] indexes) {
        List<SweepValue> values = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            values.add(new SweepValue(parameters.get(i).path(), parameters.get(i).values().get(indexes[i])));
        }
        return values;
    }
}
