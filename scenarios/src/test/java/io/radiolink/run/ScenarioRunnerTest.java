package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.FlowKind;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.Part;
import io.radiolink.report.Provenance;
import io.radiolink.report.RunReport;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.Scenarios;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowCounts;
import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's public contract: units as pure functions, merged in (point, replication) order. */
final class ScenarioRunnerTest {

    /** Two sweep points of three replications each, ten simulated minutes. */
    private static final String SWEEP = Scenarios.withTop(Scenarios.MINIMAL.replace("3600", "600"),
            "\"replications\": 3, \"sweep\": {\"parameters\": [{\"path\": \"workload.backupArrivalsPerSecond\","
                    + " \"values\": [0.05, 0.1]}]}");

    @TempDir
    Path temp;

    private ResolvedScenario scenario;

    @BeforeEach
    void load() throws IOException, ScenarioException {
        scenario = ScenarioLoader.load(Files.writeString(temp.resolve("sweep.json"), SWEEP), OptionalLong.empty(),
                OptionalInt.empty());
    }

    @Test
    void run_oneOrThreeThreads_byteIdenticalReports() throws IOException, ScenarioException {
        RunReport one = new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).run(scenario);
        RunReport three = new ScenarioRunner(3, false, ScenarioRunner.Progress.NONE).run(scenario);
        assertArrayEquals(json(one, "one"), json(three, "three"));
    }

    @Test
    void merge_unitsRunOneByOneInReverseOrder_theReportOfRun() throws IOException, ScenarioException {
        List<UnitResult> units = new ArrayList<>();
        for (SweepPoint point : scenario.points()) {
            for (int r = 0; r < scenario.replications(); r++) {
                units.add(ScenarioRunner.runUnit(point, r, scenario.engine(), ScenarioRunner.recordsFlows(r, true)));
            }
        }
        Collections.reverse(units);
        RunReport merged = ScenarioRunner.merge(scenario, units, true);
        RunReport run = new ScenarioRunner(2, true, ScenarioRunner.Progress.NONE).run(scenario);
        assertArrayEquals(json(run, "run"), json(merged, "merged"));
        assertEquals(run.points().get(1).flows(), merged.points().get(1).flows());
    }

    @Test
    void merge_aUnitMissingOrTwiceOrForeign_refusedNamingIt() {
        List<UnitResult> units = new ArrayList<>();
        for (SweepPoint point : scenario.points()) {
            for (int r = 0; r < scenario.replications(); r++) {
                units.add(ScenarioRunner.runUnit(point, r, scenario.engine(), false));
            }
        }
        List<UnitResult> missing = new ArrayList<>(units);
        missing.remove(4);
        assertEquals("missing 1 unit: point 1 replication 1", assertThrows(IllegalArgumentException.class,
                () -> ScenarioRunner.merge(scenario, missing, false)).getMessage());
        List<UnitResult> twice = new ArrayList<>(units);
        twice.add(units.get(2));
        assertEquals("unit (point 0, replication 2) given twice", assertThrows(IllegalArgumentException.class,
                () -> ScenarioRunner.merge(scenario, twice, false)).getMessage());
        List<UnitResult> foreign = new ArrayList<>(units);
        foreign.add(new UnitResult(2, 0, units.get(0).result(), List.of()));
        assertEquals("unit (point 2, replication 0) is not one of the scenario's 2 x 3", assertThrows(
                IllegalArgumentException.class, () -> ScenarioRunner.merge(scenario, foreign, false)).getMessage());
    }

    /**
     * A resumed run: the units given as reused are not run again, the others are given to the sink as they
     * finish, and the report is the uninterrupted run's, byte for byte; a reused unit's flows count only
     * where {@link ScenarioRunner#recordsFlows} says (a unit of an {@code --all-flows} run reused without).
     */
    @Test
    void run_someUnitsReused_runsTheRestGivesThemToTheSinkSameReport() throws IOException, ScenarioException {
        List<UnitResult> reused = List.of(
                ScenarioRunner.runUnit(scenario.points().get(1), 2, scenario.engine(), true),
                ScenarioRunner.runUnit(scenario.points().get(0), 0, scenario.engine(), true));
        List<String> sunk = Collections.synchronizedList(new ArrayList<>());
        List<ScenarioRunner.UnitDone> told = new ArrayList<>();

        RunReport resumed = new ScenarioRunner(2, false, OptionalDouble.of(60), told::add).run(scenario, reused,
                (unit, seriesBinSeconds) -> sunk.add(unit.point() + "/" + unit.replication() + " " + seriesBinSeconds));

        RunReport whole = new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).run(scenario);
        assertArrayEquals(json(whole, "whole"), json(resumed, "resumed"));
        assertEquals(whole.points().get(1).flows(), resumed.points().get(1).flows(), "replication 2's flows ignored");
        assertEquals(List.of("0/1 60.0", "0/2 60.0", "1/0 60.0", "1/1 60.0"), sunk.stream().sorted().toList(),
                "each with the width it was run with");
        assertEquals(List.of(new ScenarioRunner.UnitDone(1, 6, 1, 0, 600, true),
                new ScenarioRunner.UnitDone(2, 6, 0, 0, 1200, true)), told.subList(0, 2), "the reused first, costing nothing");
        assertEquals(List.of(3, 4, 5, 6), told.subList(2, 6).stream().map(ScenarioRunner.UnitDone::done).toList());
        assertTrue(told.subList(2, 6).stream().noneMatch(ScenarioRunner.UnitDone::reused));
    }

    /**
     * A part: only the selected units run (and, resumed, the reused ones count too); the report is of those
     * units, each point over its replications present, a point with none left out, and says what it lacks.
     */
    @Test
    void run_aSelection_runsOnlyItsUnitsAndReportsThemAsAPart() throws Exception {
        UnitSelection shard = UnitSelection.of(2, 3, Optional.empty(), Optional.of("1..2"),
                Optional.of("1/2"));
        assertEquals(List.of(new UnitSelection.Unit(0, 2), new UnitSelection.Unit(1, 2)), shard.units());
        UnitResult reused = ScenarioRunner.runUnit(scenario.points().get(0), 0, scenario.engine(), true);
        List<String> sunk = Collections.synchronizedList(new ArrayList<>());
        List<ScenarioRunner.UnitDone> told = new ArrayList<>();

        RunReport part = new ScenarioRunner(2, false, told::add).run(scenario, shard, List.of(reused), List.of(),
                (unit, seriesBinSeconds) -> sunk.add(unit.point() + "/" + unit.replication()));

        assertEquals(List.of("0/2", "1/2"), sunk.stream().sorted().toList());
        assertEquals(3, told.size());
        assertTrue(told.stream().allMatch(done -> done.total() == 3));
        assertEquals(List.of(2, 1), part.points().stream().map(p -> p.summary().replications()).toList());
        Part expected = new Part(3, MissingUnits.of(2, 3, bits(0, 2, 5)));
        assertEquals(Optional.of(expected), part.part());
        assertEquals("missing 3 units: point 0 replication 1, point 1 replications 0..1",
                part.part().get().missing().message());
        String json = new String(json(part, "part"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"part\": {\n    \"units\": 3,\n    \"of\": 6,\n    \"missing\": [\n      {\n"
                + "        \"point\": 0,\n        \"first\": 1,\n        \"last\": 1\n      },"), json);
        // The same units merged by report(): the same bytes; every unit: no part at all.
        List<UnitResult> units = new ArrayList<>(List.of(reused));
        units.add(ScenarioRunner.runUnit(scenario.points().get(1), 2, scenario.engine(), false));
        units.add(ScenarioRunner.runUnit(scenario.points().get(0), 2, scenario.engine(), false));
        assertArrayEquals(json(part, "part2"), json(ScenarioRunner.report(scenario, part.provenance(), units, false),
                "report"));
    }

    @Test
    void report_noPointWithAUnit_anEmptyPart() throws IOException {
        RunReport empty = ScenarioRunner.report(scenario, Provenance.of(scenario,
                CodeIdentity.current()), List.of(), false);
        assertEquals(List.of(), empty.points());
        assertEquals(0, empty.part().get().units());
        assertEquals(6, empty.part().get().of());
    }

    private static BitSet bits(int... slots) {
        BitSet bits = new BitSet();
        for (int slot : slots) {
            bits.set(slot);
        }
        return bits;
    }

    /** An executor that tells a unit twice, or fewer than it was asked for, ends the run: never a silent part. */
    @Test
    void run_anExecutorTellingAUnitTwiceOrTooFew_refusedNamingIt() {
        UnitExecutor twice = (resolved, tasks, finished) -> {
            UnitResult unit = ScenarioRunner.runUnit(resolved.points().get(0), 0, resolved.engine(), true);
            finished.unit(unit, 1);
            finished.unit(unit, 1);
        };
        UnitExecutor fewer = (resolved, tasks, finished) -> finished.unit(ScenarioRunner.runUnit(
                resolved.points().get(0), 0, resolved.engine(), true), 1);

        assertTrue(assertThrows(IllegalStateException.class, () -> new ScenarioRunner(twice, false,
                OptionalDouble.empty(), ScenarioRunner.Progress.NONE).run(scenario, List.of(), ScenarioRunner.UnitSink.NONE))
                .getMessage().endsWith(" told unit (point 0, replication 0), which it was not asked for or told already"));
        assertTrue(assertThrows(IllegalStateException.class, () -> new ScenarioRunner(fewer, false,
                OptionalDouble.empty(), ScenarioRunner.Progress.NONE).run(scenario, List.of(), ScenarioRunner.UnitSink.NONE))
                .getMessage().endsWith(" told 1 of the 6 units it was asked for"));
    }

    @Test
    void run_sinkFails_endsTheRunWithItsException() {
        IOException full = new IOException("No space left on device");

        assertEquals(full, assertThrows(IOException.class, () -> new ScenarioRunner(2, false,
                ScenarioRunner.Progress.NONE).run(scenario, List.of(), (unit, seriesBinSeconds) -> {
                    throw full;
                })));
    }

    @Test
    void run_aReusedUnitTwiceOrForeign_refusedNamingIt() {
        UnitResult unit = ScenarioRunner.runUnit(scenario.points().get(0), 1, scenario.engine(), false);
        ScenarioRunner runner = new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE);

        assertEquals("unit (point 0, replication 1) given twice", assertThrows(IllegalArgumentException.class,
                () -> runner.run(scenario, List.of(unit, unit), ScenarioRunner.UnitSink.NONE)).getMessage());
        UnitResult foreign = new UnitResult(0, 3, unit.result(), List.of());
        assertEquals("unit (point 0, replication 3) is not one of the scenario's 2 x 3", assertThrows(
                IllegalArgumentException.class, () -> runner.run(scenario, List.of(foreign),
                        ScenarioRunner.UnitSink.NONE)).getMessage());
    }

    @Test
    void runUnit_recordFlows_sortedByFlowIdOfThatUnit() {
        UnitResult unit = ScenarioRunner.runUnit(scenario.points().get(1), 2, scenario.engine(), true);
        assertTrue(unit.flows().size() > 10, unit.flows().size() + " flows");
        long previous = Long.MIN_VALUE;
        for (FlowRow row : unit.flows()) {
            assertEquals(1, row.point());
            assertEquals(2, row.replication());
            assertTrue(row.flowId() > previous);
            previous = row.flowId();
        }
        assertEquals(List.of(), ScenarioRunner.runUnit(scenario.points().get(1), 2, scenario.engine(), false).flows());
    }

    @Test
    void runUnit_seriesBinSeconds_theSeriesOfThatWidthOrNoneAndTheSameResultOtherwise() {
        SweepPoint point = scenario.points().get(1);
        UnitResult byDefault = ScenarioRunner.runUnit(point, 2, scenario.engine(), false);
        UnitResult wide = ScenarioRunner.runUnit(point, 2, scenario.engine(), false, 250);
        UnitResult none = ScenarioRunner.runUnit(point, 2, scenario.engine(), false, 0);
        assertEquals(5.0, byDefault.result().series().binSeconds()); // 600 s: 120 bins of 5 s
        assertEquals(3, wide.result().series().binCount()); // 250, 250 and 100 s
        assertEquals(BinnedSeries.NONE, none.result().series());
        assertEquals(new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).seriesBinSeconds(point), 5.0);
        assertEquals(new ScenarioRunner(1, false, OptionalDouble.of(0), ScenarioRunner.Progress.NONE)
                .seriesBinSeconds(point), 0.0);
        ReplicationResult r = byDefault.result();
        assertEquals(none.result(), new ReplicationResult(r.replication(), r.seed(), r.warmupSeconds(),
                r.runLengthSeconds(), r.flows(), r.traffic(), r.cells(), r.storage(), r.authentication(),
                r.workload(), r.learnedOutcomes(), r.backhauls(), r.shares(), r.lateStoreEffects()));
    }

    @Test
    void run_noSeriesOrTheDefault_byteIdenticalReports() throws IOException, ScenarioException {
        RunReport byDefault = new ScenarioRunner(2, false, ScenarioRunner.Progress.NONE).run(scenario);
        RunReport none = new ScenarioRunner(2, false, OptionalDouble.of(0), ScenarioRunner.Progress.NONE).run(scenario);
        assertArrayEquals(json(byDefault, "default"), json(none, "none"));
    }

    @Test
    void recordsFlows_replicationZeroAlways_everyReplicationWithAllFlows() {
        assertTrue(ScenarioRunner.recordsFlows(0, false));
        assertFalse(ScenarioRunner.recordsFlows(1, false));
        assertTrue(ScenarioRunner.recordsFlows(1, true));
    }

    /**
     * Each unit is told once, in the order they end, with its point, the simulated time so far and the wall time
     * of its own run: more than nothing, and on two threads together at most twice the run's wall time (a time
     * measured from the run's start instead of the unit's would exceed it).
     */
    @Test
    void run_progress_toldOfEveryUnitWithItsPointWallTimeAndTheSimulatedTimeSoFar() throws ScenarioException {
        List<ScenarioRunner.UnitDone> told = new ArrayList<>();
        long start = System.nanoTime();
        new ScenarioRunner(2, false, told::add).run(scenario);
        long runNanos = System.nanoTime() - start;
        assertEquals(6, told.size());
        int[] unitsOfPoint = new int[2];
        long wallNanos = 0;
        for (int i = 0; i < told.size(); i++) {
            ScenarioRunner.UnitDone done = told.get(i);
            assertEquals(i + 1, done.done());
            assertEquals(6, done.total());
            assertEquals(600.0 * (i + 1), done.simulatedSeconds());
            assertFalse(done.reused());
            assertTrue(done.wallNanos() > 0, done.wallNanos() + " ns");
            unitsOfPoint[done.point()]++;
            wallNanos += done.wallNanos();
        }
        assertArrayEquals(new int[] {3, 3}, unitsOfPoint);
        assertTrue(wallNanos <= 2 * runNanos, wallNanos + " ns of units in a run of " + runNanos + " ns on 2 threads");
    }

    /**
     * A congested cell of one channel, attempts 4 every 5 s: with {@code retryAccess} in the file the
     * flows retry blocked attempts and the reports count them, at most one per blocked attempt; without
     * it none is retried. One and three threads give the same report.
     */
    @Test
    void run_retryAccessInTheFile_blockedAttemptsRetriedAndCounted() throws IOException, ScenarioException {
        String congested = Scenarios.MINIMAL.replace("3600", "600").replace("\"channels\": 8", "\"channels\": 1")
                .replace("0.01", "0.2");
        long[] retries = new long[2];
        for (boolean retry : new boolean[] {false, true}) {
            String file = Scenarios.withTop(congested, "\"replications\": 2, \"protocol\": {\"resume\": {\"attempts\": 4,"
                    + " \"backoffSeconds\": 5, \"backoffMultiplier\": 1, \"retryAccess\": " + retry + "}}");
            ResolvedScenario congestedScenario = ScenarioLoader.load(
                    Files.writeString(temp.resolve("congested-" + retry + ".json"), file), OptionalLong.empty(),
                    OptionalInt.empty());
            RunReport one = new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).run(congestedScenario);
            RunReport three = new ScenarioRunner(3, false, ScenarioRunner.Progress.NONE).run(congestedScenario);
            assertArrayEquals(json(one, "one-" + retry), json(three, "three-" + retry));
            ExperimentSummary summary = one.points().get(0).summary();
            FlowCounts backups = summary.flowsOf(FlowKind.BACKUP).counts();
            assertTrue(summary.cellTotals().blockedAttempts() > 0, "the cell is congested");
            assertTrue(backups.accessRetries() <= summary.cellTotals().blockedAttempts(),
                    "each access retry follows a blocked attempt (no random access here)");
            retries[retry ? 1 : 0] = backups.accessRetries();
        }
        assertEquals(0, retries[0], "nothing retried without retryAccess");
        assertTrue(retries[1] > 0, "blocked attempts retried with retryAccess");
    }
    private byte[] json(RunReport report, String folder) throws IOException {
        Path directory = Files.createDirectory(temp.resolve(folder));
        new JsonReporter().write(report, directory);
        return Files.readAllBytes(directory.resolve(JsonReporter.FILE_NAME));
    }
}
