package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.ReplicationsAgreement;
import io.radiolink.report.ReplicationsCsvReporter;
import io.radiolink.report.SummaryCsvReporter;
import io.radiolink.run.EmbeddingExample;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example, run in full under its own seed, gives byte for byte the reports recorded under
 * {@code src/test/resources/golden/<example>/}: {@code report.json}, {@code summary.csv}, {@code replications.csv}
 * and {@code flows.csv} (each of the last two, where it is larger than {@value #LARGEST_STORED_BYTES} bytes, as its
 * SHA-256 in {@code <file>.sha256}); and each example's summary.csv is made of its replications.csv.
 *
 * <p>A change that moves a number updates the golden files in the same commit and says why; a
 * restructuring keeps them identical. To record them anew after such a change:
 * {@code mvn -pl cli -am test -Dtest=GoldenReportsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dradiolink.golden.update=true}, then review the diff before committing it.
 *
 * <p>report.json's {@code provenance.code} (version, commit, dirty flag, classes hash), which names the build
 * and changes with every commit, is left out of the golden files and of the comparison ({@link GoldenReport});
 * every other byte is compared.
 */
final class GoldenReportsTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final long LARGEST_STORED_BYTES = 1 << 20;

    /** The reports of a row per replication or flow, stored whole or, when large, as their SHA-256. */
    private static final List<String> STORED_BY_SIZE = List.of(ReplicationsCsvReporter.FILE_NAME,
            FlowsCsvReporter.FILE_NAME);
    private static final boolean UPDATE = Boolean.getBoolean("radiolink.golden.update");

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
        assertGolden(name, out, STORED_BY_SIZE);
        assertTrue(ReplicationsAgreement.assertAgree(out) > 0, name + ": no row of summary.csv checked");
    }

    /**
     * The library alone (radiolink-scenarios: the README's embedding example, which writes report.json,
     * summary.csv and flows.csv through the same runner and reporters) writes what the command writes.
     */
    @org.junit.jupiter.api.Test
    void embeddingExample_lossSweep_byteIdenticalToGolden() throws IOException, ScenarioException {
        Path out = Files.createDirectory(temp.resolve("embedded"));
        EmbeddingExample.example(Examples.FOLDER.resolve("loss-sweep.json"), out);
        assertGolden("loss-sweep", out, List.of(FlowsCsvReporter.FILE_NAME));
    }

    /**
     * report.json, summary.csv and {@code bySize} in {@code out} are the golden files of example {@code name}
     * (each of {@code bySize} as a file or its SHA-256).
     */
    private static void assertGolden(String name, Path out, List<String> bySize) throws IOException {
        Path golden = GOLDEN.resolve(name);
        assertEquals(read(golden.resolve(JsonReporter.FILE_NAME)),
                GoldenReport.withoutCode(read(out.resolve(JsonReporter.FILE_NAME))), name + "/report.json");
        assertEquals(read(golden.resolve(SummaryCsvReporter.FILE_NAME)), read(out.resolve(SummaryCsvReporter.FILE_NAME)),
                name + "/summary.csv");
        for (String file : bySize) {
            Path written = out.resolve(file);
            if (Files.exists(golden.resolve(file))) {
                assertEquals(read(golden.resolve(file)), read(written), name + "/" + file);
            } else {
                Path digest = golden.resolve(file + ".sha256");
                assertTrue(Files.exists(digest), name + ": no golden " + file);
                assertEquals(read(digest).strip(), sha256(written), name + "/" + file + " (SHA-256)");
            }
        }
    }

    /** REPORTS.md's table of replications.csv's sizes states every example's golden file: points, replications, rows, bytes. */
    @org.junit.jupiter.api.Test
    void replicationsCsvSizeTable_statesEveryGoldenFile() throws IOException {
        List<String> lines = read(Path.of("../scenarios/REPORTS.md")).lines().toList();
        int header = lines.indexOf("| example | points | replications | rows | bytes |");
        assertTrue(header >= 0, "REPORTS.md has no table of replications.csv's sizes");
        List<String> documented = lines.subList(header + 2, lines.size()).stream().takeWhile(l -> l.startsWith("|"))
                .toList();
        List<String> measured = new ArrayList<>();
        for (Path example : examples()) {
            String name = example.getFileName().toString().replaceFirst("\\.json$", "");
            Path file = GOLDEN.resolve(name).resolve(ReplicationsCsvReporter.FILE_NAME);
            assertTrue(Files.exists(file), name + ": replications.csv is stored as its SHA-256; measure its size");
            JsonNode points = new ObjectMapper().readTree(GOLDEN.resolve(name).resolve(JsonReporter.FILE_NAME).toFile())
                    .get("points");
            long rows = read(file).lines().count() - 1;
            measured.add(String.format(Locale.ROOT, "| `%s` | %d | %d | %,d | %,d |", name, points.size(),
                    points.get(0).get("replications").intValue(), rows, Files.size(file)));
        }
        assertEquals(measured, documented);
    }

    private static void record(Path out, Path golden) throws IOException {
        Files.createDirectories(golden);
        Files.writeString(golden.resolve(JsonReporter.FILE_NAME),
                GoldenReport.withoutCode(read(out.resolve(JsonReporter.FILE_NAME))), StandardCharsets.UTF_8);
        Files.copy(out.resolve(SummaryCsvReporter.FILE_NAME), golden.resolve(SummaryCsvReporter.FILE_NAME),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (String file : STORED_BY_SIZE) {
            Path written = out.resolve(file);
            Files.deleteIfExists(golden.resolve(file));
            Files.deleteIfExists(golden.resolve(file + ".sha256"));
            if (Files.size(written) <= LARGEST_STORED_BYTES) {
                Files.copy(written, golden.resolve(file));
            } else {
                Files.writeString(golden.resolve(file + ".sha256"), sha256(written) + "\n", StandardCharsets.UTF_8);
            }
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
