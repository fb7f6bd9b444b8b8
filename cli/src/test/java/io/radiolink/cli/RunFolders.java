package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the tests of run folders share: their files, the reports compared byte for byte, an unfinished run made. */
final class RunFolders {

    /** The files whose bytes an interrupted and resumed run must give as an uninterrupted one. */
    static final List<String> REPORTS = List.of("report.json", "summary.csv", "replications.csv", "flows.csv");

    private RunFolders() {}

    /** Every file and folder under {@code folder}, as paths relative to it with {@code /}, sorted; empty if absent. */
    static List<String> entries(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit files under {@code folder}'s {@code units/}, relative to {@code folder}, sorted. */
    static List<String> units(Path folder) {
        return entries(folder).stream().filter(name -> name.matches("units/p[0-9]+/r[0-9]+\\.unit")).toList();
    }

    /** The files a finished run's folder holds besides its plots, for a run of {@code units}. */
    static List<String> finishedFiles(List<String> units) {
        List<String> files = new ArrayList<>(List.of(FolderMarker.FILE_NAME, "completion-cdf.png",
                "flows.csv", "outcomes.png", "replications.csv", "report.json", "run-info.json", "scenario.json",
                "summary.csv", "units"));
        for (String unit : units) {
            files.add(unit);
            String point = unit.substring(0, unit.lastIndexOf('/'));
            if (!files.contains(point)) {
                files.add(point);
            }
        }
        return files.stream().sorted().toList();
    }

    /** Asserts that {@code actual} holds report.json and the CSV files of {@code expected}, byte for byte. */
    static void assertSameReports(Path expected, Path actual) throws IOException {
        for (String report : REPORTS) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(report)), Files.readAllBytes(actual.resolve(report)),
                    report + " of " + actual + " as " + expected + "'s");
        }
    }

    /** The figures {@code run-info.json} of {@code folder} gives for the units: units (run and reused), unitsRun, unitsReused. */
    static Map<String, Integer> unitCounts(Path folder) throws IOException {
        String info = Files.readString(folder.resolve("run-info.json"));
        int run = figure(info, "unitsRun");
        int reused = figure(info, "unitsReused");
        return Map.of("units", run + reused, "unitsRun", run, "unitsReused", reused);
    }

    private static int figure(String json, String key) {
        Matcher matcher = Pattern.compile("\"" + key + "\": ([0-9]+)").matcher(json);
        assertTrue(matcher.find(), key + " in " + json);
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Makes {@code runFolder} the run folder of a run stopped after {@code units} finished: the marker of
     * {@code finished}'s run in state running, its {@code scenario.json} and those of its units (no report).
     */
    static void unfinishedFrom(Path finished, Path runFolder, List<String> units) throws IOException {
        FolderMarker marker = FolderMarker.readFrom(finished).orElseThrow();
        assertEquals(FolderMarker.State.FINISHED, marker.state());
        Files.createDirectory(runFolder);
        FolderMarker.started(marker.scenario(), marker.run().orElseThrow()).writeInto(runFolder);
        Files.copy(finished.resolve("scenario.json"), runFolder.resolve("scenario.json"));
        for (String unit : units) {
            Path copy = runFolder.resolve(unit);
            Files.createDirectories(copy.getParent());
            Files.copy(finished.resolve(unit), copy);
        }
        assertFalse(Files.exists(runFolder.resolve("report.json")));
    }

    /** The run folder beside {@code output}. */
    static Path runFolderOf(Path output) {
        return output.resolveSibling("." + output.getFileName() + OutputFolder.RUN_SUFFIX);
    }
}
