package io.radiolink.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as {@code spark-submit} or the local-mode command runs it ({@link SparkRun#execute} with a
 * configuration naming {@code local[2]}): it makes its own context once the run folder exists, with Spark's
 * scratch in the run folder's {@code scratch/}, and stops it; the output holds the thread-pool run's reports
 * and no scratch, and nothing is written beside the output but radiolink's own lock file.
 */
final class SparkRunLocalTest {

    @TempDir
    Path temp;

    /**
     * The context of a run keeps its block manager's folders in the run folder's scratch, whatever contexts this
     * JVM made before (Spark keeps the first's local directories unless told anew: the review of session 1
     * found a second run's scratch in the first run's folder), and the scratch goes when the executor closes.
     */
    @Test
    void executors_localMode_theContextsFoldersInTheScratchFolder() throws IOException {
        for (String run : List.of("first", "second")) {
            Path scratch = temp.resolve(run).resolve("scratch");
            try (io.radiolink.cli.UnitExecutors.Opened opened = SparkRun.executors(new SparkConf(false)
                    .setMaster("local[2]")).open(2, scratch)) {
                List<File> folders = new java.util.ArrayList<>(List.of(SparkEnv.get().blockManager()
                        .diskBlockManager().localDirs()));
                assertTrue(!folders.isEmpty());
                // The driver's files folder comes from the local directories Spark keeps per JVM.
                folders.add(new File(SparkFiles.getRootDirectory()));
                for (File folder : folders) {
                    assertTrue(folder.toPath().toAbsolutePath().startsWith(scratch.toAbsolutePath()), folder + " in "
                            + scratch);
                }
            }
        }
    }

    @Test
    void execute_localMode_theThreadPoolsReportsAndScratchOnlyInTheRunFolder() throws IOException {
        Path file = SparkFixtures.shortened("lossy-bursty-link.json", temp.resolve("inputs"), 1_800, 4);
        Path results = Files.createDirectory(temp.resolve("results"));
        Path threads = temp.resolve("threads");
        StringWriter err = new StringWriter();
        assertEquals(0, io.radiolink.cli.Main.execute(new String[] {"run", file.toString(), "--out", threads.toString(),
                "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true), Map.of(),
                io.radiolink.cli.UnitExecutors.THREADS), err.toString());

        Path out = results.resolve("lossy-bursty-link");
        int status = SparkRun.execute(new String[] {file.toString(), "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), Map.of(),
                new SparkConf(false).setMaster("local[2]"));

        assertEquals(0, status, err.toString());
        for (String report : SparkFixtures.REPORTS) {
            assertArrayEquals(Files.readAllBytes(threads.resolve(report)), Files.readAllBytes(out.resolve(report)),
                    report);
        }
        try (Stream<Path> beside = Files.list(results)) {
            assertEquals(List.of(".lossy-bursty-link.radiolink-lock", "lossy-bursty-link"), beside.map(p -> p.getFileName().toString())
                    .sorted().toList(), "nothing beside the output but its lock file");
        }
        assertTrue(Files.notExists(out.resolve("scratch")), "the scratch folder is removed");
    }
}
