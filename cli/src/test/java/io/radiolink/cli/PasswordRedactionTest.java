package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.scenario.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripted passwords never appear in what the command writes or prints (every output file, stdout, stderr,
 * error messages, --debug traces), whether written in flows or swept; report.json shows the marker in their
 * place and states the file's SHA-256.
 */
final class PasswordRedactionTest {

    /** Every password of the scenarios below contains this; nothing the command writes may. */
    private static final String SECRET = "s3cret";

    private static final String SCENARIO = """
            // Passwords scripted and swept, under SIM-keyed challenge-response.
            {
              "name": "secrets",
              "seed": 5,
              "replications": 2,
              "runLengthSeconds": 300,
              "profile": "LTE",
              "protocol": { "auth": { "scheme": "SIM_KEYED", "maxFailedAttempts": 2, "lockoutSeconds": 60 } },
              "stations": [ { "id": "bs-1", "channels": 2, "storageCapacityBytes": 10000000 } ],
              "flows": [
                { "atSeconds": 0, "kind": "BACKUP", "station": "bs-1", "phoneNumber": "0101", "sizeBytes": 20000,
                  "recordCount": 10, "password": "Pw-s3cret-42" },
                { "atSeconds": 60, "kind": "DOWNLOAD", "station": "bs-1", "phoneNumber": "0202", "storedNumber": "0101",
                  "password": "Pw-s3cret-42" },
                { "atSeconds": 120, "kind": "BACKUP", "station": "bs-1", "phoneNumber": "0303", "sizeBytes": 1000 }
              ],
              "sweep": { "parameters": [
                { "path": "flows[1].password", "values": ["Pw-s3cret-42", "Guess-s3cret-43"] },
                { "path": "flows[2]", "values": [
                  { "atSeconds": 120, "kind": "BACKUP", "station": "bs-1", "phoneNumber": "0303", "sizeBytes": 1000,
                    "password": "Other-s3cret-44" },
                  { "atSeconds": 120, "kind": "BACKUP", "station": "bs-1", "phoneNumber": "0303", "sizeBytes": 1000 } ] }
              ] }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void run_scriptedAndSweptPasswords_appearInNoOutput() throws IOException {
        Path file = Files.writeString(temp.resolve("secrets.json"), SCENARIO, StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains(SECRET) || run.err().contains(SECRET), run.out() + run.err());
        List<Path> files;
        // Every file, the units and scenario.json included.
        try (Stream<Path> listed = Files.walk(out)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 5, files.toString());
        for (Path written : files) {
            String bytes = new String(Files.readAllBytes(written), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(SECRET), written + " holds a password");
        }

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(GoldenReportsTest.sha256(file), report.at("/provenance/model/scenarioSha256").asText());
        JsonNode flows = report.at("/scenario/flows");
        assertEquals(Redaction.MARKER, flows.get(0).get("password").asText());
        assertEquals(Redaction.MARKER, flows.get(1).get("password").asText());
        assertFalse(flows.get(2).has("password"), "no password entered stays left out");
        List<String> swept = new ArrayList<>();
        report.at("/scenario/sweep/parameters/0/values").forEach(v -> swept.add(v.asText()));
        assertEquals(List.of(Redaction.MARKER, Redaction.MARKER), swept);
        assertEquals(Redaction.MARKER, report.at("/scenario/sweep/parameters/1/values/0/password").asText());
        JsonNode points = report.get("points");
        assertEquals(4, points.size());
        for (JsonNode point : points) {
            assertEquals(Redaction.MARKER, point.get("values").get("flows[1].password").asText());
        }
        assertEquals(Redaction.MARKER, points.get(0).get("values").get("flows[2]").get("password").asText());
        // The runs used the real passwords: the right one restores, the guess is rejected.
        assertEquals(2, points.get(0).at("/metrics/download/outcomes/SUCCESS").asInt());
        assertEquals(2, points.get(2).at("/metrics/download/outcomes/AUTH_REJECTED").asInt());
        assertTrue(Files.readString(out.resolve("summary.csv")).contains(Redaction.MARKER));
    }

    @Test
    void validate_sweepPointError_namesTheSweptPasswordRedacted() throws IOException {
        // Warm-up 100 s is fine for a run of 300 s, not for one of 50 s: the error is the combination's.
        String scenario = SCENARIO.replace("\"runLengthSeconds\": 300,", "\"runLengthSeconds\": 300, \"warmupSeconds\": 100,")
                .replace("{ \"path\": \"flows[2]\"", "{ \"path\": \"runLengthSeconds\", \"values\": [300, 50] },"
                        + " { \"path\": \"flows[2]\"");
        Path file = Files.writeString(temp.resolve("combination.json"), scenario, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("--debug", "validate", file.toString());
        assertEquals(Main.BAD_INPUT, run.status(), run.out() + run.err());
        assertTrue(run.err().contains("flows[1].password = \"" + Redaction.MARKER + "\""), run.err());
        assertFalse(run.err().contains(SECRET), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"987654321", "Pw-s3cret-42", "'Pw-s3cret-42'", "\"Pw-s3cret-42", "98765s3cret"})
    void validate_malformedPassword_errorQuotesNoValue(String written) throws IOException {
        String scenario = SCENARIO.replaceFirst("\"password\": \"Pw-s3cret-42\"", "\"password\": " + written);
        Path file = Files.writeString(temp.resolve("bad.json"), scenario, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("--debug", "validate", file.toString());
        assertEquals(Main.BAD_INPUT, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: " + file + ":"), run.err());
        assertFalse(run.err().contains("98765") || run.err().contains(SECRET), run.err());
    }
}
