package io.radiolink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.profile.Profile;
import io.radiolink.protocol.FlowKind;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowSummary;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's embedding example: it is this code, run here, and the README must quote it exactly. */
final class ReadmeExampleTest {

    private static final Path README = Path.of("../README.md");

    static SimulationResult example() {
        // README-BEGIN
        SimulationResult result = Simulation.builder()
                .profile(Profile.LTE)
                .station("cell-1", 8, 50_000_000_000L)
                .station("cell-2", 8, 50_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(20_000, 0.01, Distribution.LogNormal.ofMeanAndStdDev(1e6, 8e5))
                        .withRestores(0.3, new Distribution.Exponential(3_600))
                        .withWrongPasswordProbability(0.02))
                .runLengthSeconds(6 * 3_600)
                .warmupSeconds(600)
                .replications(4)
                .seed(2026)
                .build()
                .run(2); // two threads, the same numbers as run()
        ExperimentSummary summary = result.summary();
        for (FlowKind kind : FlowKind.values()) {
            FlowSummary flows = summary.flowsOf(kind);
            System.out.printf("%-8s %5d flows, failed %s, completion %s s, p95 %.3f s%n", kind,
                    flows.counts().flows(), flows.failureShare(), flows.completionSeconds(), flows.completionP95Seconds());
        }
        System.out.println("blocking " + summary.blockingProbability());
        // README-END
        return result;
    }

    private static String printedByExample() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void example_runs_backupsAndRestoresMostlySucceed() {
        SimulationResult result = example();
        assertEquals(4, result.replications().size());
        FlowSummary backups = result.summary().flowsOf(FlowKind.BACKUP);
        FlowSummary restores = result.summary().flowsOf(FlowKind.DOWNLOAD);
        assertTrue(backups.counts().flows() > 1_000 && restores.counts().flows() > 200,
                backups.counts().flows() + " / " + restores.counts().flows());
        assertTrue(backups.failureShare().mean() < 0.2, backups.failureShare().toString());
    }

    /**
     * This example, and scenarios' example of embedding scenario files (run there by ScenariosAloneTest), each
     * quoted between their markers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"src/test/java/io/radiolink/ReadmeExampleTest.java",
        "../scenarios/src/test/java/io/radiolink/run/EmbeddingExample.java"})
    void readme_quotesTheExampleVerbatim(String source) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(source));
        int begin = lines.indexOf("        // README-BEGIN");
        int end = lines.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers missing in " + source);
        String snippet = lines.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n", "```java\n", "\n```"));
        assertTrue(Files.readString(README).contains(snippet),
                "README.md must contain the example exactly as in " + source + ":\n" + snippet);
    }

    @Test
    void readme_showsTheOutputTheExamplePrints() throws IOException {
        String output = printedByExample();
        assertTrue(Files.readString(README).contains("prints\n\n```\n" + output + "```"),
                "README.md must show what the example prints:\n" + output);
    }
}
