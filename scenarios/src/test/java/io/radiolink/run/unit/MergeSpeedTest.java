package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.report.RunReport;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging many units in-process (docs/runs.md, section 7): the units of {@code loss-sweep} with its replications
 * raised, written once into 10 shard folders, then gathered ({@link PartUnits#gather}: scan, read, check, decode),
 * merged ({@link ScenarioRunner#merge}) and reported (report.json, summary.csv, replications.csv, flows.csv; no
 * plots), timed as the median of 5 after 2 warm-ups.
 *
 * <p>The default build runs it at {@value #DEFAULT_UNITS} units, for correctness: the merged reports equal those
 * of the units merged from memory. With {@code -Dradiolink.speed=true} it runs at {@value #SPEED_UNITS} units and
 * asserts a median under 2 s. {@code -Dradiolink.merge.units=N} sets the size (rounded up to whole replications
 * of the 6 points); {@code -Dradiolink.merge.runLengthSeconds=S} the simulated length of each unit, by default
 * {@value #RUN_LENGTH_SECONDS} s instead of the file's 3,600 s, warm-up scaled alike, so that making 1,000 units
 * takes about a minute rather than ten on 2 loaded cores. A shorter run leaves a unit's size nearly as it is (its
 * series has about as many bins; its counts and histograms as many fields); only replication 0's flows, 6 units
 * of the 1,000, are fewer. Run with:
 * {@code mvn -B -o -pl scenarios -am test -Dtest=MergeSpeedTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dradiolink.speed=true}.
 */
final class MergeSpeedTest {

    private static final boolean SPEED = Boolean.getBoolean("radiolink.speed");
    private static final int DEFAULT_UNITS = 50;
    private static final int SPEED_UNITS = 1000;
    private static final double RUN_LENGTH_SECONDS = 360;
    private static final double LIMIT_SECONDS = 2;
    private static final int WARM_UPS = 2;
    private static final int TIMED = 5;
    private static final int SHARDS = 10;

    @TempDir
    static Path temp;

    private static ResolvedScenario scenario;
    private static UnitIdentity identity;
    private static PartFolders.Shards shards;
    private static double generationSeconds;

    @BeforeAll
    static void writeUnitsOnce() throws Exception {
        int units = Integer.getInteger("radiolink.merge.units", SPEED ? SPEED_UNITS : DEFAULT_UNITS);
        double runLength = Double.parseDouble(System.getProperty("radiolink.merge.runLengthSeconds",
                Double.toString(RUN_LENGTH_SECONDS)));
        String file = Files.readString(ExampleUnits.EXAMPLES.resolve("loss-sweep.json"));
        String shortened = file.replace("\"runLengthSeconds\": 3600", "\"runLengthSeconds\": " + runLength)
                .replace("\"warmupSeconds\": 300", "\"warmupSeconds\": " + runLength * 300 / 3600);
        Path scenarioFile = Files.writeString(temp.resolve("loss-sweep.json"), shortened);
        scenario = ScenarioLoader.load(scenarioFile, OptionalLong.empty(), OptionalInt.empty());
        int points = scenario.points().size();
        scenario = ScenarioLoader.load(scenarioFile, OptionalLong.empty(), OptionalInt.of(-Math.floorDiv(-units, points)));
        assertEquals(runLength, scenario.points().get(0).config().runLengthSeconds());
        identity = UnitIdentity.of(ModelIdentity.of(scenario), CodeIdentity.current());
        long start = System.nanoTime();
        shards = PartFolders.shards(scenario, identity, SHARDS, temp.resolve("parts"), 2);
        generationSeconds = (System.nanoTime() - start) / 1e9;
    }

    /**
     * Gathers, decodes, merges and reports every unit of the parts into {@code folder}, adding the nanoseconds of
     * the three steps to {@code nanos} (gather and decode, merge, reports).
     */
    private static Map<String, byte[]> mergeInto(Path folder, long[] nanos) throws Exception {
        long start = System.nanoTime();
        PartUnits.Gathered gathered = PartUnits.gather(shards.parts(), identity, scenario.points().size(),
                scenario.replications());
        long gatheredAt = System.nanoTime();
        RunReport report = ScenarioRunner.merge(scenario, gathered.units(), false);
        long mergedAt = System.nanoTime();
        Map<String, byte[]> files = PartFolders.reports(report, folder);
        long end = System.nanoTime();
        nanos[0] += gatheredAt - start;
        nanos[1] += mergedAt - gatheredAt;
        nanos[2] += end - mergedAt;
        assertTrue(gathered.missing().isEmpty(), gathered.missing().message());
        return files;
    }

    @Test
    void merge_unitsOfTenParts_theReportsOfTheUnitsMergedInMemoryAndWithinTwoSecondsWhenAsked() throws Exception {
        int units = scenario.points().size() * scenario.replications();
        RunReport inMemory = ScenarioRunner.merge(scenario, shards.units(), false);
        Map<String, byte[]> expected = PartFolders.reports(inMemory, temp.resolve("in-memory"));
        int rounds = SPEED ? WARM_UPS + TIMED : 1;
        double[] seconds = new double[rounds];
        long[][] steps = new long[rounds][3];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            Map<String, byte[]> merged = mergeInto(temp.resolve("merged-" + round), steps[round]);
            seconds[round] = (System.nanoTime() - start) / 1e9;
            assertEquals(expected.keySet(), merged.keySet());
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), merged.get(name), name);
            }
        }
        double[] timed = Arrays.copyOfRange(seconds, rounds - Math.min(rounds, TIMED), rounds);
        Arrays.sort(timed);
        double median = timed[timed.length / 2];
        List<String> all = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            all.add(String.format(Locale.ROOT, "%.3f (%.3f + %.3f + %.3f)", seconds[round], steps[round][0] / 1e9,
                    steps[round][1] / 1e9, steps[round][2] / 1e9));
        }
        long bytes = 0;
        for (Path part : shards.parts()) {
            try (var walk = Files.walk(part)) {
                bytes += walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
        System.out.printf(Locale.ROOT, "MergeSpeedTest: %d units (%d points x %d replications, %.0f s each) in %d parts,"
                + " %,d bytes, made in %.1f s; rounds in s (gather and decode + merge + reports): %s, median of the last %d"
                + " %.3f s%n", units, scenario.points().size(), scenario.replications(),
                scenario.points().get(0).config().runLengthSeconds(), SHARDS, bytes, generationSeconds, all,
                timed.length, median);
        if (SPEED) {
            assertTrue(units >= SPEED_UNITS, units + " units");
            assertTrue(median < LIMIT_SECONDS, String.format(Locale.ROOT, "median %.3f s for %d units", median, units));
        }
    }
}
