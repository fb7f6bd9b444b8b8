package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radiolink status DIR}, in-process: a finished run (exit 0), the unfinished run folder beside an
 * output (made as {@link RunFolderTableTest} makes one: {@link RunFolders#unfinishedFrom}) with a unit missing
 * and one cut short (exit 3), a sweep's points labelled as summary.csv shows their values, and the folders that
 * are not a run to read (exit 2, one line). Every test checks that nothing under its folder changed (paths and
 * SHA-256 before and after).
 */
final class StatusCommandTest {

    private static final Path SCENARIO = Examples.FOLDER.resolve("single-backup-restore.json");

    @TempDir
    Path temp;

    private Path out;

    @BeforeEach
    void paths() {
        out = temp.resolve("out");
    }

    @Test
    void status_finishedRun_listsEveryUnitExitZero() throws IOException {
        run(out, "--replications", "2");

        CliRun status = status(out);

        assertEquals(0, status.status(), status.err());
        assertEquals("", status.err());
        assertEquals(finished(out,
                "point 0: 2 of 2",
                "total: 2 of 2 units; missing no units"), status.out().lines().toList());
    }

    /** An unfinished run beside an absent output: one unit never written, one cut short by the kill. */
    @Test
    void status_unfinishedRunWithAUnitMissingAndOneCutShort_namesThemExitThree() throws IOException {
        Path finished = temp.resolve("finished");
        run(finished, "--replications", "4");
        Path runFolder = RunFolders.runFolderOf(out);
        RunFolders.unfinishedFrom(finished, runFolder, List.of("units/p0/r0.unit", "units/p0/r2.unit"));
        byte[] whole = Files.readAllBytes(finished.resolve("units/p0/r3.unit"));
        Files.write(runFolder.resolve("units/p0/r3.unit"), Arrays.copyOf(whole, 150));
        Files.writeString(runFolder.resolve("units/p0/.r1.unit.tmp"), "half a unit");

        CliRun status = status(out);

        assertEquals(3, status.status(), status.err());
        assertEquals("", status.err());
        assertEquals(lines("folder: " + runFolder + " (the unfinished run beside " + out + ", which does not exist)",
                "single-backup-restore", "running", finished,
                "point 0: 2 of 4, missing 1, 3",
                "invalid: units/p0/r3.unit is cut short (150 of " + String.format(Locale.ROOT, "%,d", whole.length)
                        + " bytes)",
                "leftover: units/p0/.r1.unit.tmp (a write a kill interrupted; --resume removes it)",
                "total: 2 of 4 units; missing 2 units: point 0 replication 1, point 0 replication 3"),
                status.out().lines().toList());
    }

    /** A finished output of a sweep: each point by its swept value as summary.csv has it; a deleted unit missing. */
    @Test
    void status_sweepWithAUnitDeleted_labelsEachPointAsSummaryCsvExitThree() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("loss-sweep.json"), temp, 300, 2);
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, run.status(), run.err());
        Files.delete(out.resolve("units/p3/r1.unit"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("point,airInterface.uplink.loss.probability", summary.get(0).substring(0,
                summary.get(0).indexOf(",", "point,".length())));

        CliRun status = status(out);

        assertEquals(3, status.status(), status.err());
        List<String> expected = new ArrayList<>(lines("folder: " + out, "loss-sweep", "finished", out));
        for (int point = 0; point < 6; point++) {
            expected.add("point " + point + " (airInterface.uplink.loss.probability=" + sweepValue(summary, point)
                    + "): " + (point == 3 ? "1 of 2, missing 1" : "2 of 2"));
        }
        expected.add("total: 11 of 12 units; missing 1 unit: point 3 replication 1");
        assertEquals(expected, status.out().lines().toList());
        assertEquals("0.1", sweepValue(summary, 3), "the file's fourth value");
    }

    /** Files radiolink did not write, in units/ and beside the reports, and a report changed since: listed. */
    @Test
    void status_finishedRunWithUsersFiles_listsThemExitZero() throws IOException {
        run(out, "--replications", "1");
        Files.writeString(out.resolve("units/p0/notes.txt"), "mine\n");
        Files.writeString(out.resolve("mine.txt"), "mine\n");
        Files.writeString(out.resolve("summary.csv"), "annotated\n", StandardOpenOption.APPEND);

        CliRun status = status(out);

        assertEquals(0, status.status(), status.err());
        assertEquals(finished(out,
                "point 0: 1 of 1",
                "foreign: mine.txt (radiolink did not write it)",
                "foreign: units/p0/notes.txt (radiolink did not write it)",
                "changed: summary.csv (size or SHA-256 since radiolink wrote it)",
                "total: 1 of 1 units; missing no units"), status.out().lines().toList());
    }

    /** A resume with fewer replications keeps the units beyond them: counted apart, not as the scenario's. */
    @Test
    void status_finishedRunHoldingUnitsBeyondItsReplications_countsThemApartExitZero() throws IOException {
        run(out, "--replications", "2");
        run(out, "--replications", "1", "--resume");

        CliRun status = status(out);

        assertEquals(0, status.status(), status.err());
        assertEquals(finished(out,
                "point 0: 1 of 1",
                "beyond the scenario: 1 valid unit of points or replications it does not have (kept, unused)",
                "total: 1 of 1 units; missing no units"), status.out().lines().toList());
    }

    /** A finished output with a resume of it under way (or interrupted) beside it: the output read, the run named. */
    @Test
    void status_finishedRunWithAnUnfinishedRunBeside_readsTheOutputNamesTheRun() throws IOException {
        Path finished = temp.resolve("finished");
        run(finished, "--replications", "2");
        run(out, "--replications", "2");
        Path runFolder = RunFolders.runFolderOf(out);
        RunFolders.unfinishedFrom(finished, runFolder, List.of("units/p0/r0.unit"));

        CliRun status = status(out);

        assertEquals(0, status.status(), status.err());
        assertEquals(finished(out,
                "point 0: 2 of 2",
                "beside it: " + runFolder + ", an unfinished run (a resume under way or interrupted; radiolink status "
                        + runFolder + " shows it)",
                "total: 2 of 2 units; missing no units"), status.out().lines().toList());
    }

    @Test
    void status_folderOfAUsersFiles_exitTwoOneLine() throws IOException {
        Files.createDirectory(out);
        Files.writeString(out.resolve("notes.txt"), "mine\n");

        assertRefused(status(out), "error: " + out + ": holds no readable .radiolink.json, and no unfinished run"
                + " .out.radiolink-run is beside it, so it is not a radiolink run folder");
    }

    @Test
    void status_missingFolder_exitTwoOneLine() throws IOException {
        assertRefused(status(out), "error: " + out + ": does not exist, and no unfinished run .out.radiolink-run is"
                + " beside it, so it is not a radiolink run folder");
    }

    /** An output of a radiolink before units: nothing to check, so no answer (exit 2), rather than a false 0. */
    @Test
    void status_version2Output_exitTwoOneLine() throws IOException {
        Files.createDirectory(out);
        Files.writeString(out.resolve("report.json"), "{}\n");
        Markers.version2("earlier", List.of()).finished(out).writeInto(out);

        assertRefused(status(out), "error: " + out + ": is radiolink's output of 'earlier' written before runs kept"
                + " their units (marker version 2): it has no units and no identity to check");
    }

    /** Runs {@code single-backup-restore} into {@code folder} on 2 threads. */
    private static void run(Path folder, String... options) {
        List<String> args = new ArrayList<>(List.of("run", SCENARIO.toString(), "--out", folder.toString(), "--threads",
                "2", "--quiet"));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
    }

    /** {@code radiolink status folder}, asserting that nothing under {@link #temp} changed. */
    private CliRun status(Path folder) throws IOException {
        SortedMap<String, String> before = tree();
        CliRun status = CliRun.of("status", folder.toString());
        assertEquals(before, tree(), "status changed nothing");
        return status;
    }

    private static void assertRefused(CliRun status, String line) {
        assertEquals(2, status.status(), status.err());
        assertEquals(line + "\n", status.err());
        assertEquals("", status.out());
    }

    /** The lines status prints of the finished {@code single-backup-restore} in {@code folder}: the head, then {@code rest}. */
    private static List<String> finished(Path folder, String... rest) throws IOException {
        return lines("folder: " + folder, "single-backup-restore", "finished", folder, rest);
    }

    /**
     * The lines status prints: {@code folderLine}, the scenario's name, the state, the identity of the run
     * whose marker {@code marked} holds, then {@code rest}.
     */
    private static List<String> lines(String folderLine, String scenario, String state, Path marked, String... rest)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of(folderLine, "scenario: " + scenario, "state: " + state,
                "identity: " + FolderMarker.readFrom(marked).orElseThrow().run().orElseThrow().identity().brief()));
        lines.addAll(List.of(rest));
        return lines;
    }

    /** The swept value of {@code point} in summary.csv's lines: its second column on the point's rows. */
    private static String sweepValue(List<String> summary, int point) {
        return summary.stream().skip(1).map(line -> line.split(",", -1)).filter(fields -> fields[0].equals(
                Integer.toString(point))).map(fields -> fields[1]).findFirst().orElseThrow();
    }

    /** Every entry under {@link #temp}, each file with its SHA-256. */
    private SortedMap<String, String> tree() throws IOException {
        SortedMap<String, String> tree = new TreeMap<>();
        for (String entry : RunFolders.entries(temp)) {
            Path path = temp.resolve(entry);
            tree.put(entry, Files.isDirectory(path) ? "folder" : GoldenReportsTest.sha256(path));
        }
        return tree;
    }
}
