package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The radiolink command end to end, in-process: exit statuses, outputs, errors, progress. */
final class CliTest {

    @TempDir
    Path temp;

    static List<Path> examples() throws IOException {
        return Examples.all();
    }

    @Test
    void examples_atLeastFive() throws IOException {
        assertTrue(Examples.all().size() >= 5, Examples.all().toString());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void validate_example_ok(Path example) {
        CliRun run = CliRun.of("validate", example.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("ok: " + example), run.out());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void run_shortenedExample_writesEveryReport(Path example) throws IOException {
        Path scenario = Examples.shortened(example, temp, 1_800, 2);
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, run.status(), run.err());
        for (String file : List.of("report.json", "summary.csv", "replications.csv", "flows.csv", "run-info.json",
                "completion-cdf.png", "outcomes.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertTrue(run.out().contains("reports in " + out), run.out());
        assertEquals("", run.err(), "no progress bar without a terminal");
        try (Stream<Path> hidden = Files.list(temp)) {
            assertEquals(List.of(".out" + OutputFolder.LOCK_SUFFIX), hidden.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".")).toList(), "no run folder left, only the lock file");
        }
    }

    @Test
    void run_oneOrTwoThreads_byteIdenticalReport() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("lossy-bursty-link.json"), temp, 1_200, 3);
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", one.toString(), "--threads", "1").status());
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", two.toString(), "--threads", "2").status());
        for (String file : List.of("report.json", "summary.csv", "replications.csv", "flows.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-backup-restore.json", "lossy-bursty-link.json"})
    void run_dsolEngine_sameReportsAsTheDefaultLeanEngineButTheEngineField(String example) throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve(example), temp, 1_200, 2);
        Path dsolScenario = Examples.withEngine(scenario, temp.resolve("dsol-scenario"), "dsol");
        Path lean = temp.resolve("lean");
        Path dsol = temp.resolve("dsol");
        CliRun leanRun = CliRun.of("run", scenario.toString(), "--out", lean.toString(), "--threads", "2");
        assertEquals(0, leanRun.status(), leanRun.err());
        CliRun dsolRun = CliRun.of("run", dsolScenario.toString(), "--out", dsol.toString(), "--threads", "2");
        assertEquals(0, dsolRun.status(), dsolRun.err());

        String leanReport = Files.readString(lean.resolve("report.json"));
        String dsolReport = Files.readString(dsol.resolve("report.json"));
        assertEquals("lean", new ObjectMapper().readTree(leanReport).at("/scenario/engine").asText());
        assertEquals("dsol", new ObjectMapper().readTree(dsolReport).at("/scenario/engine").asText());
        String dsolField = "\"engine\": \"dsol\"";
        assertEquals(2, dsolReport.split(dsolField, -1).length - 1, "the scenario's and the provenance's engine in "
                + dsolReport);
        assertEquals("dsol", new ObjectMapper().readTree(dsolReport).at("/provenance/model/engine").asText());
        // The two files differ in that field, so do their digests; the engine is part of the model identity.
        String leanDigest = "\"scenarioSha256\": \"" + GoldenReportsTest.sha256(scenario) + "\"";
        String dsolDigest = "\"scenarioSha256\": \"" + GoldenReportsTest.sha256(dsolScenario) + "\"";
        assertTrue(leanReport.contains(leanDigest) && dsolReport.contains(dsolDigest), dsolReport);
        String leanIdentity = new ObjectMapper().readTree(leanReport).at("/provenance/model/identity").asText();
        String dsolIdentity = new ObjectMapper().readTree(dsolReport).at("/provenance/model/identity").asText();
        assertNotEquals(leanIdentity, dsolIdentity);
        assertEquals(leanReport, dsolReport.replace(dsolField, "\"engine\": \"lean\"").replace(dsolDigest, leanDigest)
                .replace(dsolIdentity, leanIdentity));
        for (String file : List.of("summary.csv", "replications.csv", "flows.csv")) {
            assertArrayEquals(Files.readAllBytes(lean.resolve(file)), Files.readAllBytes(dsol.resolve(file)), file);
        }
    }

    @Test
    void run_noReplicationsCsv_writesEveryOtherReportAsWithout() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("single-backup-restore.json"), temp, 600, 2);
        Path with = temp.resolve("with");
        Path without = temp.resolve("without");
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", with.toString(), "--quiet").status());
        CliRun run = CliRun.of("run", scenario.toString(), "--out", without.toString(), "--quiet",
                "--no-replications-csv");
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(with.resolve("replications.csv")));
        assertFalse(Files.exists(without.resolve("replications.csv")));
        for (String file : List.of("report.json", "summary.csv", "flows.csv")) {
            assertArrayEquals(Files.readAllBytes(with.resolve(file)), Files.readAllBytes(without.resolve(file)), file);
        }
    }

    @Test
    void run_sweep_oneResultPerPoint() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("loss-sweep.json"), temp, 600, 2);
        Path out = temp.resolve("sweep");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(6, report.get("points").size());
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("sweep-")), "sweep plots");
        }
    }

    @Test
    void run_seedAndReplicationOverrides_appearInTheReport() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("single-backup-restore.json"), temp, 1_200, 2);
        Path out = temp.resolve("o");
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", out.toString(), "--seed", "99",
                "--replications", "3").status());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(99, report.at("/provenance/model/seed").asLong());
        assertEquals(99, report.at("/scenario/seed").asLong());
        assertEquals(3, report.get("replications").asInt());
    }

    @Test
    void progress_forced_showsOnStderr_quietSilences_ciKeepsItOff() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("single-backup-restore.json"), temp, 1_200, 2);
        CliRun forced = CliRun.of("run", scenario.toString(), "--out", temp.resolve("a").toString(), "--progress");
        assertTrue(forced.err().contains("replications") && forced.err().contains("2/2"), forced.err());
        CliRun quiet = CliRun.of("run", scenario.toString(), "--out", temp.resolve("b").toString(), "--progress",
                "--quiet");
        assertEquals("", quiet.err());
        System.setProperty("radiolink.stderr.tty", "true");
        try {
            CliRun ci = CliRun.withEnvironment(Map.of("CI", "true"), "run", scenario.toString(), "--out",
                    temp.resolve("c").toString());
            assertEquals("", ci.err());
        } finally {
            System.clearProperty("radiolink.stderr.tty");
        }
    }

    @Test
    void help_everyLevel_exitsZero() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"validate", "--help"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.status(), String.join(" ", args));
            assertTrue(run.out().contains("Usage:"), run.out());
        }
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("radiolink "), version.out());
    }

    @Test
    void badOption_exitTwoWithOneLine() {
        CliRun threads = CliRun.of("run", "examples/loss-sweep.json", "--threads", "0");
        assertEquals(2, threads.status());
        assertEquals("error: --threads: must be >= 1, was 0\n", threads.err());
        CliRun unknown = CliRun.of("run", "examples/loss-sweep.json", "--thread", "2");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("error: Unknown option") && unknown.err().contains("'--thread'"), unknown.err());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
    }

    @Test
    void run_badSeriesBin_exitTwoWithOneLineBeforeWriting() {
        Path out = temp.resolve("series");
        String sweep = Examples.FOLDER.resolve("loss-sweep.json").toString();
        CliRun negative = CliRun.of("run", sweep, "--out", out.toString(), "--series-bin", "-1");
        assertEquals(2, negative.status());
        assertEquals("error: --series-bin: must be in [0, 1e12], was -1.0; allowed: a number in [0, 1e12]\n",
                negative.err());
        CliRun tooMany = CliRun.of("run", sweep, "--out", out.toString(), "--series-bin", "1e-6");
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().startsWith("error: --series-bin: must give at most 100000 bins over runLengthSeconds"),
                tooMany.err());
        assertEquals(1, tooMany.err().lines().count(), tooMany.err());
        assertFalse(Files.exists(out));
    }

    /** The series is kept in the units, not in the reports (yet): any width gives the same report bytes. */
    @Test
    void run_seriesBinNoneOrGivenOrDefault_byteIdenticalReports() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("lossy-bursty-link.json"), temp, 1_200, 2);
        Path byDefault = temp.resolve("default");
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", byDefault.toString()).status());
        for (String width : List.of("0", "7.5")) {
            Path out = temp.resolve("width-" + width);
            CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--series-bin", width);
            assertEquals(0, run.status(), run.err());
            for (String file : List.of("report.json", "summary.csv", "flows.csv")) {
                assertArrayEquals(Files.readAllBytes(byDefault.resolve(file)), Files.readAllBytes(out.resolve(file)),
                        file + " with --series-bin " + width);
            }
        }
    }

    @Test
    void run_outageExample_volatileStorageLosesCopiesAndRestoresFail() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("station-outage.json"), temp, 9_000, 2);
        Path out = temp.resolve("outage");
        assertEquals(0, CliRun.of("run", scenario.toString(), "--out", out.toString()).status());
        JsonNode points = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("points");
        JsonNode persistent = points.get(0).get("metrics");
        JsonNode lossy = points.get(1).get("metrics");
        assertTrue(persistent.get("cells").get("outages").asLong() > 0, "the scheduled outage at 7,200 s at least");
        assertTrue(persistent.get("backup").get("outcomes").get("STATION_DOWN").asLong() > 0);
        assertEquals(0, persistent.get("storage").get("copiesLost").asLong());
        assertTrue(lossy.get("storage").get("copiesLost").asLong() > 0);
        assertTrue(lossy.get("download").get("outcomes").get("NO_BACKUP").asLong()
                > persistent.get("download").get("outcomes").get("NO_BACKUP").asLong(),
                "restores after an outage find nothing in a volatile store");
    }

    @Test
    void run_lockoutExample_lockOutsCountedOnlyWhenSwitchedOn() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("lockout.json"), temp, 3_600, 2);
        Path out = temp.resolve("lockout");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("attempts/success"), "no resume columns without chunks or resume: " + run.out());
        JsonNode points = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("points");
        JsonNode off = points.get(0).get("metrics").get("authentication");
        JsonNode on = points.get(1).get("metrics").get("authentication");
        assertEquals(0, off.get("lockouts").asLong());
        assertEquals(0, off.get("rejectionsWhileLocked").asLong());
        assertTrue(off.get("rejections").asLong() > 0);
        assertTrue(on.get("lockouts").asLong() > 0, on.toString());
        assertTrue(on.get("rejectionsWhileLocked").asLong() > 0, on.toString());
    }

    @Test
    void run_resumeExample_resumingFromTheOffsetSendsFewerBytesInVain() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("resume.json"), temp, 1_200, 2);
        Path out = temp.resolve("resume");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode points = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("points");
        assertFalse(points.get(0).get("values").get("protocol.resume.fromOffset").asBoolean());
        for (String kind : List.of("backup", "download")) {
            JsonNode restart = points.get(0).get("metrics").get(kind);
            JsonNode resume = points.get(1).get("metrics").get(kind);
            assertTrue(restart.get("attemptsPerSuccess").get("mean").asDouble() > 1, restart.toString());
            assertTrue(restart.get("phaseSeconds").get("BACKOFF").get("mean").asDouble() > 0, restart.toString());
            assertTrue(resume.get("bytesInVainPerFlow").get("mean").asDouble()
                    < restart.get("bytesInVainPerFlow").get("mean").asDouble() / 2, kind + ": " + resume + " " + restart);
        }
        assertTrue(run.out().contains("attempts/success") && run.out().contains("in vain/flow"), run.out());
    }
}
