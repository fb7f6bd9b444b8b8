package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Writes scenario files for tests and loads them. */
public final class Scenarios {

    /** A small valid scenario: one station, a fixed-size workload, everything else default. */
    public static final String MINIMAL = """
            {
              "runLengthSeconds": 3600,
              "stations": [{"id": "cell", "channels": 8, "storageCapacityBytes": 1000000000}],
              "workload": {
                "subscribersPerStation": 100,
                "backupArrivalsPerSecond": 0.01,
                "userDataBytes": {"distribution": "fixed", "value": 100000}
              }
            }
            """;

    private Scenarios() {}

    /** {@code json} with {@code fields} (e.g. {@code "seed": 5}) added first to its top-level object. */
    public static String withTop(String json, String fields) {
        int open = json.indexOf('{');
        return json.substring(0, open + 1) + fields + "," + json.substring(open + 1);
    }

    /** Writes {@code json} to {@code s.json} in {@code dir}. */
    static Path write(Path dir, String json) {
        try {
            return Files.writeString(dir.resolve("s.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code file} without overrides. */
    static ResolvedScenario load(Path file) throws ScenarioException {
        return ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty());
    }

    /** Writes {@code json} and loads it. */
    static ResolvedScenario load(Path dir, String json) throws ScenarioException {
        return load(write(dir, json));
    }

    /** Writes {@code json}, expects loading it to fail, and returns the message without the file's name. */
    static String error(Path dir, String json) {
        Path file = write(dir, json);
        String message = assertThrows(ScenarioException.class, () -> load(file)).getMessage();
        return message.startsWith(file.toString()) ? message.substring(file.toString().length()) : message;
    }
}
