package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The folder rules' table ({@link RunFolderTable}, README), cell by cell and identity branch by branch, over
 * {@code single-backup-restore} with its 2 replications, run in-process: <i>finished</i> made by a run,
 * <i>unfinished</i> by the run folder of a run stopped after its first unit ({@link RunFolders#unfinishedFrom}:
 * its marker in state running, its scenario.json and unit; a real kill is {@code ResumeTest}'s), <i>other</i>
 * by a folder of a user's files, another identity by {@code --seed 2}. Each test asserts the exit status, the
 * one line of a refusal (and that nothing changed), the files after, and for a run the reports' bytes against
 * an uninterrupted run's.
 */
final class RunFolderTableTest {

    private static final Path SCENARIO = Examples.FOLDER.resolve("single-backup-restore.json");
    private static final List<String> TWO_UNITS = List.of("units/p0/r0.unit", "units/p0/r1.unit");

    /** Uninterrupted runs, by replications, made once for every test. */
    private static final Map<Integer, Path> REFERENCES = new HashMap<>();

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private Path out;
    private Path runFolder;

    @BeforeEach
    void paths() {
        out = temp.resolve("out");
        runFolder = RunFolders.runFolderOf(out);
    }

    // nothing, or an empty folder

    @Test
    void run_none_plain_runs() throws IOException {
        assertRunsAsUninterrupted(run(), 2, 0);
    }

    @Test
    void run_none_resume_runs() throws IOException {
        Files.createDirectory(out);

        assertRunsAsUninterrupted(run("--resume"), 2, 0);
    }

    @Test
    void run_none_fresh_runs() throws IOException {
        assertRunsAsUninterrupted(run("--fresh"), 2, 0);
    }

    // a finished radiolink run of this scenario name

    @Test
    void run_finished_plain_replacesByACompleteNewRunReusingNoUnit() throws IOException {
        finished("1");

        assertRunsAsUninterrupted(run(), 2, 0);
    }

    /** Raised replications: the finished run's two units are reused (linked), the third runs. */
    @Test
    void run_finished_resume_reusesItsUnitsRunsTheRest() throws IOException {
        finished("1");
        Object unitFile = Files.getAttribute(out.resolve("units/p0/r1.unit"), "fileKey");

        assertRunsAsUninterrupted(run("--resume", "--replications", "3"), 3, 2);
        assertEquals(unitFile, Files.getAttribute(out.resolve("units/p0/r1.unit"), "fileKey"),
                "the reused unit is the same file (a hard link), not a copy");
    }

    /** The series width is run control, not identity: units of another width run again, then are reused. */
    @Test
    void run_finished_resumeWithAnotherSeriesWidth_runsItsUnitsAgain() throws IOException {
        finished("1");

        assertRunsAsUninterrupted(run("--resume", "--series-bin", "0"), 2, 0);
        assertRunsAsUninterrupted(run("--resume", "--series-bin", "0"), 2, 2);
    }

    /** {@code --series-bin -0.0} is the width 0: a later {@code --series-bin 0} reuses its units (review, session 2). */
    @Test
    void run_finishedWithSeriesWidthMinusZero_resumeWithZero_reusesItsUnits() throws IOException {
        assertRunsAsUninterrupted(run("--series-bin", "-0.0"), 2, 0);

        assertRunsAsUninterrupted(run("--resume", "--series-bin", "0"), 2, 2);
    }

    @Test
    void run_finished_resume_anotherIdentityRefused() throws IOException {
        finished("2");

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": is radiolink's run of"
                + " 'single-backup-restore' of another model: this run's model identity ");
    }

    /** An output of a radiolink before units (marker version 2): replaced by a plain run, refused by --resume. */
    @Test
    void run_finished_resume_version2MarkerRefused() throws IOException {
        finished("1");
        for (String unit : TWO_UNITS) {
            Files.delete(out.resolve(unit));
        }
        Files.delete(out.resolve("units/p0"));
        Files.delete(out.resolve("units"));
        Markers.version2("single-backup-restore", List.of()).finished(out).writeInto(out);

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": is radiolink's output of"
                + " 'single-backup-restore' written before runs kept their units (marker version 2), so it has none to"
                + " reuse; not resumed (run without --resume to replace it)");
        assertRunsAsUninterrupted(run(), 2, 0);
    }

    @Test
    void run_finished_fresh_replaces() throws IOException {
        finished("2");

        assertRunsAsUninterrupted(run("--fresh"), 2, 0);
    }

    // an unfinished radiolink run

    @Test
    void run_unfinished_plain_refusesNamingResumeAndFresh() throws IOException {
        unfinished("1");

        assertRefusedUntouched(() -> run(), "error: output folder " + out + ": beside it, " + runFolder.getFileName()
                + " is radiolink's unfinished run of 'single-backup-restore'; use --resume or --fresh (continue it, or"
                + " discard it and run afresh)");
    }

    @Test
    void run_unfinished_resume_continuesRunningOnlyTheRest() throws IOException {
        unfinished("1");

        assertRunsAsUninterrupted(run("--resume"), 2, 1);
    }

    /** A killed run's executor scratch folder (Spark's, in local mode) is radiolink's: a resume removes it whole. */
    @Test
    void run_unfinishedWithAScratchFolder_resume_removesItAndContinues() throws IOException {
        unfinished("1");
        Path scratch = Files.createDirectories(runFolder.resolve(RunFolderFiles.SCRATCH).resolve("blockmgr-1"));
        Files.writeString(scratch.resolve("shuffle_0_0_0.data"), "spark's");

        assertRunsAsUninterrupted(run("--resume"), 2, 1);
        assertFalse(Files.exists(out.resolve(RunFolderFiles.SCRATCH)));
    }

    /** A file by the scratch folder's name is not radiolink's: the resume is refused, the file kept. */
    @Test
    void run_unfinishedWithAScratchFile_resume_refused() throws IOException {
        unfinished("1");
        Files.writeString(runFolder.resolve(RunFolderFiles.SCRATCH), "mine\n");

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": beside it, "
                + runFolder.getFileName() + " holds '" + RunFolderFiles.SCRATCH + "', which radiolink did not write");
    }

    @Test
    void run_unfinished_resume_anotherIdentityRefused() throws IOException {
        unfinished("2");

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": beside it, "
                + runFolder.getFileName() + " is radiolink's unfinished run of 'single-backup-restore' of another model"
                + ": this run's model identity ");
    }

    @Test
    void run_unfinished_fresh_discardsItAndRuns() throws IOException {
        unfinished("2");

        assertRunsAsUninterrupted(run("--fresh"), 2, 0);
    }

    // anything else

    @ParameterizedTest
    @ValueSource(strings = {"", "--resume", "--fresh"})
    void run_other_anyMode_refused(String mode) throws IOException {
        Files.createDirectory(out);
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        assertRefusedUntouched(() -> mode.isEmpty() ? run() : run(mode), "error: output folder " + out + ": holds"
                + " 'notes.txt' and no readable .radiolink.json, so it is not radiolink's; not replaced");
    }

    /** A finished run with a file someone added under units/ is anything else, in every mode. */
    @ParameterizedTest
    @ValueSource(strings = {"", "--resume", "--fresh"})
    void run_finishedHoldingAUsersFileUnderUnits_anyMode_refused(String mode) throws IOException {
        finished("1");
        Files.writeString(out.resolve("units/p0/notes.txt"), "mine\n");

        assertRefusedUntouched(() -> mode.isEmpty() ? run() : run(mode), "error: output folder " + out + ": is radiolink's"
                + " output of 'single-backup-restore' but also holds 'units/p0/notes.txt', which radiolink did not"
                + " write; not replaced");
    }

    /** A unit of a finished run no longer valid (cut short by someone) is the user's, like an annotated report. */
    @Test
    void run_finishedWithAUnitChanged_resume_refusedNamingIt() throws IOException {
        finished("1");
        try (FileChannel unit = FileChannel.open(out.resolve("units/p0/r1.unit"), StandardOpenOption.WRITE)) {
            unit.truncate(200);
        }

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": is radiolink's output of"
                + " 'single-backup-restore' but units/p0/r1.unit is cut short (200 of ");
    }

    // the identity branches inside an unfinished run folder, and the options

    /** A unit cut short by the kill is deleted with one note and run again; the report is the uninterrupted one. */
    @Test
    void run_unfinishedWithATornUnit_resume_redoesItWithANote() throws IOException {
        unfinished("1");
        Files.write(runFolder.resolve("units/p0/r1.unit"), Arrays.copyOf(Files.readAllBytes(scratch("1").resolve(
                "units/p0/r1.unit")), 150));

        CliRun run = run("--resume");

        assertTrue(run.err().startsWith("note: units/p0/r1.unit is cut short (150 of "), run.err());
        assertTrue(run.err().endsWith("; removed, and run again if this run needs it\n"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertRanAsUninterrupted(run, 2, 1);
    }

    /** A unit of another identity in the run folder refuses the run, and nothing is deleted. */
    @Test
    void run_unfinishedHoldingAUnitOfAnotherIdentity_resume_refusedNothingDeleted() throws IOException {
        unfinished("1");
        Files.copy(scratch("2").resolve("units/p0/r1.unit"), runFolder.resolve("units/p0/r1.unit"));

        assertRefusedUntouched(() -> run("--resume"), "error: output folder " + out + ": beside it, "
                + runFolder.getFileName() + " holds a unit of another identity: units/p0/r1.unit ");
    }

    /**
     * A file a run does not write, anywhere in an unfinished run folder, refuses both continuing and
     * discarding it, and nothing is deleted (review of session 2: --resume deleted such files, folders whole).
     */
    @ParameterizedTest
    @ValueSource(strings = {"--resume", "--fresh"})
    void run_unfinishedHoldingAUsersFile_resumeOrFresh_refusedNothingDeleted(String mode) throws IOException {
        String outcome = mode.equals("--resume") ? "resumed" : "discarded";
        String start = "error: output folder " + out + ": beside it, " + runFolder.getFileName() + " holds ";
        String end = "; not " + outcome + " (move it out of the run folder yourself)";
        unfinished("1");
        Files.writeString(runFolder.resolve("notes.txt"), "mine\n");
        assertRefusedUntouched(() -> run(mode), start + "'notes.txt', which radiolink did not write" + end);
        Files.delete(runFolder.resolve("notes.txt"));

        Files.createDirectories(runFolder.resolve("mydata"));
        Files.writeString(runFolder.resolve("mydata/x"), "mine\n");
        assertRefusedUntouched(() -> run(mode), start + "'mydata', which radiolink did not write" + end);
        Files.delete(runFolder.resolve("mydata/x"));
        Files.delete(runFolder.resolve("mydata"));

        Files.writeString(runFolder.resolve("units/p0/mine.txt"), "mine\n");
        assertRefusedUntouched(() -> run(mode), start + "'units/p0/mine.txt', which radiolink did not write" + end);
        Files.delete(runFolder.resolve("units/p0/mine.txt"));

        Files.writeString(runFolder.resolve("units/p0/r9.unit"), "hello user data");
        assertRefusedUntouched(() -> run(mode), start + "a file radiolink did not write as it is: units/p0/r9.unit is"
                + " not a radiolink unit (it starts with 68 65 6C 6C, not 52 4C 55 31)" + end);
        Files.delete(runFolder.resolve("units/p0/r9.unit"));

        byte[] otherVersion = Files.readAllBytes(runFolder.resolve("units/p0/r0.unit"));
        otherVersion[5] = 2;
        Files.write(runFolder.resolve("units/p0/r1.unit"), otherVersion);
        assertRefusedUntouched(() -> run(mode), start + "a file radiolink did not write as it is: units/p0/r1.unit is"
                + " of unit format version 2; this radiolink reads version 1" + end);
    }

    @Test
    void run_resumeAndFresh_exitTwoOneLine() throws IOException {
        unfinished("1");

        assertRefusedUntouched(() -> run("--resume", "--fresh"), "error: --resume and --fresh: give one of them");
    }

    /** Runs the scenario into {@code out} on 2 threads with {@code options}. */
    private CliRun run(String... options) {
        List<String> args = new ArrayList<>(List.of("run", SCENARIO.toString(), "--out", out.toString(), "--threads",
                "2"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A finished run of the scenario with {@code seed} in {@code out}. */
    private void finished(String seed) {
        CliRun run = run("--seed", seed);
        assertEquals(0, run.status(), run.err());
    }

    /** The run folder beside {@code out} of a run with {@code seed} stopped after its first unit. */
    private void unfinished(String seed) throws IOException {
        RunFolders.unfinishedFrom(scratch(seed), runFolder, List.of("units/p0/r0.unit"));
    }

    /** A finished run of the scenario with {@code seed} elsewhere in {@code temp}, made once per test. */
    private Path scratch(String seed) {
        Path scratch = temp.resolve("scratch-" + seed);
        if (!Files.exists(scratch)) {
            CliRun run = CliRun.of("run", SCENARIO.toString(), "--out", scratch.toString(), "--seed", seed);
            assertEquals(0, run.status(), run.err());
        }
        return scratch;
    }

    /**
     * Asserts that {@code run} succeeded quietly, {@code reused} of its {@code replications} units reused, into
     * {@code out} holding the files of a finished run and no run folder left, with the reports of an
     * uninterrupted run of as many replications.
     */
    private void assertRunsAsUninterrupted(CliRun run, int replications, int reused) throws IOException {
        assertEquals("", run.err());
        assertRanAsUninterrupted(run, replications, reused);
    }

    /** As {@link #assertRunsAsUninterrupted}, whatever the run said on stderr. */
    private void assertRanAsUninterrupted(CliRun run, int replications, int reused) throws IOException {
        assertEquals(0, run.status(), run.err());
        List<String> units = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            units.add("units/p0/r" + r + ".unit");
        }
        assertEquals(RunFolders.finishedFiles(units), RunFolders.entries(out));
        assertFalse(Files.exists(runFolder), "no run folder left");
        RunFolders.assertSameReports(reference(replications), out);
        assertEquals(Map.of("units", replications, "unitsRun", replications - reused, "unitsReused", reused),
                RunFolders.unitCounts(out));
        assertEquals(FolderMarker.State.FINISHED, FolderMarker.readFrom(out).orElseThrow().state());
    }

    /**
     * Asserts that {@code refusal} was refused with one line starting with {@code start}, and that nothing
     * under {@code temp} changed (the lock file aside, which a run may make before it refuses).
     */
    private void assertRefusedUntouched(Supplier<CliRun> refusal, String start) throws IOException {
        SortedMap<String, String> before = tree();

        CliRun refused = refusal.get();

        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().startsWith(start), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());
        assertEquals(before, tree(), "nothing changed");
    }

    /** Every entry under {@code temp} but the lock file, each file with its SHA-256. */
    private SortedMap<String, String> tree() throws IOException {
        SortedMap<String, String> tree = new TreeMap<>();
        for (String entry : RunFolders.entries(temp)) {
            Path path = temp.resolve(entry);
            if (!entry.endsWith(OutputFolder.LOCK_SUFFIX)) {
                tree.put(entry, Files.isDirectory(path) ? "folder" : GoldenReportsTest.sha256(path));
            }
        }
        return tree;
    }

    /** Uninterrupted run of the scenario with {@code replications}, made once. */
    private static synchronized Path reference(int replications) {
        return REFERENCES.computeIfAbsent(replications, r -> {
            Path folder = shared.resolve("reference-" + r);
            CliRun run = CliRun.of("run", SCENARIO.toString(), "--out", folder.toString(), "--replications",
                    String.valueOf(r), "--threads", "1");
            assertEquals(0, run.status(), run.err());
            return folder;
        });
    }
}
