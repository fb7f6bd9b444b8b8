package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.report.RunReport;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gathering the units of part folders: 1, 3 and 7 shards in shuffled order give the single run's report byte
 * for byte; another identity, an invalid unit, a foreign file, a unit beyond the scenario and a duplicate with
 * other bytes are refused naming the files; missing units are listed; no part is changed.
 */
final class PartUnitsTest {

    /** Three sweep points of five replications each, ten simulated minutes. */
    private static final String SWEEP = Scenarios.withTop(Scenarios.MINIMAL.replace("3600", "600"),
            "\"replications\": 5, \"sweep\": {\"parameters\": [{\"path\": \"workload.backupArrivalsPerSecond\","
                    + " \"values\": [0.02, 0.05, 0.1]}]}");

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static ResolvedScenario scenario;
    private static UnitIdentity identity;
    private static Map<String, byte[]> single;
    private static final Map<Integer, List<Path>> SHARDS = new java.util.TreeMap<>();

    @BeforeAll
    static void runOnceAndInShards() throws Exception {
        scenario = ScenarioLoader.load(Files.writeString(shared.resolve("sweep.json"), SWEEP), OptionalLong.empty(),
                OptionalInt.empty());
        identity = UnitIdentity.of(ModelIdentity.of(scenario), CodeIdentity.current());
        single = PartFolders.reports(new ScenarioRunner(2, false, ScenarioRunner.Progress.NONE).run(scenario),
                shared.resolve("single"));
        for (int n : new int[] {1, 3, 7}) {
            SHARDS.put(n, PartFolders.shards(scenario, identity, n, shared.resolve("shards-" + n), 2).parts());
        }
    }

    private static PartUnits.Gathered gather(List<Path> parts) throws Exception {
        return PartUnits.gather(parts, identity, scenario.points().size(), scenario.replications());
    }

    private static PartException refusal(List<Path> parts) {
        return assertThrows(PartException.class, () -> gather(parts));
    }

    @Test
    void gather_oneThreeOrSevenShardsInShuffledOrder_theSingleRunsReportsByteForByte() throws Exception {
        Random permutation = new Random(1407L);
        for (Map.Entry<Integer, List<Path>> shards : SHARDS.entrySet()) {
            List<Path> parts = new ArrayList<>(shards.getValue());
            Collections.shuffle(parts, permutation);
            Map<String, Map<String, String>> before = trees(parts);
            PartUnits.Gathered gathered = gather(parts);
            assertTrue(gathered.missing().isEmpty(), gathered.missing().message());
            assertEquals(15, gathered.units().size());
            RunReport merged = ScenarioRunner.merge(scenario, gathered.units(), false);
            Map<String, byte[]> reports = PartFolders.reports(merged, temp.resolve("merged-" + shards.getKey()));
            assertEquals(single.keySet(), reports.keySet());
            for (String file : single.keySet()) {
                assertArrayEquals(single.get(file), reports.get(file), file + " of " + shards.getKey() + " shards, "
                        + parts);
            }
            assertEquals(before, trees(parts), "no part changed");
        }
    }

    @Test
    void gather_unitsInSlotOrder_whateverThePartsOrder() throws Exception {
        List<Path> parts = new ArrayList<>(SHARDS.get(7));
        Collections.reverse(parts);
        List<UnitResult> units = gather(parts).units();
        for (int slot = 0; slot < units.size(); slot++) {
            assertEquals(slot / 5, units.get(slot).point());
            assertEquals(slot % 5, units.get(slot).replication());
        }
    }

    @Test
    void gather_aUnitInTwoPartsWithTheSameBytes_takenOnce() throws Exception {
        List<Path> parts = new ArrayList<>(SHARDS.get(3));
        parts.addAll(SHARDS.get(7));
        parts.add(SHARDS.get(1).get(0));
        PartUnits.Gathered gathered = gather(parts);
        assertEquals(15, gathered.units().size());
        assertArrayEquals(single.get("report.json"), PartFolders.reports(ScenarioRunner.merge(scenario,
                gathered.units(), false), temp.resolve("merged")).get("report.json"));
    }

