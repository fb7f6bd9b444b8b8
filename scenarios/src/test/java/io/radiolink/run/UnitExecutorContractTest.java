package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link UnitExecutor} keeps (docs/spark.md, section 2), one test over all of them: the
 * tasks, given in a shuffled order, are each told once, on the calling thread, equal to
 * {@link ScenarioRunner#runUnit}'s; a failure of the one told ends the run with its exception. The spark
 * module runs the same checks over its executor.
 */
final class UnitExecutorContractTest {

    /** Two sweep points of three replications each, ten simulated minutes. */
    private static final String SWEEP = Scenarios.withTop(Scenarios.MINIMAL.replace("3600", "600"),
            "\"replications\": 3, \"sweep\": {\"parameters\": [{\"path\": \"workload.backupArrivalsPerSecond\","
                    + " \"values\": [0.05, 0.1]}]}");

    @TempDir
    static Path temp;

    private static ResolvedScenario scenario;

    @BeforeAll
    static void load() throws Exception {
        scenario = ScenarioLoader.load(Files.writeString(temp.resolve("sweep.json"), SWEEP), OptionalLong.empty(),
                OptionalInt.empty());
    }

    static Stream<UnitExecutor> executors() {
        return Stream.of(UnitExecutor.threads(1), UnitExecutor.threads(3));
    }

    @ParameterizedTest
    @MethodSource("executors")
    void run_shuffledTasks_eachToldOnceOnTheCallingThreadAsRunUnitComputesIt(UnitExecutor executor) throws IOException {
        List<UnitExecutor.UnitTask> tasks = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int r = 0; r < 3; r++) {
                tasks.add(new UnitExecutor.UnitTask(p, r, r == 1, r == 2 ? 0 : 60));
            }
        }
        Collections.shuffle(tasks, new Random(15L));
        Thread caller = Thread.currentThread();
        List<UnitResult> told = new ArrayList<>();
        Set<Thread> threads = new HashSet<>();

        executor.run(scenario, tasks, (unit, wallNanos) -> {
            told.add(unit);
            threads.add(Thread.currentThread());
            assertTrue(wallNanos > 0, "the unit's own run took some time");
        });

        assertEquals(Set.of(caller), threads);
        assertEquals(tasks.size(), told.size());
        for (UnitExecutor.UnitTask task : tasks) {
            UnitResult expected = ScenarioRunner.runUnit(scenario.points().get(task.point()), task.replication(),
                    scenario.engine(), task.recordFlows(), task.seriesBinSeconds());
            assertEquals(List.of(expected), told.stream().filter(unit -> unit.point() == task.point()
                    && unit.replication() == task.replication()).toList(), task.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("executors")
    void run_theOneToldFails_endsTheRunWithItsException(UnitExecutor executor) {
        IOException full = new IOException("No space left on device");
        List<UnitExecutor.UnitTask> tasks = List.of(new UnitExecutor.UnitTask(0, 0, false, 0),
                new UnitExecutor.UnitTask(1, 1, false, 0));

        assertSame(full, assertThrows(IOException.class, () -> executor.run(scenario, tasks, (unit, wallNanos) -> {
            throw full;
        })));
    }
}
