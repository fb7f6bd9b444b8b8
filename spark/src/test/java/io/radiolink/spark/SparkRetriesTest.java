package io.radiolink.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.cli.Main;
import io.radiolink.cli.UnitExecutors;
import io.radiolink.run.UnitExecutor;
import io.radiolink.scenario.ResolvedScenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's retries and speculation change no number (issue 15, "Proof"; docs/spark.md, section 3): on
 * {@code local[2,3]} (two threads, three attempts per task) with {@code spark.speculation=true}, the first
 * attempt of every replication 1's task fails; Spark runs it again, the reports are the thread pool's byte for
 * byte, and each unit is told to the run (so written) once.
 */
final class SparkRetriesTest {

    @TempDir
    static Path shared;

    private static JavaSparkContext context;
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger SUCCEEDED = new AtomicInteger();

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() throws IOException {
        context = SparkFixtures.context("local[2,3]", shared, new SparkConf().set("spark.speculation", "true").set("spark.speculation.interval", "10ms")
                .set("spark.speculation.multiplier", "1.1").set("spark.speculation.quantile", "0.1"));
        context.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                (end.reason() == Success$.MODULE$ ? SUCCEEDED : FAILED).incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stopSpark() {
        context.stop();
    }

    @Test
    void run_firstAttemptsFailingWithSpeculation_theThreadPoolsReportsEachUnitToldOnce() throws IOException {
        Path file = SparkFixtures.shortened("loss-sweep.json", temp, 1_200, 3);
        Path threads = temp.resolve("threads");
        Path spark = temp.resolve("spark");
        assertEquals(0, run(UnitExecutors.THREADS, file, threads));
        Map<String, Integer> told = new ConcurrentHashMap<>();
        UnitExecutors counted = (workers, scratch) -> {
            SparkUnits units = new SparkUnits(context, false, (point, replication, attempt) -> replication == 1
                    && attempt == 0);
            return new UnitExecutors.Opened() {
                @Override
                public void run(ResolvedScenario resolved, List<UnitTask> tasks, UnitExecutor.Finished finished)
                        throws IOException {
                    units.run(resolved, tasks, (unit, wallNanos) -> {
                        told.merge(unit.point() + "/" + unit.replication(), 1, Integer::sum);
                        finished.unit(unit, wallNanos);
                    });
                }

                @Override
                public void close() {
                    units.close();
                }
            };
        };

        int failedBefore = FAILED.get();
        int succeededBefore = SUCCEEDED.get();

        assertEquals(0, run(counted, file, spark));

        int failed = FAILED.get() - failedBefore;
        int succeeded = SUCCEEDED.get() - succeededBefore;

        for (String report : SparkFixtures.REPORTS) {
            assertArrayEquals(Files.readAllBytes(threads.resolve(report)), Files.readAllBytes(spark.resolve(report)),
                    report);
        }
        assertEquals(18, told.size());
        assertTrue(told.values().stream().allMatch(n -> n == 1), "each unit told once: " + told);
        assertEquals(6, failed, "the first attempt of each replication 1's task failed");
        // A successful speculative copy would count here too; the run takes one result per unit all the same.
        assertTrue(succeeded >= 18, succeeded + " successful attempts");
        System.out.printf("retries test: %d failed attempts, %d successful (%d speculative copies)%n", failed,
                succeeded, succeeded - 18);
    }

    /**
     * A task that fails every attempt (3 here) fails the job: the run ends with one line, exit 1, and keeps the
     * units it was told in its run folder for --resume, which then completes it on Spark as on one machine.
     */
    @Test
    void run_aTaskFailingEveryAttempt_oneLineExitOneUnitsKeptForResume() throws IOException {
        Path file = SparkFixtures.shortened("loss-sweep.json", temp, 600, 2);
        Path out = temp.resolve("out");
        UnitExecutors failing = (workers, scratch) -> new SparkUnits(context, false,
                (point, replication, attempt) -> point == 5 && replication == 1);
        StringWriter err = new StringWriter();

        int status = Main.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(), failing);

        assertEquals(1, status);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: a unit could not be computed: the Spark job failed: "),
                err.toString());
        assertTrue(err.toString().contains("(continue with --resume)"), err.toString());
        assertTrue(err.toString().contains("failed 3 times") && err.toString().contains("(point 5, replication 1)"),
                "the line says which task and why: " + err.toString());
        // Spark schedules a stage's tasks in partition order: the 11 before the failing last one end first.
        Path runFolder = out.resolveSibling("." + out.getFileName() + ".radiolink-run");
        try (Stream<Path> kept = Files.walk(runFolder.resolve("units"))) {
            long units = kept.filter(path -> path.toString().endsWith(".unit")).count();
            assertTrue(units >= 1 && units <= 11, units + " units kept for --resume");
        }
        assertEquals(0, run(SparkRun.on(context), file, out.resolveSibling("whole")));
        assertEquals(0, Main.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--quiet",
                "--resume"}, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                Map.of(), SparkRun.on(context)));
        for (String report : SparkFixtures.REPORTS) {
            assertArrayEquals(Files.readAllBytes(out.resolveSibling("whole").resolve(report)),
                    Files.readAllBytes(out.resolve(report)), report);
        }
    }

    private static int run(UnitExecutors executors, Path scenario, Path out) {
        StringWriter err = new StringWriter();
        int status = Main.execute(new String[] {"run", scenario.toString(), "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(), executors);
        assertEquals("", err.toString());
        return status;
    }
}
