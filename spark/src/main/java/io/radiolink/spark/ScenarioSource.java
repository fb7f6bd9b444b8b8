package io.radiolink.spark;

import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor needs to rebuild the driver's scenario (docs/spark.md, section 2): the scenario file's name
 * and bytes and the values the command line resolved (seed, replications), with the model identity the driver
 * computed, which the executor's must equal. Serializable, unlike a {@link ResolvedScenario}.
 *
 * @param fileName the scenario file's name (a scenario without a {@code name} is named after it)
 * @param bytes the file's bytes, as the driver read them
 * @param seed the seed the driver resolved (the file's, or {@code --seed})
 * @param replications the replications the driver resolved (the file's, or {@code --replications})
 * @param modelIdentity the driver's model identity, 64 hexadecimal digits
 */
record ScenarioSource(String fileName, byte[] bytes, long seed, int replications, String modelIdentity)
        implements Serializable {

    /**
     * The scenarios an executor JVM has rebuilt, by everything a source holds but its bytes' identity (the model
     * identity leaves the replications out, and a run extended from 2 to 3 replications needs the 3).
     */
    private static final Map<String, ResolvedScenario> REBUILT = new ConcurrentHashMap<>();

    /**
     * The scenario, rebuilt once per JVM.
     *
     * @throws IllegalStateException if it does not load here, or loads as another model (another build of
     *     radiolink on this executor): no unit of another model is computed
     */
    ResolvedScenario scenario() {
        String key = fileName + "\n" + ScenarioLoader.sha256Of(bytes) + "\n" + seed + "\n" + replications + "\n"
                + modelIdentity;
        return REBUILT.computeIfAbsent(key, unused -> {
            String identity = modelIdentity;
            ResolvedScenario scenario;
            try {
                scenario = ScenarioLoader.load(Path.of(fileName), bytes, OptionalLong.of(seed),
                        OptionalInt.of(replications));
            } catch (ScenarioException e) {
                throw new IllegalStateException("the scenario does not load on this executor: " + e.getMessage(), e);
            }
            String here = ModelIdentity.of(scenario).hex();
            if (!here.equals(identity)) {
                throw new IllegalStateException("the scenario is another model on this executor (model identity "
                        + here + ", the driver's " + identity + "): run the same build of radiolink everywhere");
            }
            return scenario;
        });
    }
}
