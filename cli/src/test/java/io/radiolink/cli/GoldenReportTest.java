package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GoldenReport}: a report with {@code provenance.code} left out, and the script's rule the same. */
final class GoldenReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AWK_PROGRAM = Path.of("../scripts/without-provenance-code.awk");

    @TempDir
    Path temp;

    private Path reportFile;
    private String report;

    @BeforeEach
    void run() throws IOException {
        Path scenario = Examples.shortened(Examples.FOLDER.resolve("single-backup-restore.json"), temp, 600, 2);
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, run.status(), run.err());
        reportFile = out.resolve("report.json");
        report = Files.readString(reportFile, StandardCharsets.UTF_8);
    }

    @Test
    void withoutCode_report_replacesTheCodeObjectAndKeepsEveryOtherLine() throws IOException {
        String golden = GoldenReport.withoutCode(report);
        JsonNode original = JSON.readTree(report);
        JsonNode left = JSON.readTree(golden);
        assertEquals(GoldenReport.LEFT_OUT, left.at("/provenance/code").asText());
        ((ObjectNode) original.get("provenance")).put("code", GoldenReport.LEFT_OUT);
        assertEquals(original, left, "the same tree but for provenance.code");
        List<String> before = report.lines().toList();
        List<String> after = golden.lines().toList();
        int code = before.indexOf("    \"code\": {");
        int removed = before.size() - after.size() + 1;
        assertEquals(before.subList(0, code), after.subList(0, code), "every line before the code object");
        assertEquals(before.subList(code + removed, before.size()), after.subList(code + 1, after.size()),
                "every line after it");
        assertTrue(golden.endsWith("}\n"), "the final line feed kept");
        assertTrue(!golden.contains(JSON.readTree(report).at("/provenance/code/classesSha256").asText()),
                "no classes hash left");
    }

    @Test
    void withoutCode_noProvenanceCode_refused() {
        assertThrows(IllegalArgumentException.class, () -> GoldenReport.withoutCode("{\n  \"schema\": \"x\"\n}\n"));
        assertThrows(IllegalArgumentException.class,
                () -> GoldenReport.withoutCode(GoldenReport.withoutCode(report)), "a report whose code is left out");
    }

    /** scripts/same-numbers-on-jvm.sh leaves the code out with this awk program: the same bytes. */
    @Test
    void awkProgram_report_sameAsWithoutCode() throws IOException, InterruptedException {
        Path result = temp.resolve("awk.json");
        Process awk = new ProcessBuilder("awk", "-f", AWK_PROGRAM.toString(), reportFile.toString())
                .redirectOutput(result.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(awk.waitFor(60, TimeUnit.SECONDS), "awk ended");
        assertEquals(0, awk.exitValue());
        assertEquals(GoldenReport.withoutCode(report), Files.readString(result, StandardCharsets.UTF_8));
    }

    @Test
    void awkProgram_noProvenanceCode_exitsThree() throws IOException, InterruptedException {
        Path file = Files.writeString(temp.resolve("plain.json"), "{\n  \"schema\": \"x\"\n}\n");
        Process awk = new ProcessBuilder("awk", "-f", AWK_PROGRAM.toString(), file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(awk.waitFor(60, TimeUnit.SECONDS), "awk ended");
        assertEquals(3, awk.exitValue());
    }
}
