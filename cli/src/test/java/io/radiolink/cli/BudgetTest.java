package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runaway work is refused before it starts: beyond the budget, {@code validate} and {@code run} exit 2
 * with the estimate in one line, unless {@code --force}; within it, {@code validate} prints the estimate.
 */
final class BudgetTest {

    private static final String BASE = """
            {
              "runLengthSeconds": 600, "replications": 1,
              "stations": [ { "id": "bs", "channels": 4, "storageCapacityBytes": 10000000000 } ],
              "workload": { "subscribersPerStation": 100, "backupArrivalsPerSecond": 0.01,
                "userDataBytes": { "distribution": "fixed", "value": 10000 } }
            }
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1e9 replications | \"replications\": 1, | \"replications\": 1000000000, | | ",
        "1e6 stations of 1e6 subscribers | \"channels\": 4, | \"count\": 1000000, \"channels\": 4, | \"subscribersPerStation\": 100 | \"subscribersPerStation\": 1000000",
        "1e9 arrivals per second | \"backupArrivalsPerSecond\": 0.01 | \"backupArrivalsPerSecond\": 1e9 | | ",
        "outages every 1e-300 s | \"channels\": 4, | \"channels\": 4, \"outages\": {\"meanUpSeconds\": 1e-300, \"meanDownSeconds\": 1e-300}, | | ",
        "run length of 1e12 s | \"runLengthSeconds\": 600, | \"runLengthSeconds\": 1e12, | | "})
    void validateAndRun_runawayWork_exitTwoWithTheEstimateUnlessForced(String name, String find, String replace,
            String find2, String replace2) throws IOException {
        String json = BASE.replace(find, replace);
        if (find2 != null) {
            json = json.replace(find2, replace2);
        }
        Path file = Files.writeString(temp.resolve("s.json"), json);
        Path out = temp.resolve("out");

        CliRun validate = CliRun.of("validate", file.toString());
        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");
        CliRun forced = CliRun.of("validate", file.toString(), "--force");

        assertEquals(2, validate.status(), validate.err());
        assertTrue(validate.err().startsWith("error: " + file + ": beyond the budget: "), validate.err());
        assertTrue(validate.err().contains(" unit(s), about "), validate.err());
        assertTrue(validate.err().contains("or run it with --force"), validate.err());
        assertEquals(1, validate.err().lines().count(), validate.err());
        assertEquals(2, run.status(), run.err());
        assertEquals(validate.err(), run.err());
        assertFalse(Files.exists(out), "nothing run, nothing written");
        assertEquals(0, forced.status(), forced.err());
        assertTrue(forced.out().contains("estimated work: "), forced.out());
    }

    @Test
    void validateAndRun_moreUnitsThanOneRunHolds_exitTwoAtReplicationsEvenForced() throws IOException {
        String json = BASE.replace("\"replications\": 1,", "\"replications\": 1000000000,").replace("\"workload\"",
                "\"sweep\": { \"parameters\": [ { \"path\": \"stations[0].channels\", \"values\": [1, 2] } ] },\n"
                        + "  \"workload\"");
        Path file = Files.writeString(temp.resolve("s.json"), json);
        Path out = temp.resolve("out");

        CliRun validate = CliRun.of("validate", file.toString(), "--force");
        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet", "--force");

        assertEquals(2, validate.status(), validate.err());
        assertEquals("error: " + file + ":2:44: replications: 2 sweep points x 1000000000 replications = 2000000000 units;"
                + " allowed: at most 1073741824 units (sweep points x replications) in one run", validate.err().strip());
        assertEquals(2, run.status(), run.err());
        assertEquals(validate.err(), run.err());
        assertFalse(Files.exists(out), "nothing run, nothing written");
    }

    @Test
    void validate_withinTheBudget_printsTheEstimate() throws IOException {
        Path file = Files.writeString(temp.resolve("s.json"), BASE);

        CliRun validate = CliRun.of("validate", file.toString());

        assertEquals(0, validate.status(), validate.err());
        assertTrue(validate.out().matches("ok: .*; estimated work: 1 unit\\(s\\), about 6 flow\\(s\\) and \\d+ event\\(s\\)"
                + " per unit at most, \\d+ event\\(s\\) and \\d+ KiB of memory in all, about 0 s on \\d+ core\\(s\\)\\n"),
                validate.out());
    }

    /** The budget applies to what this invocation runs on the cores it has: more cores take more units in the same time. */
    @Test
    void check_sameWorkOnMoreCores_fitsWhereFewerDoNot() throws Exception {
        Path file = Files.writeString(temp.resolve("s.json"), BASE.replace("\"replications\": 1,", "\"replications\": 64,"));
        io.radiolink.scenario.ResolvedScenario scenario = io.radiolink.scenario.ScenarioLoader.load(file,
                java.util.OptionalLong.empty(), java.util.OptionalInt.empty());
        WorkEstimate work = WorkEstimate.of(scenario, 1, false);
        double oneCore = work.wallSeconds(1, Budget.EVENTS_PER_SECOND_PER_CORE);
        Budget budget = new Budget(oneCore / 4, 1, Long.MAX_VALUE);

        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(io.radiolink.scenario.ScenarioException.class,
                () -> budget.check(scenario, work)).getMessage().contains("on 1 core(s)"));
        new Budget(oneCore / 4, 8, Long.MAX_VALUE).check(scenario, work);
        assertEquals(oneCore / 8, work.wallSeconds(8, Budget.EVENTS_PER_SECOND_PER_CORE), oneCore * 1e-12);
    }
}
