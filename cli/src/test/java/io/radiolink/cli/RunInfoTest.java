package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.run.ScenarioRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-info.json: what differs between runs of the same units, in the fields REPORTS.md lists. */
final class RunInfoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORTS = Path.of("../scenarios/REPORTS.md");

    @TempDir
    Path temp;

    @Test
    void run_sweep_runInfoHoldsTheCommandLineMachineClockAndUnits() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("loss-sweep.json"), temp, 600, 2);
        Path out = temp.resolve("out");
        List<String> argv = List.of("run", scenario.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        Instant after = Instant.now();
        assertEquals(0, run.status(), run.err());
        String text = Files.readString(out.resolve(RunInfo.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"argv\": [\n") && text.endsWith("}\n") && !text.contains("\r"), text);
        JsonNode info = JSON.readTree(text);
        assertEquals(documentedKeys("| key | type | meaning |", 0), names(info), "the keys REPORTS.md lists, in order");

        List<String> written = new ArrayList<>();
        info.get("argv").forEach(arg -> written.add(arg.asText()));
        assertEquals(argv, written);
        assertFalse(info.get("host").asText().isBlank(), info.toString());
        assertEquals(System.getProperty("java.version"), info.get("javaVersion").asText());
        assertEquals(System.getProperty("java.vendor"), info.get("javaVendor").asText());
        assertEquals(System.getProperty("os.name"), info.get("osName").asText());
        assertEquals(System.getProperty("os.arch"), info.get("osArch").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), info.get("cores").asInt());
        assertEquals(2, info.get("threads").asInt());
        assertTrue(info.get("start").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                info.get("start").asText());
        Instant start = Instant.parse(info.get("start").asText());
        assertTrue(!start.isBefore(before) && !start.isAfter(after), start + " not within " + before + ".." + after);
        double wall = info.get("wallClockSeconds").asDouble();
        assertTrue(wall > 0 && wall <= Duration.between(before, after).toMillis() / 1000.0 + 0.001, "wall " + wall);

        // loss-sweep: 6 points, here 2 replications each.
        assertEquals(12, info.get("unitsRun").asInt());
        assertEquals(0, info.get("unitsReused").asInt());
        JsonNode points = info.get("points");
        assertEquals(6, points.size());
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            assertEquals(documentedKeys("| key | type | meaning |", 1), names(point), "a point's keys");
            assertEquals(i, point.get("index").asInt());
            assertEquals(2, point.get("unitsRun").asInt());
            double mean = point.get("meanUnitWallSeconds").asDouble();
            // Two units of a point on two threads run within the run's wall time.
            assertTrue(mean > 0 && mean <= wall, "point " + i + ": mean " + mean + " s in a run of " + wall + " s");
        }
    }

    @Test
    void unitTimes_reusedUnits_notCountedNorAveraged() {
        RunInfo.UnitTimes times = new RunInfo.UnitTimes(2);
        List<ScenarioRunner.UnitDone> told = new ArrayList<>();
        ScenarioRunner.Progress both = times.andThen(told::add);
        both.unitDone(new ScenarioRunner.UnitDone(1, 4, 0, 2_000_000_000L, 10, false));
        both.unitDone(new ScenarioRunner.UnitDone(2, 4, 0, 0, 20, true));
        both.unitDone(new ScenarioRunner.UnitDone(3, 4, 0, 1_000_000_000L, 30, false));
        both.unitDone(new ScenarioRunner.UnitDone(4, 4, 1, 0, 40, true));
        assertEquals(4, told.size(), "the next progress told of every unit");
        assertEquals(2, times.unitsRun());
        assertEquals(2, times.unitsRun(0));
        assertEquals(1.5, times.meanWallSeconds(0));
        assertEquals(0, times.unitsRun(1));
        JsonNode point = new RunInfo(List.of(), null, "17", "v", "Linux", "amd64", 2, 1, Instant.EPOCH,
                Duration.ofSeconds(3), 2, 0.5, times).toJson().get("points").get(1);
        assertTrue(point.get("meanUnitWallSeconds").isNull(), point.toString());
    }

    /**
     * The keys of the {@code index}-th table of the section on run-info.json in REPORTS.md (0: the file's own
     * object, 1: an element of {@code points}).
     */
    private static List<String> documentedKeys(String header, int index) throws IOException {
        String text = Files.readString(REPORTS, StandardCharsets.UTF_8);
        int start = text.indexOf("\n## `run-info.json`\n");
        assertTrue(start >= 0, "REPORTS.md has no section on run-info.json");
        int end = text.indexOf("\n## ", start + 1);
        List<String> lines = text.substring(start, end < 0 ? text.length() : end).lines().toList();
        int table = -1;
        for (int i = 0, seen = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(header) && seen++ == index) {
                table = i;
                break;
            }
        }
        assertTrue(table >= 0, "REPORTS.md, run-info.json: no table " + index);
        List<String> keys = new ArrayList<>();
        Pattern key = Pattern.compile("^\\| `([A-Za-z]+)` \\|");
        for (int i = table + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher matcher = key.matcher(lines.get(i));
            assertTrue(matcher.find(), lines.get(i));
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
