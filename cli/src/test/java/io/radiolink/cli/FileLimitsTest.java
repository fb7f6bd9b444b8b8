package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are no scenario at all: non-regular files and files over the size limit are refused before
 * they are read; Jackson's own limits give the usual located line. Each is exit 2 with one line.
 */
final class FileLimitsTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void validate_fifo_refusedWithoutReading() throws IOException, InterruptedException {
        Path fifo = temp.resolve("pipe.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

        assertOneLine(CliRun.of("validate", fifo.toString()), fifo + ": cannot read: not a regular file");
    }

    @Test
    void validate_device_refusedWithoutReading() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));

        assertOneLine(CliRun.of("validate", zero.toString()), "/dev/zero: cannot read: not a regular file");
        assertOneLine(CliRun.of("run", zero.toString(), "--out", temp.resolve("out").toString()),
                "/dev/zero: cannot read: not a regular file");
    }

    @Test
    void validate_fileOverTheLimit_refusedWithItsSize() throws IOException {
        Path big = temp.resolve("big.json");
        Files.write(big, new byte[(int) (16L << 20) + 1]);

        assertOneLine(CliRun.of("validate", big.toString()), big + ": cannot read: 16777217 bytes, more than a "
                + "scenario file may hold (16777216 bytes, 16 MiB)");
    }

    @Test
    void validate_nestingBeyondJacksonsLimit_locatedLine() throws IOException {
        Path deep = Files.writeString(temp.resolve("deep.json"), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200));

        assertOneLine(CliRun.of("validate", deep.toString()), deep + ":1:5001: malformed JSON: Document nesting depth "
                + "(1001) exceeds the maximum allowed");
    }

    @Test
    void validate_numberOfAThousandAndOneDigits_locatedLine() throws IOException {
        Path file = Files.writeString(temp.resolve("long.json"), "{\"runLengthSeconds\": " + "1".repeat(1001) + "}");

        assertOneLine(CliRun.of("validate", file.toString()), file + ":1:22: malformed JSON: Number value length "
                + "(1001) exceeds the maximum allowed");
    }

    @Test
    void validate_numberOfAThousandDigits_rangeChecked() throws IOException {
        Path file = Files.writeString(temp.resolve("long.json"), "{\"runLengthSeconds\": " + "1".repeat(1000)
                + ", \"stations\": [{\"id\": \"a\", \"channels\": 1, \"storageCapacityBytes\": 1}]}");

        assertOneLine(CliRun.of("validate", file.toString()), file + ":1:22: runLengthSeconds: must be in (0, 1e12], was "
                + "Infinity");
    }

    private static void assertOneLine(CliRun run, String start) {
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("error: " + start), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(run.err().contains("\tat "));
    }
}
