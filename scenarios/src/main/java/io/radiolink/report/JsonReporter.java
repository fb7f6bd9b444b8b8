package io.radiolink.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.MissingUnits;
import io.radiolink.scenario.Redaction;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.SweepValue;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.json}: the provenance (the model's identity, the scenario file's SHA-256, the seed,
 * the stream scheme and engine; the code's identity), the resolved scenario (passwords redacted,
 * {@link Redaction}) and every sweep point's metrics (the metric list {@link Metrics}) in the schema
 * {@value #SCHEMA}, documented field by field in {@code scenarios/REPORTS.md}.
 *
 * <p>The output is a function of the report alone: objects are built in a fixed key order, printed with
 * two-space indentation and "\n" line ends on every platform, and hold no wall-clock time. JSON has no
 * NaN or infinity, so an undefined value (a mean without data, a half-width from fewer than two
 * replications) is written as {@code null}.
 */
public final class JsonReporter implements Reporter {

    /** The file this reporter writes. */
    public static final String FILE_NAME = "report.json";

    /** The value of the top-level {@code "schema"} field; it changes whenever a field changes meaning or goes away. */
    public static final String SCHEMA = "radiolink-report/2";

    /** The file {@link #writeScenario} writes. */
    public static final String SCENARIO_FILE_NAME = "scenario.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectWriter WRITER = writer();

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), toText(report), StandardCharsets.UTF_8);
    }

    /** The file's content: the pretty-printed JSON and a final "\n". */
    static String toText(RunReport report) throws IOException {
        return text(toJson(report));
    }

    /**
     * {@code tree} printed as report.json is, for the other JSON files of a run folder: two-space indents,
     * {@code "key": value}, "\n" line ends and a final "\n", doubles as {@link Numbers} prints them.
     */
    public static String text(JsonNode tree) throws IOException {
        return WRITER.writeValueAsString(tree) + "\n";
    }

    /**
     * Writes {@value #SCENARIO_FILE_NAME} into {@code directory}: the scenario as report.json describes it
     * (its name, the file's SHA-256, the resolved scenario with passwords redacted, the seed and the
     * replications), printed as report.json is. A run folder holds it from the run's start (docs/runs.md,
     * section 3).
     */
    public static void writeScenario(ResolvedScenario scenario, Path directory) throws IOException {
        Files.writeString(directory.resolve(SCENARIO_FILE_NAME), WRITER.writeValueAsString(scenarioJson(scenario))
                + "\n", StandardCharsets.UTF_8);
    }

    /** What {@link #writeScenario} writes, as a tree: to compare with a run folder's {@value #SCENARIO_FILE_NAME}. */
    public static ObjectNode scenarioJson(ResolvedScenario scenario) {
        return scenarioJson(scenario, Provenance.Model.of(scenario));
    }

    /** {@link #scenarioJson(ResolvedScenario)} with the model part {@code model} (read back, {@link WrittenScenario}). */
    static ObjectNode scenarioJson(ResolvedScenario scenario, Provenance.Model model) {
        ObjectNode root = NODES.objectNode();
        ObjectNode provenance = NODES.objectNode();
        provenance.set("model", model(model));
        describe(scenario, provenance, root);
        return root;
    }

    /** The report as a JSON tree in the schema's key order. */
    static ObjectNode toJson(RunReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SCHEMA);
        describe(report.scenario(), provenance(report.provenance()), root);
        ArrayNode sweep = root.putArray("sweep");
        Sweeps.paths(report).forEach(sweep::add);
        root.put("allFlows", report.allFlows());
        report.part().ifPresent(part -> root.set("part", part(part)));
        ArrayNode points = root.putArray("points");
        for (PointResult point : report.points()) {
            points.add(point(point));
        }
        return root;
    }

    /**
     * The scenario's fields of report.json, from {@code name} to {@code replications}, into {@code root}:
     * the name, {@code provenance}, the resolved scenario with passwords redacted, the replications.
     */
    private static void describe(ResolvedScenario scenario, ObjectNode provenance, ObjectNode root) {
        root.put("name", scenario.name());
        root.set("provenance", provenance);
        root.set("scenario", Redaction.scenario(scenario.resolved(), JsonReporter::finite));
        root.put("replications", scenario.replications());
    }

    /** report.json's {@code part}: the units present, the scenario's, and the missing ones as ranges in unit order. */
    private static ObjectNode part(Part part) {
        ObjectNode json = NODES.objectNode();
        json.put("units", part.units());
        json.put("of", part.of());
        ArrayNode missing = json.putArray("missing");
        for (MissingUnits.Range range : part.missing().ranges()) {
            missing.addObject().put("point", range.point()).put("first", range.first()).put("last", range.last());
        }
        return json;
    }

    /** report.json's {@code provenance}: the model part, then the code part. */
    private static ObjectNode provenance(Provenance provenance) {
        ObjectNode json = NODES.objectNode();
        json.set("model", model(provenance.model()));
        CodeIdentity code = provenance.code();
        json.putObject("code")
                .put("version", code.version())
                .put("commit", code.commit())
                .put("dirty", code.dirty())
                .put("classesSha256", code.classesSha256());
        return json;
    }

    private static ObjectNode model(Provenance.Model model) {
        return NODES.objectNode()
                .put("identity", model.identity().hex())
                .put("scenarioSha256", model.scenarioSha256())
                .put("seed", model.seed())
                .put("randomStreams", model.randomStreams())
                .put("engine", model.engine().toString());
    }

    private static ObjectNode point(PointResult point) {
        ExperimentSummary summary = point.summary();
        ObjectNode json = NODES.objectNode();
        json.put("index", point.point().index());
        ObjectNode values = json.putObject("values");
        for (SweepValue value : point.point().values()) {
            values.set(value.path(), Redaction.shown(value.path(), value.value(), JsonReporter::finite));
        }
        json.put("replications", summary.replications());
        json.put("confidence", point.confidence());
        json.put("warmupSeconds", summary.warmupSeconds());
        json.put("runLengthSeconds", summary.runLengthSeconds());
        Metrics.ALL.state(point, new JsonFields(json));
        return json;
    }

    /** The fields of a JSON object: integers and numbers as numbers (null when undefined), estimates as objects. */
    private record JsonFields(ObjectNode json) implements Fields {

        @Override
        public void integer(String key, long value) {
            json.put(key, value);
        }

        @Override
        public void number(String key, double value) {
            json.set(key, JsonReporter.number(value));
        }

        @Override
        public void estimate(String key, Estimate estimate) {
            json.set(key, JsonReporter.estimate(estimate));
        }

        @Override
        public Fields group(String key) {
            return new JsonFields(json.putObject(key));
        }
    }

    private static ObjectNode estimate(Estimate estimate) {
        ObjectNode json = NODES.objectNode();
        json.set("mean", number(estimate.mean()));
        json.set("halfWidth", number(estimate.halfWidth()));
        json.set("lower", number(estimate.lower()));
        json.set("upper", number(estimate.upper()));
        json.put("n", estimate.n());
        return json;
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    /** {@code scalar}, or null for a non-finite floating-point number. */
    private static JsonNode finite(JsonNode scalar) {
        return scalar.isFloatingPointNumber() && !Double.isFinite(scalar.doubleValue()) ? NODES.nullNode() : scalar;
    }

    /** Two-space indents, {@code "key": value}, "\n" line ends whatever the platform, {@code []} and {@code {}} when empty. */
    private static ObjectWriter writer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return Numbers.MAPPER.writer(printer);
    }
}
