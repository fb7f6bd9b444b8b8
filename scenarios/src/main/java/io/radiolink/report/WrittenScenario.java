package io.radiolink.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.random.RandomStreams;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The scenario a run folder's {@value JsonReporter#SCENARIO_FILE_NAME} describes, read back so that a report
 * of the folder's units can be made without the scenario file (docs/runs.md, section 4: {@code merge}).
 *
 * <p>The file holds the resolved scenario with its passwords redacted, so the scenario read back from it is
 * not the model that ran: its passwords are {@value io.radiolink.scenario.Redaction#MARKER}. It is a
 * <em>layout</em>: its name, points, swept values, replications, seed and engine, which is all a report takes
 * from a scenario (the passwords are redacted in every report anyway). It must never run. The model part of
 * the provenance is the file's, not recomputed from the layout. {@link #read} checks that the layout writes
 * the file again byte for byte, so a report made from it describes the scenario exactly as the run's did.
 *
 * @param layout the scenario read back, for a report's layout only
 * @param model the provenance's model part, as the file states it
 */
public record WrittenScenario(ResolvedScenario layout, Provenance.Model model) {

    /** Checks for nulls. */
    public WrittenScenario {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(model, "model");
    }

    /**
     * The scenario {@code text} describes, the content of {@code file} (a run folder's
     * {@value JsonReporter#SCENARIO_FILE_NAME}, named in messages).
     *
     * @throws ScenarioException if it is not JSON as radiolink writes that file, its scenario does not load, or
     *     the scenario read back does not write the same file again (one line naming the file)
     */
    public static WrittenScenario read(Path file, String text) throws ScenarioException {
        JsonNode root;
        try {
            root = Numbers.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ScenarioException(file + ": not JSON as radiolink writes it");
        }
        JsonNode scenario = root == null ? null : root.get("scenario");
        JsonNode identity = root == null ? null : root.at("/provenance/model/identity");
        JsonNode sha256 = root == null ? null : root.at("/provenance/model/scenarioSha256");
        if (scenario == null || !scenario.isObject() || !identity.isTextual()
                || !identity.asText().matches("[0-9a-f]{64}") || !sha256.isTextual()) {
            throw new ScenarioException(file + ": not a scenario as radiolink writes it (name, provenance.model,"
                    + " scenario, replications)");
        }
        ResolvedScenario layout;
        try {
            layout = ScenarioLoader.load(file, JsonReporter.text(scenario));
        } catch (IOException e) {
            throw new IllegalStateException("a tree read from text prints", e);
        }
        JsonNode name = root.get("name");
        if (name != null && name.isTextual() && !layout.resolved().has("name")) {
            // A scenario without a name takes its file's ({@link ResolvedScenario#name}), which the file states.
            layout = new ResolvedScenario(file.resolveSibling(name.asText() + ".json"), layout.sourceSha256(),
                    layout.resolved(), layout.seed(), layout.replications(), layout.engine(), layout.points());
        }
        Provenance.Model model = new Provenance.Model(ModelIdentity.ofHex(identity.asText()), sha256.asText(),
                layout.seed(), RandomStreams.SCHEME, layout.engine());
        String again;
        try {
            again = JsonReporter.text(JsonReporter.scenarioJson(layout, model));
        } catch (IOException e) {
            throw new IllegalStateException("a tree prints", e);
        }
        if (!again.equals(text)) {
            throw new ScenarioException(file + ": its scenario does not read back as written (a swept value a"
                    + " double cannot hold, another random-stream scheme, or a file radiolink did not write), so no"
                    + " report can be made from it");
        }
        return new WrittenScenario(layout, model);
    }
}