    @Test
    void gather_shardsLeftOut_theirUnitsMissingAsRanges() throws Exception {
        List<Path> three = SHARDS.get(3);
        PartUnits.Gathered gathered = gather(List.of(three.get(2), three.get(0)));
        // Shard 1 of 3 holds the positions 1, 4, 7, 10, 13 of the 15 units: (0,1), (0,4), (1,2), (2,0), (2,3).
        assertEquals("missing 5 units: point 0 replication 1, point 0 replication 4, point 1 replication 2,"
                + " point 2 replication 0, point 2 replication 3", gathered.missing().message());
        assertEquals(10, gathered.units().size());
        assertEquals("missing 15 units: point 0 replications 0..4, point 1 replications 0..4, point 2 replications 0..4",
                gather(List.of()).missing().message());
    }

    @Test
    void gather_aPartOfAnotherModel_refusedNamingThePartAndFile() throws Exception {
        ResolvedScenario seed2 = ScenarioLoader.load(shared.resolve("sweep.json"), OptionalLong.of(2), OptionalInt.empty());
        UnitIdentity other = UnitIdentity.of(ModelIdentity.of(seed2), CodeIdentity.current());
        Path part = Files.createDirectories(temp.resolve("seed-2"));
        UnitStore.in(part, other).write(PartFolders.run(seed2, 1, 3), 5);
        Map<String, String> before = PartFolders.tree(part);
        List<Path> parts = new ArrayList<>(SHARDS.get(3));
        parts.add(part);
        PartException e = refusal(parts);
        assertEquals(PartException.Kind.OTHER_IDENTITY, e.kind());
        assertEquals("part " + part + ": units/p1/r3.unit is of model identity " + other.modelHex().substring(0, 12)
                + "…, not this run's " + identity.modelHex().substring(0, 12) + "…; not merged", e.getMessage());
        assertEquals(List.of(part.resolve("units/p1/r3.unit")), e.files());
        assertEquals(before, PartFolders.tree(part));
    }

    @Test
    void gather_otherCode_refused() throws Exception {
        byte[] classes = identity.classes();
        classes[0] ^= 1;
        Path part = Files.createDirectories(temp.resolve("other-code"));
        UnitStore.in(part, new UnitIdentity(identity.model(), classes)).write(PartFolders.run(scenario, 0, 0), 5);
        PartException e = refusal(List.of(part));
        assertEquals(PartException.Kind.OTHER_IDENTITY, e.kind());
        assertTrue(e.getMessage().startsWith("part " + part + ": units/p0/r0.unit was written by other code"),
                e.getMessage());
    }

    @Test
    void gather_aDuplicateWithOtherBytes_refusedNamingBothFiles() throws Exception {
        Path part = Files.createDirectories(temp.resolve("no-series"));
        UnitStore.in(part, identity).write(ScenarioRunner.runUnit(scenario.points().get(2), 4, scenario.engine(), false,
                0), 0);
        Path whole = SHARDS.get(1).get(0);
        PartException e = refusal(List.of(part, whole));
        assertEquals(PartException.Kind.DIFFERENT_DUPLICATE, e.kind());
        List<String> named = new ArrayList<>(List.of("part " + part + "'s units/p2/r4.unit",
                "part " + whole + "'s units/p2/r4.unit"));
        Collections.sort(named);
        assertEquals(named.get(0) + " and " + named.get(1) + " hold different bytes for point 2 replication 4;"
                + " not merged", e.getMessage());
        assertEquals(2, e.files().size());
        assertEquals(e.getMessage(), refusal(List.of(whole, part)).getMessage(), "the same line in either order");
    }

