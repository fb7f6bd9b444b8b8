package io.radiolink.report;

import io.radiolink.random.RandomStreams;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.EngineChoice;
import io.radiolink.scenario.ResolvedScenario;
import java.util.Objects;

/**
 * What a report's units were computed from (docs/runs.md, section 5), report.json's {@code provenance}: the
 * model and the code. Both are facts of the units, not of the run that made them, so a report's provenance
 * is the same whatever the thread count, and for a resumed run or a merge of parts.
 *
 * @param model the model: its identity and what a reader checks it by
 * @param code the code of the units (their {@code classesSha256}) and of the process that wrote the report
 *     (its version, commit and dirty flag, equal to the units' since resume and merge refuse any other)
 */
public record Provenance(Model model, CodeIdentity code) {

    /** Checks for nulls. */
    public Provenance {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(code, "code");
    }

    /**
     * The model part.
     *
     * @param identity the model identity ({@link ModelIdentity})
     * @param scenarioSha256 the SHA-256 of the scenario file's bytes as read, lower-case hexadecimal
     * @param seed the experiment's seed
     * @param randomStreams the random-stream scheme's version ({@link RandomStreams#SCHEME})
     * @param engine the engine that ran every unit
     */
    public record Model(ModelIdentity identity, String scenarioSha256, long seed, String randomStreams,
            EngineChoice engine) {

        /** Checks for nulls. */
        public Model {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(scenarioSha256, "scenarioSha256");
            Objects.requireNonNull(randomStreams, "randomStreams");
            Objects.requireNonNull(engine, "engine");
        }

        /** The model part of units of {@code scenario} in this process's stream scheme. */
        public static Model of(ResolvedScenario scenario) {
            return new Model(ModelIdentity.of(scenario), scenario.sourceSha256(), scenario.seed(), RandomStreams.SCHEME,
                    scenario.engine());
        }
    }

    /** The provenance of units of {@code scenario} computed by {@code code} in this process's stream scheme. */
    public static Provenance of(ResolvedScenario scenario, CodeIdentity code) {
        return new Provenance(Model.of(scenario), code);
    }
}
