package io.radiolink.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radiolink.cli.Main;
import io.radiolink.cli.UnitExecutors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of running units on Spark (issue 15, "Speed": a sweep of at least 200 units on {@code local[2]} within
 * 1.25 times the single machine's wall time, Spark's start aside). A measurement, not a check: it runs only with
 * {@code -Dradiolink.speed=true} and prints the figures, which bench/RESULTS.md records; it asserts the reports
 * equal. loss-sweep's 6 points x 40 replications (240 units of 3,600 s), the CLI's pool on 2 threads and Spark
 * {@code local[2]} on a context started before the clock, alternating, after a warm-up of each.
 *
 * <p>{@code mvn -B -pl spark -am test -Dtest=SparkSpeedTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dradiolink.speed=true}
 */
@EnabledIfSystemProperty(named = "radiolink.speed", matches = "true")
final class SparkSpeedTest {

    private static final int REPLICATIONS = 40;
    private static final int PAIRS = 5;

    @TempDir
    static Path shared;

    private static JavaSparkContext context;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() throws IOException {
        context = SparkFixtures.context("local[2]", shared, new SparkConf());
    }

    @AfterAll
    static void stopSpark() {
        context.stop();
    }

    @Test
    void run_240Units_wallTimeOnSparkAgainstThePool() throws IOException {
        Path scenario = SparkFixtures.shortened("loss-sweep.json", temp, 3_600, REPLICATIONS);
        Path warm = SparkFixtures.shortened("loss-sweep.json", temp.resolve("warm"), 600, 4);
        run(UnitExecutors.THREADS, warm, temp.resolve("warm-threads"));
        run(SparkRun.on(context), warm, temp.resolve("warm-spark"));
        List<Double> pool = new ArrayList<>();
        List<Double> spark = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            Path threads = temp.resolve("threads" + pair);
            Path onSpark = temp.resolve("spark" + pair);
            pool.add(run(UnitExecutors.THREADS, scenario, threads));
            spark.add(run(SparkRun.on(context), scenario, onSpark));
            for (String report : SparkFixtures.REPORTS) {
                assertArrayEquals(Files.readAllBytes(threads.resolve(report)), Files.readAllBytes(onSpark.resolve(report)),
                        report);
            }
        }
        double poolMedian = median(pool);
        double sparkMedian = median(spark);
        System.out.printf(Locale.ROOT, "Spark speed, 240 units: pool (2 threads) %s s, median %.2f; Spark local[2] %s s,"
                + " median %.2f; ratio of medians %.3f%n", pool, poolMedian, spark, sparkMedian, sparkMedian / poolMedian);
    }

    /** The wall seconds of {@code radiolink run SCENARIO --out OUT} on {@code executors}. */
    private static double run(UnitExecutors executors, Path scenario, Path out) {
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int status = Main.execute(new String[] {"run", scenario.toString(), "--out", out.toString(), "--quiet",
                "--threads", "2"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(),
                executors);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, status, err.toString());
        return Math.round(seconds * 100) / 100.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
