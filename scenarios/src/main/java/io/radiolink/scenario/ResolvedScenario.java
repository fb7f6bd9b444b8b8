package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file read, validated and resolved: the scenario with every default filled in (before
 * sweep values are applied) and its sweep points, each ready to run.
 *
 * @param source the file it came from
 * @param sourceSha256 the SHA-256 of the file's bytes as read, in lower-case hexadecimal
 * @param resolved the whole scenario as JSON, defaults filled in, the sweep as written
 * @param seed the experiment's seed (the file's, or the command line's override)
 * @param replications replications per sweep point
 * @param engine the engine that runs each replication of every point
 * @param points the sweep points, at least one
 */
public record ResolvedScenario(Path source, String sourceSha256, JsonNode resolved, long seed, int replications,
        EngineChoice engine, List<SweepPoint> points) {

    /**
     * The most units (sweep points times replications) one run may hold: their results are kept in
     * arrays, and far beyond any budget (docs/budget.md) anyway.
     */
    public static final long MAX_UNITS = 1L << 30;


    /** Copies the points and checks for nulls. */
    public ResolvedScenario {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(engine, "engine");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a scenario has at least one point");
        }
    }

    /** The scenario's name: its {@code name} field, or the file name without extension. */
    public String name() {
        JsonNode name = resolved.get("name");
        if (name != null && name.isTextual()) {
            return name.asText();
        }
        String file = source.getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }
}
