package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --resume} after a real kill (SIGKILL of a child JVM, {@link Process#destroyForcibly}) at several
 * moments, and over a finished run with raised (or lowered) replications: the reports are those of an
 * uninterrupted run, byte for byte (issue 14, "Proof"; docs/runs.md, section 3). A torn unit is
 * {@code RunFolderTableTest}'s.
 */
final class ResumeTest {

    /** loss-sweep's 6 points, 3 replications each, 1,200 s long: about a second of units on 2 idle cores. */
    private static final int LOSS_SWEEP_UNITS = 18;

    /** The shortened loss-sweep and its uninterrupted run, made once for every test. */
    @TempDir
    static Path shared;

    private static Path lossSweep;
    private static Path uninterrupted;

    @TempDir
    Path temp;

    @BeforeAll
    static void uninterruptedRun() throws IOException {
        lossSweep = Examples.shortened(Examples.FOLDER.resolve("loss-sweep.json"), shared, 1_200, 3).toAbsolutePath();
        uninterrupted = shared.resolve("uninterrupted");
        CliRun run = CliRun.of("run", lossSweep.toString(), "--out", uninterrupted.toString(), "--threads", "2");
        assertEquals(0, run.status(), run.err());
        assertEquals(LOSS_SWEEP_UNITS, RunFolders.units(uninterrupted).size());
    }

    /** When the run is killed, by what its run folder shows, and how many units it must have left then. */
    enum Moment {
        /** As soon as one unit file is there. */
        AFTER_THE_FIRST_UNIT(runFolder -> unitsIn(runFolder) >= 1, units -> units >= 1 && units < LOSS_SWEEP_UNITS),
        /** Once half the units are there. */
        MID_RUN(runFolder -> unitsIn(runFolder) >= LOSS_SWEEP_UNITS / 2,
                units -> units >= LOSS_SWEEP_UNITS / 2 && units < LOSS_SWEEP_UNITS),
        /** Once report.json is in the run folder: every unit is there, the reports are being written. */
        DURING_THE_REPORTS(runFolder -> Files.exists(runFolder.resolve("report.json")),
                units -> units == LOSS_SWEEP_UNITS);

        private final Predicate<Path> reached;
        private final IntPredicate leftAfterTheKill;

        Moment(Predicate<Path> reached, IntPredicate leftAfterTheKill) {
            this.reached = reached;
            this.leftAfterTheKill = leftAfterTheKill;
        }
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void run_killedAtAMomentThenResumed_reportsOfAnUninterruptedRun(Moment moment) throws Exception {
        Path out = temp.resolve("out");
        Path runFolder = RunFolders.runFolderOf(out);

        int left = killed(out, moment);

        assertTrue(moment.leftAfterTheKill.test(left), left + " units left by a kill " + moment);
        CliRun resumed = CliRun.of("run", lossSweep.toString(), "--out", out.toString(), "--resume", "--threads", "2");
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals("", resumed.err(), "a kill leaves whole units only (each renamed into place whole)");
        RunFolders.assertSameReports(uninterrupted, out);
        assertEquals(Map.of("units", LOSS_SWEEP_UNITS, "unitsRun", LOSS_SWEEP_UNITS - left, "unitsReused", left),
                RunFolders.unitCounts(out));
        assertFalse(Files.exists(runFolder));
    }

    /** A replication is a pure function of the configuration, the seed and its index: 10 then 20 is 20 at once. */
    @Test
    void run_tenReplicationsThenResumeWithTwenty_theReportOfTwentyAtOnce() throws IOException {
        Path out = runThenResume(10, 20);

        assertEquals(RunFolders.units(temp.resolve("at-once")), RunFolders.units(out));
    }

    /** Fewer replications: the report is of those asked for; the other units stay, for a later resume. */
    @Test
    void run_fourReplicationsThenResumeWithTwo_theReportOfTwoTheOtherUnitsKept() throws IOException {
        Path out = runThenResume(4, 2);

        assertEquals(List.of("units/p0/r0.unit", "units/p0/r1.unit", "units/p0/r2.unit", "units/p0/r3.unit"),
                RunFolders.units(out), "nothing discarded");
    }

    /**
     * Runs a small scenario with {@code first} replications into {@code out}, then {@code --resume} with
     * {@code then}, and asserts that the reports are those of {@code then} at once (run into
     * {@code at-once}), that only the new units ran, and that every unit file of the first run is still
     * the same file (reused, not rewritten); returns {@code out}.
     */
    private Path runThenResume(int first, int then) throws IOException {
        Path scenario = smallScenario();
        Path out = temp.resolve("out");
        assertEquals(0, run(scenario, out, "--replications", String.valueOf(first)).status());
        Map<String, Object> files = new HashMap<>();
        for (String unit : RunFolders.units(out)) {
            files.put(unit, Files.getAttribute(out.resolve(unit), "fileKey"));
        }

        CliRun resumed = run(scenario, out, "--replications", String.valueOf(then), "--resume");

        assertEquals(0, resumed.status(), resumed.err());
        Path atOnce = temp.resolve("at-once");
        assertEquals(0, run(scenario, atOnce, "--replications", String.valueOf(then)).status());
        RunFolders.assertSameReports(atOnce, out);
        assertEquals(Map.of("units", then, "unitsRun", Math.max(0, then - first), "unitsReused",
                Math.min(first, then)), RunFolders.unitCounts(out));
        for (Map.Entry<String, Object> unit : files.entrySet()) {
            assertEquals(unit.getValue(), Files.getAttribute(out.resolve(unit.getKey()), "fileKey"), unit.getKey());
        }
        return out;
    }

    /**
     * Starts a run of the shortened loss-sweep into {@code out} in a JVM of its own, kills it (SIGKILL) once its run folder
     * shows {@code moment}, and returns the units it left there. A kill during the reports that came after
     * the swap (a fast machine) has not tested that moment: the test is then skipped, not passed.
     */
    private int killed(Path out, Moment moment) throws InterruptedException {
        Path runFolder = RunFolders.runFolderOf(out);
        Radiolink run = Radiolink.start(temp, null, "run", lossSweep.toString(), "--out", out.toString(),
                "--threads", "2", "--quiet");
        try {
            run.await(() -> moment.reached.test(runFolder), moment.name(), 2);
        } finally {
            run.process().destroyForcibly();
        }
        assertEquals(137, run.finish().status(), "killed by SIGKILL");
        assumeFalse(moment == Moment.DURING_THE_REPORTS && Files.exists(out), "the kill came after the swap");
        assertFalse(Files.exists(out), "killed before the swap");
        assertTrue(Files.isDirectory(runFolder), "a kill leaves the run folder");
        return RunFolders.units(runFolder).size();
    }

    /** The unit files in {@code runFolder} now, or 0 while it is being written too fast to list. */
    private static int unitsIn(Path runFolder) {
        try {
            return RunFolders.units(runFolder).size();
        } catch (UncheckedIOException renamedWhileListed) {
            return 0;
        }
    }

    /** A light random workload, ten simulated minutes ({@link Workspace}'s): a unit takes milliseconds. */
    private Path smallScenario() throws IOException {
        return new Workspace(temp.resolve("workspace")).scenario("small", 600, 2);
    }

    private static CliRun run(Path scenario, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(),
                "--threads", "2"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }
}
