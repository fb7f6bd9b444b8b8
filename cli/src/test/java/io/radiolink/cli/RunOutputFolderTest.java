package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code radiolink run} never deletes what it did not write: every case of issue 11's section 1, run as a
 * process of its own in a working directory of files that must survive ({@link Workspace}), which are
 * compared byte for byte afterwards; a refusal is exit status 2 and one line, before any simulation.
 */
final class RunOutputFolderTest {

    private static final String RUN_FOLDER = "." + Workspace.NAME + OutputFolder.RUN_SUFFIX;
    private static final String REPLACED = "." + Workspace.NAME + OutputFolder.REPLACED_SUFFIX;
    private static final String LOCK = "." + Workspace.NAME + OutputFolder.LOCK_SUFFIX;

    @TempDir
    Path temp;

    private Workspace workspace;

    @BeforeEach
    void makeWorkspace() throws IOException {
        workspace = new Workspace(temp);
    }

    static List<String> unsafeNames() {
        return List.of("..", ".", "", "../../x", "a/b", "x/../..", "tab\\u0009", "a".repeat(201));
    }

    @ParameterizedTest
    @MethodSource("unsafeNames")
    void run_unsafeName_exitTwoOneLocatedLineNothingTouched(String jsonName) throws IOException {
        Path file = workspace.scenario("unsafe", jsonName, 600, 1);
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "unsafe.json");

        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("error: unsafe.json:2:11: name: "), run.err());
        assertOneLine(run.err());
        assertEquals(before, workspace.snapshot());
        CliRun validate = CliRun.of("validate", file.toString());
        assertEquals(2, validate.status());
        assertEquals(run.err().replace("unsafe.json", file.toString()), validate.err(), "validate says the same");
    }

    /** Each row: the working directory (under the root), the scenario file from there, --out, and the error's start. */
    @ParameterizedTest(name = "--out \"{2}\" from {0}")
    @CsvSource(delimiter = '|', value = {
        "a/b/project | tiny.json | '' | error: --out: empty; give the output folder (an unset shell variable?)",
        "a/b/project | tiny.json | . | error: output folder .: is the working directory; give a folder of its own with --out",
        "empty | ../a/b/project/tiny.json | . | error: output folder .: is the working directory",
        "a/b/project/data | ../tiny.json | .. | error: output folder ..: holds the working directory",
        "'' | a/b/project/tiny.json | a/b/project | error: output folder a/b/project: holds 'data', 'notes.txt' and 2 more"
            + " and no readable .radiolink.json, so it is not radiolink's; not replaced",
        "a/b/project | tiny.json | ../x | error: output folder ../x: holds 'keep.txt' and no readable .radiolink.json",
        "a/b/project | tiny.json | results/earlier | error: output folder results/earlier: is radiolink's output of"
            + " scenario 'earlier', not of 'tiny'; not replaced (choose another --out, or move it away yourself)",
        "a/b/project | tiny.json | results/.tiny.radiolink-run | error: output folder results/.tiny.radiolink-run: ends"
            + " with .radiolink-run, which radiolink keeps for its own working files; choose another --out",
        "a/b/project | tiny.json | results/earlier/units/p9 | error: output folder results/earlier/units/p9: is inside a"
            + " folder of radiolink's (",
        "a/b/project | tiny.json | results/.x.radiolink-run/out | error: output folder results/.x.radiolink-run/out: is"
            + " inside a folder of radiolink's ("})
    void run_outNotRadiolinksToReplace_exitTwoOneLineNothingTouched(String workingDirectory, String scenario,
            String out, String error) throws IOException {
        Path directory = Files.createDirectories(temp.resolve(workingDirectory));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(directory, "run", scenario, "--out", out);

        assertRefused(run, error);
        assertEquals(before, workspace.snapshot());
    }

    /** The working directory is recognised by what it is, not by how --out spells it. */
    @Test
    void run_outTheWorkingDirectoryThroughASymbolicLink_exitTwoNothingTouched() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        Path out = Files.createSymbolicLink(temp.resolve("link"), temp).resolve("empty");
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(empty, "run", "../a/b/project/tiny.json", "--out", out.toString());

        assertRefused(run, "error: output folder " + out + ": is the working directory; give a folder of its own");
        assertEquals(before, workspace.snapshot());
    }

    @Test
    void run_outBelowAFile_exitTwoSaysItIsNoFolder() throws IOException {
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--out", "notes.txt/out");

        assertRefused(run, "error: output folder notes.txt/out: cannot write there: "
                + workspace.project.resolve("notes.txt") + " is a file, not a folder");
        assertEquals(before, workspace.snapshot());
    }

    @Test
    void run_outAnEmptyFolder_writesTheReportsThereAndNothingElse() throws IOException {
        Path empty = Files.createDirectory(workspace.project.resolve("empty"));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--out", "empty");

        assertEquals(0, run.status(), run.err());
        assertTrue(Files.size(empty.resolve("report.json")) > 0);
        assertEquals(Workspace.without(before, workspace.key(empty)),
                Workspace.without(Workspace.without(workspace.snapshot(), workspace.key(empty)),
                        workspace.key(workspace.project.resolve(".empty" + OutputFolder.LOCK_SUFFIX))));
    }

    @Test
    void run_defaultOutput_isResultsSlashNameWithItsMarker() throws IOException {
        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().endsWith("reports in results/tiny\n"), run.out());
        Path output = workspace.results.resolve("tiny");
        FolderMarker marker = FolderMarker.readFrom(output).orElseThrow();
        assertEquals("tiny", marker.scenario());
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals(FolderMarker.FILE_NAME)
                    && !f.equals("units")).sorted().toList(), marker.names(), "the marker lists every file but units/");
        }
        assertTrue(marker.names().containsAll(List.of("report.json", "summary.csv", "flows.csv", "run-info.json",
                "scenario.json")));
        assertEquals(List.of("units/p0/r0.unit"), RunFolders.units(output), "the units not listed, but there");
        assertEquals(FolderMarker.State.FINISHED, marker.state());
        for (FolderMarker.WrittenFile file : marker.files()) {
            Path written = output.resolve(file.name());
            assertEquals(Files.size(written), file.sizeBytes(), file.name());
            assertEquals(GoldenReportsTest.sha256(written), file.sha256(), file.name());
        }
        assertEquals(List.of(LOCK), hiddenIn(workspace.results), "no run folder left, the lock file empty");
        assertEquals(0, Files.size(workspace.results.resolve(LOCK)));
    }

    @Test
    void run_previousOutputOfTheSameScenario_replacedWhole() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "1").status());
        Path output = workspace.results.resolve("tiny");
        String previous = Files.readString(output.resolve("report.json"));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2");

        assertEquals(0, run.status(), run.err());
        assertNotEquals(previous, Files.readString(output.resolve("report.json")), "the new run's report");
        assertTrue(Files.readString(output.resolve("report.json")).contains("\"seed\": 2"));
        assertEquals(Workspace.without(before, workspace.key(output)),
                Workspace.without(workspace.snapshot(), workspace.key(output)));
        assertEquals(List.of(LOCK), hiddenIn(workspace.results));
    }

    @Test
    void run_previousOutputHoldingAUsersFile_exitTwoNothingTouched() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        Files.writeString(workspace.results.resolve("tiny/my-analysis.txt"), "mine\n");
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2");

        assertRefused(run, "error: output folder results/tiny: is radiolink's output of 'tiny' but also holds "
                + "'my-analysis.txt', which radiolink did not write; not replaced");
        assertEquals(before, workspace.snapshot());
    }

    /** A report the user annotated is theirs now: the output is not replaced, and nothing in it deleted. */
    @Test
    void run_previousOutputWithAReportTheUserAnnotated_exitTwoNothingTouched() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        Files.writeString(workspace.results.resolve("tiny/report.json"), "\n(my notes on this run)\n",
                StandardOpenOption.APPEND);
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2");

        assertRefused(run, "error: output folder results/tiny: is radiolink's output of 'tiny' but 'report.json'"
                + " changed since radiolink wrote it (size or SHA-256); not replaced (choose another --out, or move"
                + " it away yourself)");
        assertEquals(before, workspace.snapshot());
    }

    @Test
    void run_outUnderProc_exitTwoBeforeSimulating() throws IOException {
        workspace.scenario("long", "tiny", 10_000_000, 100);
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "long.json", "--out", "/proc/radiolink-out",
                "--progress");

        assertRefused(run, "error: output folder /proc/radiolink-out: cannot write there: cannot create "
                + "/proc/.radiolink-out.radiolink-lock");
        // One line and no progress bar (forced with --progress): no replication was started.
        assertEquals("", run.out());
        assertEquals(before, workspace.snapshot());
    }

    /** An empty disk mounted where the output goes: renaming a mount point fails, so it is refused up front. */
    @Test
    void run_outAnEmptyMountPoint_exitTwoBeforeSimulating() throws IOException {
        assumeTrue(Radiolink.mountNamespaces(), "unshare -rm and mount are allowed here");
        Path disk = Files.createDirectory(workspace.project.resolve("disk"));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.startInMountNamespace(workspace.project, "mount -t tmpfs none disk",
                "run", "tiny.json", "--out", "disk", "--progress").finish();

        assertRefused(run, "error: output folder disk: is a mount point (a file system of its own), which"
                + " radiolink cannot replace; give a folder inside it, e.g. --out disk/tiny");
        assertEquals("", run.out(), "nothing simulated");
        assertEquals(before, Workspace.without(workspace.snapshot(), workspace.key(disk.resolveSibling(
                ".disk" + OutputFolder.LOCK_SUFFIX))));
    }

    /**
     * A folder of the same file system mounted where the output goes (a bind mount, as a container's
     * volume): it looks like any folder, and only the swap at the end fails; the new reports are kept.
     */
    @Test
    void run_outABindMount_swapFailsExitTwoNewReportsKept() throws IOException {
        assumeTrue(Radiolink.mountNamespaces(), "unshare -rm and mount are allowed here");
        Path volume = Files.createDirectory(workspace.project.resolve("volume"));
        Files.createDirectory(workspace.project.resolve("source"));

        Radiolink.Finished run = Radiolink.startInMountNamespace(workspace.project, "mount --bind source volume",
                "run", "tiny.json", "--out", "volume").finish();

        Path runFolder = workspace.project.resolve(".volume" + OutputFolder.RUN_SUFFIX);
        assertRefused(run, "error: output folder volume: cannot be replaced: ");
        assertTrue(run.err().endsWith("; the new reports are in " + runFolder + "\n"), run.err());
        assertEquals(Optional.of("tiny"), FolderMarker.readFrom(runFolder).map(FolderMarker::scenario));
        assertTrue(Files.size(runFolder.resolve("report.json")) > 0, "the new reports kept");
    }

    @Test
    void run_whileAnotherProcessHoldsTheLock_exitTwoNothingTouched() throws IOException {
        SortedMap<String, String> before = workspace.snapshot();
        Path lockFile = workspace.results.resolve(LOCK);
        // Nothing in this process may open the lock file while it holds the lock: closing any channel to a
        // file releases the process's POSIX locks on it.
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));

            Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

            assertRefused(run, "error: output folder results/tiny: another radiolink run (process "
                    + ProcessHandle.current().pid() + ") is writing it now");
            assertTrue(held.isValid());
        }
        assertEquals(before, Workspace.without(workspace.snapshot(), workspace.key(lockFile)));
    }

    @Test
    void run_whileAnotherRunInThisProcessHoldsTheLock_exitTwo() throws IOException {
        Path out = temp.resolve("out");
        try (FileChannel channel = FileChannel.open(temp.resolve(".out" + OutputFolder.LOCK_SUFFIX),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            CliRun run = CliRun.of("run", workspace.project.resolve("tiny.json").toString(), "--out", out.toString());

            assertEquals(2, run.status(), run.err());
            assertTrue(run.err().startsWith("error: output folder " + out + ": another radiolink run"), run.err());
            assertFalse(Files.exists(out));
            assertTrue(held.isValid());
        }
    }

    /**
     * Each row: what is at the lock file's name, and the error's end. The run opens the lock file for
     * writing and writes its process id into it, so it must be radiolink's own: a symbolic link or a hard
     * link would have it truncate the user's file, a FIFO would block it.
     */
    @ParameterizedTest(name = "lock file: {0}")
    @CsvSource(delimiter = '|', value = {
        "symbolic link | is a symbolic link; not replaced",
        "hard link | is not radiolink's lock file (it has another name too); not replaced",
        "other content | is not radiolink's lock file (it holds more than a process id); not replaced",
        "folder | is not radiolink's lock file (it is not a plain file); not replaced"})
    void run_lockNameTakenByAUsersFile_exitTwoNothingTouched(String what, String error) throws IOException {
        Path lockFile = workspace.results.resolve(LOCK);
        Path users = workspace.results.resolve("README.txt");
        switch (what) {
            case "symbolic link" -> Files.createSymbolicLink(lockFile, users);
            case "hard link" -> Files.createLink(lockFile, users);
            case "other content" -> Files.writeString(lockFile, "12 is not all I hold\n");
            case "folder" -> Files.writeString(Files.createDirectory(lockFile).resolve("mine.txt"), "mine");
            default -> throw new IllegalArgumentException(what);
        }
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertRefused(run, "error: output folder results/tiny: beside it, " + LOCK + " " + error);
        assertEquals(before, workspace.snapshot());
        assertEquals("results of my runs\n", Files.readString(users));
    }

    @Test
    void run_staleLockFileOfAKilledRun_takenOver() throws IOException {
        Files.writeString(workspace.results.resolve(LOCK), "4194304\n");

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertEquals(0, run.status(), run.err());
        assertEquals(0, Files.size(workspace.results.resolve(LOCK)));
    }

    /**
     * Two real processes: while the first runs, the second is refused; the first, killed, leaves its run
     * folder and the previous output intact; a plain run then refuses (use --resume or --fresh), and
     * {@code --fresh} removes the killed run's folder and replaces the output.
     */
    @Test
    void run_secondProcessWhileTheFirstRuns_refused_killedFirstLeavesWhatTheNextRunRemoves() throws Exception {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "1").status());
        Path output = workspace.results.resolve("tiny");
        String previous = Files.readString(output.resolve("report.json"));
        workspace.scenario("long", "tiny", 1_000_000, 1_000);
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink first = Radiolink.start(workspace.project, null, "run", "long.json", "--threads", "1");
        try {
            first.awaitFile(workspace.results.resolve(RUN_FOLDER).resolve(FolderMarker.FILE_NAME));
            Radiolink.Finished second = Radiolink.run(workspace.project, "run", "tiny.json");
            assertRefused(second, "error: output folder results/tiny: another radiolink run (process "
                    + first.process().pid() + ") is writing it now");
            assertTrue(first.process().isAlive(), "the first run was still running");
        } finally {
            first.process().destroyForcibly();
        }
        assertNotEquals(0, first.finish().status());

        assertTrue(Files.isDirectory(workspace.results.resolve(RUN_FOLDER)), "a killed run leaves its run folder");
        assertEquals(Workspace.without(before, workspace.key(workspace.results.resolve(LOCK))),
                Workspace.without(Workspace.without(workspace.snapshot(), workspace.key(workspace.results.resolve(
                        RUN_FOLDER))), workspace.key(workspace.results.resolve(LOCK))), "the previous output intact");

        assertRefused(Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2"), "error: output folder"
                + " results/tiny: beside it, " + RUN_FOLDER + " is radiolink's unfinished run of 'tiny'; use --resume or"
                + " --fresh");
        Radiolink.Finished next = Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2", "--fresh");

        assertEquals(0, next.status(), next.err());
        assertEquals(List.of(LOCK), hiddenIn(workspace.results), "the killed run's folder removed");
        assertNotEquals(previous, Files.readString(output.resolve("report.json")));
        assertEquals(Workspace.without(before, workspace.key(output)),
                Workspace.without(workspace.snapshot(), workspace.key(output)));
    }

    /** Ctrl-C (here SIGTERM) keeps the run folder, state running, for --resume, and says so; the output stays. */
    @Test
    void run_interrupted_previousOutputIntactRunFolderKeptForResume() throws Exception {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        workspace.scenario("long", "tiny", 1_000_000, 1_000);
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink first = Radiolink.start(workspace.project, null, "run", "long.json", "--threads", "1");
        first.awaitFile(workspace.results.resolve(RUN_FOLDER).resolve(FolderMarker.FILE_NAME));
        first.process().destroy();

        Radiolink.Finished interrupted = first.finish();
        assertEquals(143, interrupted.status(), "ended by SIGTERM");
        assertEquals("interrupted; continue with --resume\n", interrupted.err());
        String lock = workspace.key(workspace.results.resolve(LOCK));
        String runFolder = workspace.key(workspace.results.resolve(RUN_FOLDER));
        assertEquals(Workspace.without(before, lock), Workspace.without(Workspace.without(workspace.snapshot(), lock),
                runFolder), "previous output intact");
        assertEquals(FolderMarker.State.RUNNING, FolderMarker.readFrom(workspace.results.resolve(RUN_FOLDER))
                .orElseThrow().state(), "the run folder kept, unfinished");
        assertEquals(first.process().pid() + "\n", Files.readString(workspace.results.resolve(LOCK)),
                "the lock file still names the interrupted run, as docs/design.md says");
    }

    /**
     * A killed run's folder of a radiolink before units (marker version 2) holds nothing to resume: removed,
     * if it holds only files a run writes (a user's file there is refused: RunFolderTableTest).
     */
    @Test
    void run_leftoverRunFolderOfARadiolinkBeforeUnits_removed() throws IOException {
        Path left = Files.createDirectory(workspace.results.resolve(RUN_FOLDER));
        Markers.version2("tiny", List.of()).writeInto(left);
        Files.write(left.resolve("flows.csv"), new byte[5 << 20]);
        Files.writeString(left.resolve("report.json"), "{");
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(LOCK), hiddenIn(workspace.results));
        assertEquals(Workspace.without(before, workspace.key(left)), Workspace.without(Workspace.without(
                workspace.snapshot(), "a/b/project/results/tiny"), workspace.key(workspace.results.resolve(LOCK))));
    }

    /**
     * A kill while the run wrote its first marker leaves a run folder holding only the marker's temporary
     * file, with the start of it: {@code bytes} of it (-1: all), of the marker a run of {@code markerOf}
     * writes. It is this scenario's killed run, removed; another scenario's (told apart once the name is
     * written) is refused.
     */
    @ParameterizedTest(name = "{0} bytes of the marker of ''{1}''")
    @CsvSource({"0, tiny", "40, tiny", "-1, tiny", "-1, another"})
    void run_runFolderHoldingOnlyTheStartOfItsFirstMarker_removedIfThisScenarios(int bytes, String markerOf)
            throws IOException {
        Path left = Files.createDirectory(workspace.results.resolve(RUN_FOLDER));
        Path whole = Files.createDirectory(temp.resolve("whole"));
        Markers.started(markerOf).writeInto(whole);
        byte[] marker = Files.readAllBytes(whole.resolve(FolderMarker.FILE_NAME));
        Files.write(left.resolve(FolderMarker.NEXT_FILE_NAME), Arrays.copyOf(marker, bytes < 0 ? marker.length : bytes));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        if (markerOf.equals(Workspace.NAME)) {
            assertEquals(0, run.status(), run.err());
            assertEquals(List.of(LOCK), hiddenIn(workspace.results), "the leftover run folder removed");
        } else {
            assertRefused(run, "error: output folder results/tiny: beside it, .tiny.radiolink-run holds"
                    + " '.radiolink.json.next' and no readable .radiolink.json, so it is not radiolink's");
            assertEquals(before, Workspace.without(workspace.snapshot(), workspace.key(workspace.results.resolve(
                    LOCK))));
        }
    }

    /**
     * A removal of a leftover run folder cut short (by a mount point in it, which cannot be removed, as a
     * kill would cut it) leaves its marker, deleted last, so the next run still recognises it and removes it.
     */
    @Test
    void run_removalOfALeftoverRunFolderCutShort_markerKeptAndTheNextRunRemovesIt() throws IOException {
        assumeTrue(Radiolink.mountNamespaces(), "unshare -rm and mount are allowed here");
        Path left = Files.createDirectory(workspace.results.resolve(RUN_FOLDER));
        Markers.version2(Workspace.NAME, List.of()).writeInto(left);
        for (String point : List.of("p0", "p1", "p2", "p3", "p4")) {
            Files.createDirectories(left.resolve("units").resolve(point));
        }
        // The folder that cannot be removed is under units/, which the folder may list after the marker:
        // removing the entries in the order listed would delete the marker before failing at it.
        List<String> listed;
        try (Stream<Path> entries = Files.list(left)) {
            listed = entries.map(p -> p.getFileName().toString()).toList();
        }
        String stuck = "units/p2";

        Radiolink.Finished cut = Radiolink.startInMountNamespace(workspace.project,
                "mount -t tmpfs none results/" + RUN_FOLDER + "/" + stuck, "run", "tiny.json").finish();

        assertRefused(cut, "error: output folder results/tiny: cannot write there: ");
        assertEquals(Optional.of(Markers.version2(Workspace.NAME, List.of())), FolderMarker.readFrom(left),
                "the marker kept (listed: " + listed + ", " + stuck + " could not be removed)");

        Radiolink.Finished next = Radiolink.run(workspace.project, "run", "tiny.json");

        assertEquals(0, next.status(), next.err());
        assertEquals(List.of(LOCK), hiddenIn(workspace.results), "the leftover run folder removed");
    }

    /** Each row: the scenario the run folder's marker names ('' for no marker), and the error's end. */
    @ParameterizedTest(name = "marker of ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "another | is radiolink's unfinished run of scenario 'another', not of 'tiny'; not replaced",
        "'' | holds 'flows.csv' and no readable .radiolink.json, so it is not radiolink's; not replaced"})
    void run_runFolderNotThisScenarios_exitTwoNothingTouched(String markerOf, String error) throws IOException {
        Path taken = Files.createDirectory(workspace.results.resolve(RUN_FOLDER));
        if (!markerOf.isEmpty()) {
            Markers.started(markerOf).writeInto(taken);
        }
        Files.writeString(taken.resolve("flows.csv"), "partial, or a user's own file");
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertRefused(run, "error: output folder results/tiny: beside it, .tiny.radiolink-run " + error);
        assertEquals(before, Workspace.without(workspace.snapshot(), workspace.key(workspace.results.resolve(LOCK))));
    }

    @Test
    void run_outputSwappedOutByAKilledRunAndNotBack_putBackFirst() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        SortedMap<String, String> before = workspace.snapshot();
        Files.move(workspace.results.resolve("tiny"), workspace.results.resolve(REPLACED));
        workspace.scenario("other", 600, 1);

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "other.json", "--out", "results/tiny");

        assertRefused(run, "error: output folder results/tiny: is radiolink's output of scenario 'tiny', not of"
                + " 'other'");
        assertEquals(before, Workspace.without(workspace.snapshot(), "a/b/project/other.json"),
                "the previous output back in its place, as it was");
    }

    @Test
    void run_previousOutputLeftBesideTheNewOne_removed() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        copy(workspace.results.resolve("tiny"), workspace.results.resolve(REPLACED));
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json", "--seed", "2");

        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(LOCK), hiddenIn(workspace.results));
        assertEquals(Workspace.without(Workspace.without(before, "a/b/project/results/tiny"),
                workspace.key(workspace.results.resolve(REPLACED))),
                Workspace.without(workspace.snapshot(), "a/b/project/results/tiny"));
    }

    @Test
    void run_previousOutputLeftBesideHoldingAUsersFile_exitTwoNothingTouched() throws IOException {
        assertEquals(0, Radiolink.run(workspace.project, "run", "tiny.json").status());
        Path replaced = workspace.results.resolve(REPLACED);
        copy(workspace.results.resolve("tiny"), replaced);
        Files.writeString(replaced.resolve("mine.txt"), "mine");
        SortedMap<String, String> before = workspace.snapshot();

        Radiolink.Finished run = Radiolink.run(workspace.project, "run", "tiny.json");

        assertRefused(run, "error: output folder results/tiny: beside it, .tiny.radiolink-old (an output a killed"
                + " run was replacing) is radiolink's output of 'tiny' but also holds 'mine.txt'");
        assertEquals(before, workspace.snapshot());
    }

    @ParameterizedTest
    @CsvSource({"022, rwxr-xr-x, rw-r--r--", "027, rwxr-x---, rw-r-----", "002, rwxrwxr-x, rw-rw-r--"})
    void run_umask_foldersAndFilesFollowIt(String umask, String folders, String files) throws IOException {
        Radiolink.Finished run = Radiolink.start(workspace.project, umask, "run", "tiny.json", "--out",
                "new/deeper/out").finish();

        assertEquals(0, run.status(), run.err());
        Path out = workspace.project.resolve("new/deeper/out");
        for (Path folder : List.of(workspace.project.resolve("new"), out.getParent(), out)) {
            assertEquals(folders, permissions(folder), folder.toString());
        }
        try (Stream<Path> written = Files.walk(out)) {
            for (Path file : (Iterable<Path>) written::iterator) {
                assertEquals(Files.isDirectory(file) ? folders : files, permissions(file), file.toString());
            }
        }
        assertTrue(Files.isDirectory(out.resolve("units/p0")), "the units' folders checked too");
        assertEquals(files, permissions(out.resolveSibling(".out" + OutputFolder.LOCK_SUFFIX)));
        Path temporary = Files.createTempDirectory(temp, "compare");
        assertEquals("rwx------", permissions(temporary), "what Files.createTempDirectory would have made");
    }

    private static void assertRefused(Radiolink.Finished run, String start) {
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith(start), run.err());
        assertOneLine(run.err());
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    private static List<String> hiddenIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** Copies {@code folder}, with everything in it, to {@code to}. */
    private static void copy(Path folder, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(folder.relativize(file).toString()));
            }
        }
    }
}
