package io.radiolink.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temporary tree of a user's files that must survive every run: a project folder (the working
 * directory, holding the scenario file, notes, data and a {@code results/} folder with a note and an
 * output of another scenario) two levels below the root, and a sibling project {@code ../../x} away from
 * {@code results/}, so that a name like {@code ../../x} would reach it.
 */
final class Workspace {

    /** The name of the scenario {@link #scenario} writes unless told otherwise. */
    static final String NAME = "tiny";

    final Path root;
    final Path project;
    final Path results;
    final Path sibling;

    Workspace(Path root) throws IOException {
        this.root = root;
        this.project = Files.createDirectories(root.resolve("a/b/project"));
        this.results = Files.createDirectories(project.resolve("results"));
        this.sibling = Files.createDirectories(root.resolve("a/b/x"));
        Files.writeString(project.resolve("notes.txt"), "my notes\n");
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/measurements.csv"), "t,value\n1,2\n");
        Files.writeString(results.resolve("README.txt"), "results of my runs\n");
        Files.writeString(sibling.resolve("keep.txt"), "a sibling project's file\n");
        Path earlier = Files.createDirectories(results.resolve("earlier"));
        Files.writeString(earlier.resolve("report.json"), "{}\n");
        Markers.version2("earlier", List.of()).finished(earlier).writeInto(earlier);
        scenario(NAME, 600, 1);
    }

    /**
     * Writes {@code project/<file>.json} for a scenario named {@code jsonName} (as it goes between the
     * quotes of a JSON string), {@code runLengthSeconds} long, with {@code replications}; returns the file.
     */
    Path scenario(String file, String jsonName, double runLengthSeconds, int replications) throws IOException {
        String json = String.format(Locale.ROOT, """
                {
                  "name": "%s",
                  "runLengthSeconds": %s,
                  "replications": %d,
                  "stations": [ { "id": "bs-1", "channels": 2, "storageCapacityBytes": 1000000000 } ],
                  "workload": {
                    "subscribersPerStation": 100,
                    "backupArrivalsPerSecond": 0.01,
                    "userDataBytes": { "distribution": "fixed", "value": 10000 }
                  }
                }
                """, jsonName, runLengthSeconds, replications);
        return Files.writeString(project.resolve(file + ".json"), json, StandardCharsets.UTF_8);
    }

    /** Writes {@code project/<name>.json} for a scenario named {@code name}. */
    Path scenario(String name, double runLengthSeconds, int replications) throws IOException {
        return scenario(name, name, runLengthSeconds, replications);
    }

    /** Every file and folder under the root, each file with its SHA-256 and each folder as "folder". */
    SortedMap<String, String> snapshot() {
        SortedMap<String, String> tree = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                String key = root.relativize(path).toString();
                tree.put(key, Files.isDirectory(path) ? "folder" : GoldenReportsTest.sha256(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** {@code snapshot} without the entries under {@code path} (relative to the root). */
    static SortedMap<String, String> without(SortedMap<String, String> snapshot, String path) {
        SortedMap<String, String> rest = new TreeMap<>(snapshot);
        rest.keySet().removeIf(key -> key.equals(path) || key.startsWith(path + "/"));
        return rest;
    }

    /** The path of {@code path} relative to the root, as {@link #snapshot} keys it. */
    String key(Path path) {
        return root.relativize(path).toString();
    }
}
