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
 * Inputs that {@code validate} once accepted and {@code run} then failed on with exit 1: each is now
 * either refused by both with exit 2 and one located line naming the field, or run with exit 0.
 */
final class AcceptedRunsTest {

    /** A small valid scenario; {@code %s} takes extra top-level fields, {@code %w} extra workload fields. */
    private static final String BASE = """
            {
              "runLengthSeconds": 120, "replications": 1, %s
              "stations": [ { "id": "bs", "channels": 4, "storageCapacityBytes": 100000000000000000 } ],
              "workload": { "subscribersPerStation": 100, "backupArrivalsPerSecond": 0.05,
                "userDataBytes": { "distribution": "fixed", "value": 10000 } }
            }
            """;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2e9 subscribers | \"subscribersPerStation\": 100, | \"subscribersPerStation\": 2000000000, | workload.subscribersPerStation",
        "fixed size of 1e15 bytes | \"value\": 10000 | \"value\": 1e15 | workload.userDataBytes",
        "log-normal sigma of 50 | \"distribution\": \"fixed\", \"value\": 10000 | \"distribution\": \"logNormal\", \"mu\": 10, \"sigma\": 50 | workload.userDataBytes",
        "rate of 1e-320 bit/s | %s | \"airInterface\": {\"uplink\": {\"rateBitsPerSecond\": 1e-320}}, | airInterface.uplink.rateBitsPerSecond",
        "slot of 1e-320 s | %s | \"airInterface\": {\"randomAccess\": {\"slotSeconds\": 1e-320}}, | airInterface.randomAccess.slotSeconds",
        "2e9 preambles | %s | \"airInterface\": {\"randomAccess\": {\"preambles\": 2000000000}}, | airInterface.randomAccess.preambles",
        "frames longer than an int | %s | \"airInterface\": {\"uplink\": {\"frameHeaderBytes\": 2000000000}}, | airInterface.uplink.frameHeaderBytes",
        "back-off cap of 1e300 s | %s | \"protocol\": {\"resume\": {\"attempts\": 5, \"maxBackoffSeconds\": 1e300}}, | protocol.resume.maxBackoffSeconds",
        "chunks beyond one transfer | %s | \"protocol\": {\"chunks\": {\"chunkBytes\": 1000000000000000000}}, | protocol.chunks.chunkBytes",
        "scripted backup of 1e15 bytes | %s | \"flows\": [{\"atSeconds\": 0, \"kind\": \"BACKUP\", \"station\": \"bs\", \"phoneNumber\": \"1\", \"sizeBytes\": 1000000000000000}], | flows[0].sizeBytes",
        "name with an unpaired surrogate | %s | \"name\": \"a\\ud800b\", | name",
        "description with an unpaired surrogate | %s | \"description\": \"\\udc00\", | description",
        "station id with a NUL | \"id\": \"bs\" | \"id\": \"b\\u0000s\" | stations[0].id"})
    void validateAndRun_inputThatRunFailedOn_exitTwoOneLocatedLine(String name, String find, String replace,
            String field) throws IOException {
        Path file = write(BASE.replace(find, replace).replace("%s", ""));
        Path out = temp.resolve("out");

        CliRun validate = CliRun.of("validate", file.toString());
        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");

        assertEquals(2, validate.status(), validate.err());
        assertTrue(validate.err().startsWith("error: " + file + ":1:") || validate.err().matches(
                "(?s)error: " + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: .*"), validate.err());
        assertTrue(validate.err().contains(field + ": "), validate.err());
        assertEquals(1, validate.err().lines().count(), validate.err());
        assertEquals(2, run.status(), run.err());
        assertEquals(validate.err(), run.err());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1001 stations with a workload | \"id\": \"bs\" | \"id\": \"bs\", \"count\": 1001",
        "a swept number beyond a double (1e400: infinite) | %s | \"sweep\": {\"parameters\": [{\"path\": \"airInterface.meanTimeToFailureSeconds\", \"values\": [1e400, 5000]}]},",
        "back-off multiplier of 1e308 | %s | \"protocol\": {\"resume\": {\"attempts\": 5, \"backoffMultiplier\": 1e308}}, \"airInterface\": {\"meanTimeToFailureSeconds\": 1},",
        "station id of 300 characters | \"id\": \"bs\" | \"id\": \"" + "bsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbs"
                + "bsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbs"
                + "bsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbsbs\""})
    void run_inputThatRunFailedOn_runs(String name, String find, String replace) throws IOException {
        Path file = write(BASE.replace(find, replace).replace("%s", ""));
        Path out = temp.resolve("out");

        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");

        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(out.resolve("report.json")));
    }

    /** Past the first 1,000 stations a subscriber's number has 6 digits of station index, so every number stays distinct. */
    @Test
    void run_moreThanAThousandStations_numbersSubscribersWithSixDigitsOfStation() throws IOException {
        Path file = write(BASE.replace("\"id\": \"bs\"", "\"id\": \"bs\", \"count\": 1001").replace("%s", ""));
        Path out = temp.resolve("out");

        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--quiet");

        assertEquals(0, run.status(), run.err());
        String flows = Files.readString(out.resolve("flows.csv"));
        assertTrue(flows.lines().filter(row -> row.contains(",bs-1001,"))
                .allMatch(row -> row.split(",")[4].matches("001000\\d{9}")), "numbers of bs-1001");
        assertTrue(flows.lines().filter(row -> row.contains(",bs-1,"))
                .allMatch(row -> row.split(",")[4].matches("000\\d{9}")), "numbers of bs-1");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(temp.resolve("s.json"), json);
    }
}
