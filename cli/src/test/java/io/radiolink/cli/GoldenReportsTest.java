package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.EmbeddingExample;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example, run in full under its own seed, gives byte for byte the reports recorded under
 * {@code src/test/resources/golden/<example>/}: {@code report.json}, {@code summary.csv}, and {@code flows.csv}
 * (or, where it is larger than {@value #LARGEST_STORED_BYTES} bytes, its SHA-256 in {@code flows.csv.sha256}).
 *
 * <p>A change that moves a number updates the golden files in the same commit and says why; a
 * restructuring keeps them identical. To record them anew after such a change:
 * {@code mvn -pl cli -am test -Dtest=GoldenReportsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dradiolink.golden.update=true}, then review the diff before committing it.
 *
 * <p>The build's identity (version, commit), should a report ever carry it, is left out of the comparison:
 * see {@link #withoutBuildIdentity}.
 */
final class GoldenReportsTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final long LARGEST_STORED_BYTES = 1 << 20;
    private static final boolean UPDATE = Boolean.getBoolean("radiolink.golden.update");

    /** A pretty-printed {@code "code": { ... }} object, the build's identity inside report.json's provenance. */
    private static final Pattern BUILD_IDENTITY = Pattern.compile("(?m)^(\\s*)\"code\": \\{.*?^\\1}(,?)$",
            Pattern.DOTALL);

    @TempDir
    Path temp;

    static List<Path> examples() throws IOException {
        return Examples.all();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void run_example_byteIdenticalToGolden(Path example) throws IOException {
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("run", example.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, run.status(), run.err());
        String name = example.getFileName().toString().replaceFirst("\\.json$", "");
        Path golden = GOLDEN.resolve(name);
        if (UPDATE) {
            record(out, golden);
        }
        assertGolden(name, out);
    }

    /**
     * The library alone (radiolink-scenarios: the README's embedding example, which writes report.json,
     * summary.csv and flows.csv through the same runner and reporters) writes what the command writes.
     */
    @org.junit.jupiter.api.Test
    void embeddingExample_lossSweep_byteIdenticalToGolden() throws IOException, ScenarioException {
        Path out = Files.createDirectory(temp.resolve("embedded"));
        EmbeddingExample.example(Examples.FOLDER.resolve("loss-sweep.json"), out);
        assertGolden("loss-sweep", out);
    }

    /** report.json, summary.csv and flows.csv in {@code out} are the golden files of example {@code name}. */
    private static void assertGolden(String name, Path out) throws IOException {
        Path golden = GOLDEN.resolve(name);
        assertEquals(read(golden.resolve("report.json")), withoutBuildIdentity(read(out.resolve("report.json"))),
                name + "/report.json");
        assertEquals(read(golden.resolve("summary.csv")), read(out.resolve("summary.csv")), name + "/summary.csv");
        Path flows = out.resolve("flows.csv");
        if (Files.exists(golden.resolve("flows.csv"))) {
            assertEquals(read(golden.resolve("flows.csv")), read(flows), name + "/flows.csv");
        } else {
            assertTrue(Files.exists(golden.resolve("flows.csv.sha256")), name + ": no golden flows.csv");
            assertEquals(read(golden.resolve("flows.csv.sha256")).strip(), sha256(flows), name + "/flows.csv (SHA-256)");
        }
    }

    @org.junit.jupiter.api.Test
    void withoutBuildIdentity_leavesOutOnlyTheCodeObject() {
        String report = "{\n  \"provenance\": {\n    \"code\": {\n      \"version\": \"1\",\n"
                + "      \"commit\": \"abc\"\n    },\n    \"model\": \"m\"\n  },\n  \"x\": 1\n}\n";
        assertEquals("{\n  \"provenance\": {\n    \"code\": \"(left out)\",\n    \"model\": \"m\"\n  },\n"
                + "  \"x\": 1\n}\n", withoutBuildIdentity(report));
    }

    /** The report without the build's identity (version, commit), which changes with every build. */
    static String withoutBuildIdentity(String reportJson) {
        return BUILD_IDENTITY.matcher(reportJson).replaceAll("$1\"code\": \"(left out)\"$2");
    }

    private static void record(Path out, Path golden) throws IOException {
        Files.createDirectories(golden);
        Files.writeString(golden.resolve("report.json"), withoutBuildIdentity(read(out.resolve("report.json"))),
                StandardCharsets.UTF_8);
        Files.copy(out.resolve("summary.csv"), golden.resolve("summary.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path flows = out.resolve("flows.csv");
        Files.deleteIfExists(golden.resolve("flows.csv"));
        Files.deleteIfExists(golden.resolve("flows.csv.sha256"));
        if (Files.size(flows) <= LARGEST_STORED_BYTES) {
            Files.copy(flows, golden.resolve("flows.csv"));
        } else {
            Files.writeString(golden.resolve("flows.csv.sha256"), sha256(flows) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
