package io.radiolink.run.unit;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.simulation.SimulationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Units of the example scenarios, run as a run would, for the codec's and the store's tests. */
public final class ExampleUnits {

    /** The example scenario files. */
    public static final Path EXAMPLES = Path.of("examples");

    /**
     * A simulated length at most this long keeps the tests quick; a longer example is cut to it (with its
     * warm-up scaled alike), unless a scripted flow starts later.
     */
    private static final double MAX_RUN_LENGTH_SECONDS = 900;

    private ExampleUnits() {}

    /** Every example file, by name. */
    public static Stream<Path> files() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A few units of {@code example}, run as {@link ScenarioRunner#run} runs them: replications 0 (which
     * records its flows) and 1 of the first sweep point, and replication 0 of the last one in a sweep.
     */
    public static List<UnitResult> of(Path example) throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.empty(), OptionalInt.empty());
        List<SweepPoint> points = scenario.points();
        List<UnitResult> units = new ArrayList<>();
        for (int replication = 0; replication < Math.min(2, scenario.replications()); replication++) {
            units.add(run(scenario, points.get(0), replication));
        }
        if (points.size() > 1) {
            units.add(run(scenario, points.get(points.size() - 1), 0));
        }
        return units;
    }

    /** Replication {@code replication} of {@code point}, recording flows as a run without all flows would. */
    static UnitResult run(ResolvedScenario scenario, SweepPoint point, int replication) {
        return ScenarioRunner.runUnit(shortened(point), replication, scenario.engine(),
                ScenarioRunner.recordsFlows(replication, false));
    }

    /** Replication {@code replication} of the first point of {@code example}. */
    static UnitResult first(Path example, int replication) throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.empty(), OptionalInt.empty());
        return run(scenario, scenario.points().get(0), replication);
    }

    private static SweepPoint shortened(SweepPoint point) {
        SimulationConfig config = point.config();
        double length = config.runLengthSeconds();
        boolean scriptedLate = config.scriptedFlows().stream().anyMatch(flow -> flow.atSeconds() > MAX_RUN_LENGTH_SECONDS);
        if (length <= MAX_RUN_LENGTH_SECONDS || scriptedLate) {
            return point;
        }
        double scale = MAX_RUN_LENGTH_SECONDS / length;
        SimulationConfig cut = new SimulationConfig(config.stations(), config.protocol(), config.workload(),
                MAX_RUN_LENGTH_SECONDS, config.warmupSeconds() * scale, config.replications(), config.seed(),
                config.scriptedFlows(), config.storage());
        return new SweepPoint(point.index(), point.values(), point.resolved(), cut);
    }
}