    @Test
    void gather_anInvalidUnit_refusedNamingTheFileAndTheProblem() throws Exception {
        Path part = copy(SHARDS.get(3).get(1), temp.resolve("cut"));
        Path unit = part.resolve("units/p0/r1.unit");
        byte[] bytes = Files.readAllBytes(unit);
        Files.write(unit, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        PartException e = refusal(List.of(SHARDS.get(3).get(0), part));
        assertEquals(PartException.Kind.INVALID_UNIT, e.kind());
        assertEquals(String.format(java.util.Locale.ROOT, "part %s: units/p0/r1.unit is cut short (%,d of %,d bytes);"
                + " not merged", part, bytes.length - 10, bytes.length), e.getMessage());
    }

    /** With --partial an invalid unit counts as missing and is listed; a unit of another identity still refuses. */
    @Test
    void gather_anInvalidUnitWhenPartial_missingAndListed() throws Exception {
        Path part = copy(SHARDS.get(3).get(1), temp.resolve("cutPartial"));
        Path unit = part.resolve("units/p0/r1.unit");
        byte[] bytes = Files.readAllBytes(unit);
        Files.write(unit, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        List<Path> parts = new ArrayList<>(SHARDS.get(3));
        parts.set(1, part);
        PartUnits.Gathered gathered = PartUnits.gather(parts, identity, scenario.points().size(),
                scenario.replications(), PartUnits.Invalid.MISSING);
        assertEquals("missing 1 unit: point 0 replication 1", gathered.missing().message());
        assertEquals(List.of(String.format(java.util.Locale.ROOT, "part %s: units/p0/r1.unit is cut short (%,d of %,d"
                + " bytes)", part, bytes.length - 10, bytes.length)), gathered.invalid());
        assertEquals(gathered.units().size(), gathered.files().size());
        assertTrue(gathered.files().stream().noneMatch(file -> file.equals(unit)));
    }

    @Test
    void gather_aForeignFile_refused() throws Exception {
        Path part = copy(SHARDS.get(3).get(2), temp.resolve("notes"));
        Files.writeString(part.resolve("units/notes.txt"), "mine");
        PartException foreign = refusal(List.of(part));
        assertEquals(PartException.Kind.FOREIGN_FILE, foreign.kind());
        assertEquals("part " + part + "'s units/notes.txt is not a file radiolink writes; not merged",
                foreign.getMessage());
        assertTrue(Files.exists(part.resolve("units/notes.txt")));
        PartException notAFolder = refusal(List.of(temp.resolve("absent")));
        assertEquals(PartException.Kind.NOT_A_FOLDER, notAFolder.kind());
        assertEquals("part " + temp.resolve("absent") + " is not a folder", notAFolder.getMessage());
    }

    /** A part resumed with fewer replications keeps its later units: left out, as run leaves them, and listed. */
    @Test
    void gather_unitsBeyondTheScenario_leftOutAndListed() throws Exception {
        PartUnits.Gathered gathered = PartUnits.gather(SHARDS.get(1), identity, 3, 4);
        assertEquals(12, gathered.units().size());
        assertTrue(gathered.missing().isEmpty());
        assertEquals(3, gathered.beyond().size());
        assertEquals("part " + SHARDS.get(1).get(0) + "'s units/p0/r4.unit", gathered.beyond().get(0));
    }

    @Test
    void gather_aLeftoverOfAnInterruptedWrite_passedOverItsUnitMissing() throws Exception {
        Path part = copy(SHARDS.get(1).get(0), temp.resolve("leftover"));
        Path unit = part.resolve("units/p1/r2.unit");
        Files.move(unit, unit.resolveSibling(".r2.unit.tmp"));
        PartUnits.Gathered gathered = gather(List.of(part));
        assertEquals("missing 1 unit: point 1 replication 2", gathered.missing().message());
    }

    @Test
    void gather_aPartNamedByALinkToItsFolder_followed() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("latest"), SHARDS.get(1).get(0));
        assertTrue(gather(List.of(link)).missing().isEmpty());
    }

    private static Map<String, Map<String, String>> trees(List<Path> parts) throws IOException {
        Map<String, Map<String, String>> trees = new java.util.TreeMap<>();
        for (Path part : parts) {
            trees.put(part.toString(), PartFolders.tree(part));
        }
        return trees;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path entry : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
            }
        }
        return to;
    }
}
