package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.scenario.Scenarios;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * radiolink-scenarios on its own: a JVM whose class path is this module's runtime class path (its classes
 * and the jars Maven resolves for it at runtime scope, listed in {@value #CLASS_PATH} by the build: core,
 * commons-math3, HdrHistogram, Jackson), plus this module's test classes for the programs it runs, loads
 * and runs a scenario file, and refuses {@code "engine": "dsol"} with a located line without loading the
 * DSOL engine. (That README quotes the example verbatim is core's ReadmeExampleTest's to check.)
 */
final class ScenariosAloneTest {

    private static final String CLASS_PATH = "target/runtime-class-path.txt";
    private static final Path README = Path.of("../README.md");
    private static final Path EXAMPLE = Path.of("examples/loss-sweep.json");
    private static final String NEEDS_DSOL = "engine: 'dsol' needs nl.tudelft.simulation:dsol-core on the class path,"
            + " and it is not there; allowed: lean (the same results without DSOL), or dsol with"
            + " nl.tudelft.simulation:dsol-core added to the class path";

    @TempDir
    Path temp;

    @Test
    void readmeExample_onCoreAndJacksonAlone_writesTheReportsAndPrintsWhatTheReadmeShows()
            throws IOException, InterruptedException {
        Path folder = Files.createDirectory(temp.resolve("reports"));
        Run run = java(List.of(), EmbeddingExample.class, EXAMPLE.toString(), folder.toString());
        assertEquals(0, run.status(), run.err());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("flows.csv", "report.json", "summary.csv"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(README).contains("prints\n\n```\n" + run.out() + "```"),
                "README.md must show what the example prints for " + EXAMPLE + ":\n" + run.out());
    }

    @Test
    void dsolEngine_withoutDsol_loaderRunnerAndUnitRefuseItAndTheDsolEngineIsNeverLoaded()
            throws IOException, InterruptedException {
        Path dsol = Files.writeString(temp.resolve("dsol.json"), Scenarios.withTop(Scenarios.MINIMAL,
                "\n  \"engine\": \"dsol\""));
        Path lean = Files.writeString(temp.resolve("lean.json"), Scenarios.MINIMAL);
        Path classes = temp.resolve("classes.log");
        Run run = java(List.of("-Xlog:class+load=info:file=" + classes), WithoutDsol.class, dsol.toString(),
                lean.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of(
                "dsol present: false",
                "loader: " + dsol + ":2:13: " + NEEDS_DSOL,
                "runner: " + lean + ": " + NEEDS_DSOL,
                "unit: " + NEEDS_DSOL), run.out().lines().toList());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains(" io.radiolink.scenario.EngineChoice "), "the class log lists what was loaded");
        assertFalse(loaded.contains("io.radiolink.engine.dsol.DsolEngine"), "the DSOL engine was loaded");
    }

    /** What a program printed and its exit status. */
    private record Run(int status, String out, String err) {}

    /** Runs {@code main} of {@code program} in a JVM on this module's runtime class path and test classes. */
    private Run java(List<String> options, Class<?> program, String... args) throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(List.of("target/classes"));
        classPath.addAll(List.of(Files.readString(Path.of(CLASS_PATH)).strip().split(File.pathSeparator)));
        classPath.add("target/test-classes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath)));
        command.addAll(options);
        command.add(program.getName());
        command.addAll(List.of(args));
        Path out = temp.resolve(program.getSimpleName() + ".out");
        Path err = temp.resolve(program.getSimpleName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), program.getSimpleName() + " did not end within 5 minutes");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
