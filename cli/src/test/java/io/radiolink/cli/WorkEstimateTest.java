package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Engine;
import io.radiolink.engine.RunSummary;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.simulation.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The work estimate that {@code validate} prints is within 3x of the events the engine runs, on every
 * example: replication 0 of every sweep point is run on an engine that counts its actions, and the
 * estimate of one unit of that point is compared with the count.
 */
final class WorkEstimateTest {

    static List<Path> examples() throws IOException {
        return Examples.all();
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("examples")
    void estimate_everyExample_withinThreeTimesTheMeasuredEvents(Path example) throws ScenarioException {
        withinThreeTimes(example);
    }

    /**
     * A cell shared by round robin with intervals far shorter than a unit's transmission: each unit is sent
     * over many intervals, one event each, which the estimate counts (found in review: a scenario of 1e-9 s
     * intervals validated as "about 0 s" and ran for minutes); at a thousandth of the interval the estimate
     * grows about a thousandfold.
     */
    @Test
    void estimate_roundRobinWithShortIntervals_countsAnEventPerInterval() throws ScenarioException, IOException {
        withinThreeTimes(roundRobin(2e-5));
        ResolvedScenario tiny = ScenarioLoader.load(roundRobin(2e-8), OptionalLong.empty(), OptionalInt.empty());
        ResolvedScenario measured = ScenarioLoader.load(roundRobin(2e-5), OptionalLong.empty(), OptionalInt.empty());
        double ratio = WorkEstimate.of(tiny, 1, false).eventsPerUnit() / WorkEstimate.of(measured, 1, false).eventsPerUnit();
        assertTrue(ratio > 500, "a thousandth of the interval, estimated " + ratio + " times the events");
    }

    /** The per-point events the ETA prices unseen points by are the estimate's own: they add up to its events. */
    @ParameterizedTest
    @MethodSource("examples")
    void eventsPerUnitOfEachPoint_everyExample_addUpToTheEstimate(Path example) throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.empty(), OptionalInt.empty());
        double[] perPoint = WorkEstimate.eventsPerUnitOfEachPoint(scenario);
        WorkEstimate estimate = WorkEstimate.of(scenario, 2, false);
        assertEquals(scenario.points().size(), perPoint.length);
        assertEquals(estimate.events(), Arrays.stream(perPoint).sum() * scenario.replications(),
                1e-9 * estimate.events());
        assertEquals(estimate.eventsPerUnit(), Arrays.stream(perPoint).max().orElseThrow());
    }

    /** A scenario file of backups on one LTE-like cell shared by round robin at {@code intervalSeconds}. */
    private Path roundRobin(double intervalSeconds) throws IOException {
        Path file = dir.resolve("rr-" + intervalSeconds + ".json");
        Files.writeString(file, """
                {
                  "seed": 3,
                  "replications": 1,
                  "runLengthSeconds": 60,
                  "airInterface": {
                    "capacity": {"mode": "shared", "uplinkBitsPerSecond": 2000000, "downlinkBitsPerSecond": 4000000,
                                 "scheduler": {"policy": "roundRobin", "intervalSeconds": %s}}
                  },
                  "stations": [{"id": "cell", "channels": 8, "storageCapacityBytes": 1000000000}],
                  "workload": {"subscribersPerStation": 50, "backupArrivalsPerSecond": 0.2,
                               "userDataBytes": {"distribution": "fixed", "value": 20000}}
                }
                """.formatted(intervalSeconds));
        return file;
    }

    private static void withinThreeTimes(Path example) throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.empty(), OptionalInt.empty());
        for (SweepPoint point : scenario.points()) {
            AtomicLong counted = new AtomicLong();
            Engine lean = new LeanEngine();
            Engine counting = (end, model) -> {
                RunSummary summary = lean.run(end, model);
                counted.addAndGet(summary.actionsExecuted());
                return summary;
            };
            long started = System.nanoTime();
            Simulation.builder().config(point.config()).engine(counting).build().runReplication(0);
            double seconds = (System.nanoTime() - started) / 1e9;
            ResolvedScenario one = new ResolvedScenario(scenario.source(), scenario.sourceSha256(), scenario.resolved(),
                    scenario.seed(), 1, scenario.engine(), List.of(point));
            double estimated = WorkEstimate.of(one, 1, false).eventsPerUnit();
            double ratio = estimated / counted.get();
            System.out.printf("%s point %d: measured %d events in %.2f s (%.2g events/s), estimated %.0f, ratio %.2f%n",
                    example.getFileName(), point.index(), counted.get(), seconds, counted.get() / seconds, estimated,
                    ratio);
            assertTrue(ratio >= 1.0 / 3 && ratio <= 3, example + " point " + point.index() + ": measured "
                    + counted.get() + " events, estimated " + estimated);
        }
    }
}
