package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parts and their merge through the command line (issue 14, "Parts and their merge"; docs/runs.md, section 4):
 * {@code run --shard i/n} of every i, merged in a shuffled order, gives the single run's report.json and CSVs
 * byte for byte, for n = 1, 3 and 7; a part of another identity, a missing unit, a torn one and an {@code --out}
 * that is a part are refused in one line, touching nothing; {@code --partial} reports what there is, and
 * {@code run --resume} over it completes it.
 */
final class MergeCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** loss-sweep's 6 points, 3 replications each, 1,200 s long. */
    private static final int UNITS = 18;

    @TempDir
    static Path shared;

    private static Path lossSweep;
    private static Path single;

    @TempDir
    Path temp;

    @BeforeAll
    static void singleRun() throws IOException {
        lossSweep = Examples.shortened(Examples.FOLDER.resolve("loss-sweep.json"), shared, 1_200, 3).toAbsolutePath();
        single = shared.resolve("single");
        CliRun run = CliRun.of("run", lossSweep.toString(), "--out", single.toString(), "--threads", "2");
        assertEquals(0, run.status(), run.err());
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 3, 7})
    void merge_shardsInShuffledOrder_theSingleRunsReportsByteForByte(int n) throws IOException {
        List<Path> parts = shards(n, "parts", "--threads", "2");
        Collections.shuffle(parts, new Random(20261201L + n));
        SortedMap<String, String> before = tree(temp.resolve("parts"));

        Path merged = temp.resolve("merged");
        CliRun merge = merge(merged, parts);

        assertEquals(0, merge.status(), merge.err());
        assertEquals("", merge.err());
        assertTrue(merge.out().endsWith("reports in " + merged + "\n"), merge.out());
        RunFolders.assertSameReports(single, merged);
        assertEquals(before, tree(temp.resolve("parts")), "the parts are read only");
        assertEquals(RunFolders.units(single), RunFolders.units(merged));
        FolderMarker.Run run = FolderMarker.readFrom(merged).orElseThrow().run().orElseThrow();
        assertEquals(Optional.empty(), run.selection());
        assertEquals(0, CliRun.of("status", merged.toString()).status());
        assertEquals(UNITS, RunFolders.unitCounts(merged).get("unitsReused"));
    }

    /** A shard's own folder: its units, a report of them with the part key, its selection in the marker. */
    @Test
    void run_aShard_reportsItsUnitsAsAPart() throws IOException {
        Path part = shards(3, "parts").get(1);

        JsonNode report = JSON.readTree(part.resolve("report.json").toFile());
        assertEquals(6, report.at("/part/units").asInt());
        assertEquals(UNITS, report.at("/part/of").asInt());
        // Shard 1 of 3 holds replication 1 of every point: the others are missing, two per point.
        assertEquals(12, report.at("/part/missing").size());
        assertEquals("{\"point\":0,\"first\":0,\"last\":0}", report.at("/part/missing/0").toString());
        assertEquals(6, report.path("points").size());
        report.path("points").forEach(point -> assertEquals(1, point.path("replications").asInt()));
        assertEquals(Optional.of("--shard 1/3"), FolderMarker.readFrom(part).orElseThrow().run().orElseThrow()
                .selection());
        assertEquals(List.of("units/p0/r1.unit", "units/p1/r1.unit", "units/p2/r1.unit", "units/p3/r1.unit",
                "units/p4/r1.unit", "units/p5/r1.unit"), RunFolders.units(part));
        CliRun status = CliRun.of("status", part.toString());
        assertEquals(Main.INCOMPLETE, status.status());
        assertTrue(status.out().contains("\npart: --shard 1/3 (a part of the run; radiolink merge joins the parts)\n"),
                status.out());
        assertFalse(JSON.readTree(single.resolve("report.json").toFile()).has("part"), "a whole run has no part");
    }

    /**
     * A part resumed with another selection keeps the units it holds outside it (nothing is discarded) and
     * reports them too: shard 0 of 2 resumed as shard 1 of 2 holds every unit, the single run's reports.
     */
    @Test
    void run_aPartResumedWithTheOtherShard_keepsItsUnitsAndBecomesTheWholeRun() throws IOException {
        Path part = shards(2, "parts").get(0);

        CliRun resumed = CliRun.of("run", lossSweep.toString(), "--out", part.toString(), "--shard", "1/2", "--resume");

        assertEquals(0, resumed.status(), resumed.err());
        RunFolders.assertSameReports(single, part);
        assertEquals(9, RunFolders.unitCounts(part).get("unitsReused"));
        assertEquals(9, RunFolders.unitCounts(part).get("unitsRun"));
        assertEquals(Optional.of("--shard 1/2"), FolderMarker.readFrom(part).orElseThrow().run().orElseThrow()
                .selection(), "the marker states what this run was asked for");
    }

    /**
     * Units that recorded every replication's flows (a run with --all-flows, resumed without) merge into the
     * report of a run without it, byte for byte, and a copy of such a unit without those flows is the same
     * unit, not a different duplicate.
     */
    @Test
    void merge_unitsWithFlowsOfAnAllFlowsRun_theReportOfARunWithout() throws IOException {
        Path withFlows = temp.resolve("withFlows");
        assertEquals(0, CliRun.of("run", lossSweep.toString(), "--out", withFlows.toString(), "--shard", "0/2",
                "--all-flows").status());
        assertEquals(0, CliRun.of("run", lossSweep.toString(), "--out", withFlows.toString(), "--shard", "0/2",
                "--resume").status());
        List<Path> plain = shards(2, "plain");

        CliRun merge = merge(temp.resolve("merged"), List.of(withFlows, plain.get(1), plain.get(0)));

        assertEquals(0, merge.status(), merge.err());
        RunFolders.assertSameReports(single, temp.resolve("merged"));
    }

    /**
     * A part resumed with another shard and --all-flows runs again the units it keeps without their flows, so
     * its report, status and merge agree: the report of one --all-flows run.
     */
    @Test
    void run_aPartResumedWithTheOtherShardAndAllFlows_runsItsKeptUnitsAgain() throws IOException {
        Path allFlows = temp.resolve("allFlows");
        assertEquals(0, CliRun.of("run", lossSweep.toString(), "--out", allFlows.toString(), "--all-flows").status());
        Path part = shards(2, "parts").get(0);

        CliRun resumed = CliRun.of("run", lossSweep.toString(), "--out", part.toString(), "--shard", "1/2",
                "--all-flows", "--resume");

        assertEquals(0, resumed.status(), resumed.err());
        RunFolders.assertSameReports(allFlows, part);
        // Shard 0 of 2 held 9 units, replication 0's three with their flows (always recorded): those are reused,
        // the other 6 run again with theirs, with shard 1's 9.
        assertEquals(3, RunFolders.unitCounts(part).get("unitsReused"));
        assertEquals(15, RunFolders.unitCounts(part).get("unitsRun"));
        assertEquals(0, CliRun.of("status", part.toString()).status());
        assertEquals(0, merge(temp.resolve("merged"), List.of(part)).status());
        RunFolders.assertSameReports(allFlows, temp.resolve("merged"));
    }

    /** A shard of more shards than units selects nothing: a valid empty part, which a partial merge takes. */
    @Test
    void run_anEmptyShard_anEmptyPart() throws IOException {
        Path empty = temp.resolve("empty");

        CliRun run = CliRun.of("run", lossSweep.toString(), "--out", empty.toString(), "--shard", "20/30");

        assertEquals(0, run.status(), run.err());
        JsonNode report = JSON.readTree(empty.resolve("report.json").toFile());
        assertEquals(0, report.at("/part/units").asInt());
        assertEquals(0, report.path("points").size());
        CliRun merge = CliRun.of("merge", "--out", temp.resolve("merged").toString(), "--partial", empty.toString());
        assertEquals(0, merge.status(), merge.err());
    }

    /** --out through a symbolic link into a part's folder, or a dangling link: refused in one line, exit 2. */
    @Test
    void mergeAndRun_outThroughALinkIntoAPartOrDangling_refusedNothingWritten() throws IOException {
        List<Path> parts = shards(2, "parts");
        Path link = Files.createSymbolicLink(temp.resolve("into"), parts.get(0).resolve("units"));
        SortedMap<String, String> before = tree(parts.get(0));

        CliRun merge = CliRun.of("merge", "--out", link.resolve("x").toString(), "--partial", parts.get(1).toString());
        assertEquals(Main.BAD_INPUT, merge.status());
        assertTrue(merge.err().startsWith("error: output folder " + link.resolve("x") + ": is inside a folder of radiolink's"),
                merge.err());
        CliRun run = CliRun.of("run", lossSweep.toString(), "--out", link.resolve("y").toString(), "--points", "0");
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().startsWith("error: output folder " + link.resolve("y") + ": is inside a folder of radiolink's"),
                run.err());
        assertEquals(before, tree(parts.get(0)));

        Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("absent/x"));
        CliRun toDangling = merge(dangling, parts);
        assertEquals(Main.BAD_INPUT, toDangling.status(), toDangling.err());
        assertEquals(1, toDangling.err().lines().count(), toDangling.err());
        assertFalse(toDangling.err().contains("Exception"), toDangling.err());
    }

    @Test
    void run_aSelectionNotOfTheScenario_oneLineExit2NothingWritten() {
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", lossSweep.toString(), "--out", out.toString(), "--shard", "3/3");
        assertEquals(Main.BAD_INPUT, run.status());
        assertEquals("error: --shard: 3/3 names part 3 of 3 (parts are 0 to 2); allowed: i/n with n >= 1 and"
                + " 0 <= i < n, e.g. 0/10\n", run.err());
        CliRun beyond = CliRun.of("run", lossSweep.toString(), "--out", out.toString(), "--replications-range",
                "2..3");
        assertEquals(Main.BAD_INPUT, beyond.status());
        assertEquals("error: --replications-range: 2..3 beyond the scenario's 3 replications; give --replications 4\n",
                beyond.err());
        assertFalse(Files.exists(out));
    }

    /** A part run with another seed is of another model: refused in one line naming both parts and the change. */
    @Test
    void merge_aPartOfAnotherIdentity_refusedNothingWritten() throws IOException {
        List<Path> parts = shards(2, "parts");
        Path other = temp.resolve("other");
        assertEquals(0, CliRun.of("run", lossSweep.toString(), "--out", other.toString(), "--shard", "1/2", "--seed",
                "2").status());
        Path merged = temp.resolve("merged");

        CliRun merge = merge(merged, List.of(parts.get(0), other));

        assertEquals(Main.BAD_INPUT, merge.status());
        String[] model = {brief(parts.get(0)), brief(other)};
        assertEquals("error: part " + other + ": of another model than part " + parts.get(0) + " (model identity "
                + model[1] + " vs " + model[0] + "; scenario changed at seed: 2, was 11); not merged\n", merge.err());
        assertFalse(Files.exists(merged));
        assertFalse(Files.exists(RunFolders.runFolderOf(merged)));
    }

    @Test
    void merge_replicationsDiffer_refused() throws IOException {
        List<Path> parts = shards(2, "parts");
        Path more = temp.resolve("more");
        assertEquals(0, CliRun.of("run", lossSweep.toString(), "--out", more.toString(), "--shard", "1/2",
                "--replications", "4").status());

        CliRun merge = merge(temp.resolve("merged"), List.of(parts.get(0), more));

        assertEquals(Main.BAD_INPUT, merge.status());
        assertEquals("error: part " + more + ": of 4 replications, part " + parts.get(0) + " of 3 (run every part with"
                + " the same --replications); not merged\n", merge.err());
    }

    /** A shard left out: an error naming the units; with --partial a report saying so, which a resume completes. */
    @Test
    void merge_aShardLeftOut_refusedNamingTheUnitsOrPartialThenResumedToTheSingleRun() throws IOException {
        List<Path> parts = shards(3, "parts");
        Path merged = temp.resolve("merged");
        List<Path> two = List.of(parts.get(2), parts.get(0));

        CliRun refused = merge(merged, two);
        assertEquals(Main.BAD_INPUT, refused.status());
        assertEquals("error: missing 6 units: point 0 replication 1, point 1 replication 1, point 2 replication 1,"
                + " point 3 replication 1, point 4 replication 1, point 5 replication 1; not merged (give --partial"
                + " for a report of the units there are)\n", refused.err());
        assertFalse(Files.exists(merged));

        List<String> partial = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--partial"));
        two.forEach(part -> partial.add(part.toString()));
        CliRun made = CliRun.of(partial.toArray(String[]::new));
        assertEquals(0, made.status(), made.err());
        assertTrue(made.out().contains("partial: 12 of 18 units; missing 6 units: point 0 replication 1,"), made.out());
        JsonNode report = JSON.readTree(merged.resolve("report.json").toFile());
        assertEquals(12, report.at("/part/units").asInt());
        assertEquals(6, report.at("/part/missing").size());
        assertEquals(Optional.of(MergeCommand.PARTIAL_SELECTION), FolderMarker.readFrom(merged).orElseThrow().run()
                .orElseThrow().selection());

        CliRun resumed = CliRun.of("run", lossSweep.toString(), "--out", merged.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        RunFolders.assertSameReports(single, merged);
        assertEquals(6, RunFolders.unitCounts(merged).get("unitsRun"));
    }

    /** A torn unit (cut mid-write) in a part: refused naming it; with --partial counted as missing, with a note. */
    @Test
    void merge_aTornUnit_refusedOrWithPartialMissing() throws IOException {
        List<Path> parts = shards(2, "parts");
        Path unit = parts.get(1).resolve("units/p2/r1.unit");
        byte[] bytes = Files.readAllBytes(unit);
        Files.write(unit, Arrays.copyOf(bytes, bytes.length / 2));

        CliRun refused = merge(temp.resolve("merged"), parts);
        assertEquals(Main.BAD_INPUT, refused.status());
        assertEquals(String.format(Locale.ROOT, "error: part %s: units/p2/r1.unit is cut short (%,d of %,d"
                + " bytes); not merged%n", parts.get(1), bytes.length / 2, bytes.length), refused.err());

        List<String> partial = new ArrayList<>(List.of("merge", "--out", temp.resolve("merged").toString(), "--partial"));
        parts.forEach(part -> partial.add(part.toString()));
        CliRun made = CliRun.of(partial.toArray(String[]::new));
        assertEquals(0, made.status(), made.err());
        assertTrue(made.err().startsWith("note: part " + parts.get(1) + ": units/p2/r1.unit is cut short"), made.err());
        assertTrue(made.out().contains("partial: 17 of 18 units; missing 1 unit: point 2 replication 1"), made.out());
    }

    /** A part killed before it finished is merged from its run folder beside it, as status reads it. */
    @Test
    void merge_anUnfinishedPart_itsUnitsMergedFromTheRunFolderBesideIt() throws IOException {
        List<Path> parts = shards(2, "parts");
        Path killed = temp.resolve("parts/killed");
        RunFolders.unfinishedFrom(parts.get(1), RunFolders.runFolderOf(killed), RunFolders.units(parts.get(1)));
        Path merged = temp.resolve("merged");

        CliRun merge = merge(merged, List.of(killed, parts.get(0)));

        assertEquals(0, merge.status(), merge.err());
        RunFolders.assertSameReports(single, merged);
        assertFalse(Files.exists(killed), "nothing written for the part");
    }

    /** --out a part, or the folder holding the parts: refused, nothing touched. */
    @Test
    void merge_outIsOrHoldsAPart_refusedNothingTouched() throws IOException {
        List<Path> parts = shards(2, "parts");
        SortedMap<String, String> before = tree(temp);

        CliRun into = merge(parts.get(0), parts);
        assertEquals(Main.BAD_INPUT, into.status());
        assertEquals("error: --out " + parts.get(0) + ": would replace or lie in part " + parts.get(0) + "; give a folder"
                + " apart from the parts; not merged\n", into.err());
        CliRun holding = merge(temp.resolve("parts"), parts);
        assertEquals(Main.BAD_INPUT, holding.status());
        assertTrue(holding.err().startsWith("error: --out " + temp.resolve("parts") + ": would replace or lie in part"),
                holding.err());
        assertEquals(before, tree(temp));
    }

    /** Runs shards 0 to n - 1 of the shortened loss-sweep into {@code temp/<folder>/<i>}. */
    private List<Path> shards(int n, String folder, String... options) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path part = temp.resolve(folder).resolve(Integer.toString(i));
            List<String> args = new ArrayList<>(List.of("run", lossSweep.toString(), "--out", part.toString(),
                    "--shard", i + "/" + n));
            args.addAll(List.of(options));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.status(), run.err());
            parts.add(part);
        }
        return parts;
    }

    private static CliRun merge(Path out, List<Path> parts) {
        List<String> args = new ArrayList<>(List.of("merge", "--out", out.toString()));
        parts.forEach(part -> args.add(part.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The model identity of {@code part}'s marker, by its first 12 hex digits as refusals print it. */
    private static String brief(Path part) throws IOException {
        return FolderMarker.Identity.brief(FolderMarker.readFrom(part).orElseThrow().run().orElseThrow().identity()
                .model());
    }

    /** Every entry under {@code folder}, each file with its SHA-256. */
    private static SortedMap<String, String> tree(Path folder) throws IOException {
        SortedMap<String, String> tree = new TreeMap<>();
        for (String entry : RunFolders.entries(folder)) {
            Path path = folder.resolve(entry);
            tree.put(entry, Files.isDirectory(path) ? "folder" : GoldenReportsTest.sha256(path));
        }
        return tree;
    }
}
