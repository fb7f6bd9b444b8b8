package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of memory, the command prints one line and exits 1 with no stack trace, and its JVM is gone: run as
 * the launcher runs it, in a JVM of its own with a small heap, on a scenario forced past the budget.
 */
final class OutOfMemoryTest {

    @TempDir
    Path temp;

    @Test
    void run_outOfMemory_oneLineExitOneNoProcessLeft() throws IOException, InterruptedException {
        Path file = Files.writeString(temp.resolve("huge.json"), """
                {"runLengthSeconds": 3600, "replications": 4,
                 "stations": [{"id": "bs", "count": 100000, "channels": 4, "storageCapacityBytes": 1000000000}],
                 "workload": {"subscribersPerStation": 1000000, "backupArrivalsPerSecond": 1,
                   "userDataBytes": {"distribution": "fixed", "value": 1000}}}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", file.toString(), "--force",
                "--threads", "2", "--quiet", "--out", temp.resolve("out").toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the JVM ended");
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.startsWith("error: out of memory ("), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
        assertFalse(process.isAlive());
        assertTrue(process.descendants().findAny().isEmpty(), "no process left");
    }
}
