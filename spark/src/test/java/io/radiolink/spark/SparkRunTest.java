package io.radiolink.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.cli.Main;
import io.radiolink.cli.UnitExecutors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radiolink run} with its units on Spark ({@link SparkRun}, docs/spark.md), in-process on one
 * {@code local[2]} context shared by the class: the run folder's report.json and CSVs are the CLI's
 * thread-pool run's byte for byte, and a resumed Spark run computes only the missing units.
 */
final class SparkRunTest {


    @TempDir
    static Path shared;

    private static JavaSparkContext context;
    private static final AtomicInteger TASKS = new AtomicInteger();
    private static Path lossSweep;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() throws IOException {
        context = SparkFixtures.context("local[2]", shared, new SparkConf());
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                TASKS.incrementAndGet();
            }
        });
        lossSweep = SparkFixtures.shortened("loss-sweep.json", shared, 1_200, 3);
    }

    @AfterAll
    static void stopSpark() {
        context.stop();
    }

    @Test
    void run_onSpark_theReportsOfTheThreadPoolsRunByteForByte() throws IOException {
        Path threads = temp.resolve("threads");
        Path spark = temp.resolve("spark");
        assertEquals(0, run(UnitExecutors.THREADS, lossSweep.toString(), "--out", threads.toString(), "--threads",
                "2"));
        int before = TASKS.get();

        assertEquals(0, run(SparkRun.on(context), lossSweep.toString(), "--out", spark.toString()));

        assertEquals(18, TASKS.get() - before, "one task per unit");
        for (String report : SparkFixtures.REPORTS) {
            assertArrayEquals(Files.readAllBytes(threads.resolve(report)), Files.readAllBytes(spark.resolve(report)),
                    report);
        }
        assertFalse(Files.exists(spark.resolve("scratch")), "no scratch folder left in the output");
    }

    /** A Spark run extended from 2 to 3 replications with --resume computes the 6 new units only. */
    @Test
    void run_resumedOnSpark_computesOnlyTheMissingUnits() throws IOException {
        Path whole = temp.resolve("whole");
        Path resumed = temp.resolve("resumed");
        assertEquals(0, run(UnitExecutors.THREADS, lossSweep.toString(), "--out", whole.toString()));
        assertEquals(0, run(SparkRun.on(context), lossSweep.toString(), "--out", resumed.toString(), "--replications",
                "2"));
        int before = TASKS.get();

        assertEquals(0, run(SparkRun.on(context), lossSweep.toString(), "--out", resumed.toString(), "--resume"));

        assertEquals(6, TASKS.get() - before);
        for (String report : SparkFixtures.REPORTS) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(report)), Files.readAllBytes(resumed.resolve(report)),
                    report);
        }
    }

    @Test
    void execute_threadsOrNoMaster_refusedInOneLine() {
        StringWriter err = new StringWriter();
        assertEquals(2, SparkRun.execute(new String[] {lossSweep.toString(), "--threads", "2"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true), Map.of(),
                new SparkConf(false).setMaster("local[1]")));
        assertTrue(err.toString().startsWith("error: --threads: not with Spark"), err.toString());
        StringWriter noMaster = new StringWriter();
        assertEquals(2, SparkRun.execute(new String[] {lossSweep.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(noMaster, true), Map.of(), new SparkConf(false)));
        assertTrue(noMaster.toString().startsWith("error: no Spark master"), noMaster.toString());
        StringWriter equalsForm = new StringWriter();
        assertEquals(2, SparkRun.execute(new String[] {lossSweep.toString(), "--threads=3"},
                new PrintWriter(new StringWriter()), new PrintWriter(equalsForm, true), Map.of(),
                new SparkConf(false).setMaster("local[1]")));
        assertTrue(equalsForm.toString().startsWith("error: --threads: not with Spark"), equalsForm.toString());
        StringWriter bogus = new StringWriter();
        assertEquals(2, SparkRun.execute(new String[] {lossSweep.toString(), "--out", temp.resolve("x").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(bogus, true), Map.of(),
                new SparkConf(false).setMaster("bogus")));
        assertEquals("error: spark.master: 'bogus' is not a master URL; allowed: local, local[N], local[*], local[N,F],"
                + " spark://HOST:PORT, yarn, k8s://URL\n", bogus.toString());
        assertFalse(Files.exists(temp.resolve("x")), "refused before any folder");
        StringWriter help = new StringWriter();
        assertEquals(0, SparkRun.execute(new String[] {"--help"}, new PrintWriter(help, true),
                new PrintWriter(new StringWriter(), true), Map.of(), new SparkConf(false)), "help needs no master");
        assertTrue(help.toString().contains("SCENARIO"), help.toString());
        assertEquals(1, Stream.of(err.toString(), noMaster.toString(), equalsForm.toString())
                .mapToLong(s -> s.lines().count()).max().orElseThrow());
    }

    private static int run(UnitExecutors executors, String... args) {
        List<String> run = new ArrayList<>(List.of("run", "--quiet"));
        run.addAll(List.of(args));
        StringWriter err = new StringWriter();
        int status = Main.execute(run.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), Map.of(), executors);
        assertEquals("", err.toString().strip().isEmpty() ? "" : err.toString());
        return status;
    }
}
