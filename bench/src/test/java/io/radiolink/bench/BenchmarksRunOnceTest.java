package io.radiolink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.scenario.ScenarioException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark runs once, in this JVM, with a tiny parameter set, and reports a score, and the
 * measuring programs beside JMH ({@link Footprint}, {@link ParallelSpeedUp}, {@link CpuPerFrame}, {@link StrictMathCost}, {@link SeriesCost}, {@link UnitWriteCost}) print their figures: the
 * benchmarks stay runnable. This is not a timed test; speed is measured by the benchmarks themselves
 * (bench/RESULTS.md).
 */
final class BenchmarksRunOnceTest {

    static {
        // JMH's lock file (/tmp/jmh.lock) keeps two measurements on one machine apart. These runs measure
        // nothing, so they must not fail because a benchmark elsewhere on the machine holds it.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static Collection<RunResult> runOnce(Class<?> benchmark, String... params) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark.getSimpleName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .timeout(TimeValue.minutes(2))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true);
        for (int i = 0; i < params.length; i += 2) {
            options.param(params[i], params[i + 1]);
        }
        Options built = options.build();
        return new Runner(built).run();
    }

    private static void assertScores(Collection<RunResult> results, int expected) {
        assertEquals(expected, results.size(), "one result per parameter combination");
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score), result.getParams() + ": " + score);
        }
    }

    @Test
    void holdModel_everyCalendar() throws RunnerException {
        assertScores(runOnce(HoldModelBenchmark.class, "pending", "1000"), 3);
    }

    @Test
    void transferPath_bothEnginesBothLinks() throws RunnerException {
        assertScores(runOnce(TransferBenchmark.class, "bytes", "14000"), 4);
    }

    @Test
    void endToEnd_smallCity() throws RunnerException {
        assertScores(runOnce(EndToEndBenchmark.class, "terminals", "500"), 3);
    }

    @Test
    void replications_fixedCostAndParallelRuns() throws RunnerException {
        assertScores(runOnce(ReplicationBenchmark.class, "terminals", "200"), 4);
    }

    @Test
    void sharedCell_bothPoliciesBothTraffics() throws RunnerException {
        assertScores(runOnce(SharedCellBenchmark.class, "queues", "100"), 4);
    }

    @Test
    void sharedTransfer_bothPolicies() throws RunnerException {
        assertScores(runOnce(SharedAirBenchmark.class, "users", "10", "bytes", "14000"), 2);
    }

    @Test
    void unitCodec_encodeAndDecodeWithAndWithoutFlows() throws RunnerException {
        assertScores(runOnce(UnitCodecCost.class, "example", "../scenarios/examples/single-backup-restore.json"), 4);
    }

    @Test
    void footprint_printsEachCalendarAndTheTerminals() {
        String out = printed(() -> {
            try {
                Footprint.main(new String[] {"2000"});
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        for (HoldCalendar.Kind kind : HoldCalendar.Kind.values()) {
            assertTrue(out.contains(kind + " "), out);
        }
        assertTrue(out.contains("after 8× as many steps: "), out);
        assertTrue(out.contains("2,000 idle terminals"), out);
    }

    @Test
    void parallelSpeedUp_printsPairsAndTheMeanRatio() {
        String out = printed(() -> ParallelSpeedUp.main(new String[] {"200", "2", "2"}));
        assertTrue(out.contains("pair  2: "), out);
        assertTrue(out.matches("(?s).*mean ratio \\d+\\.\\d{3} ± \\d+\\.\\d{3} \\(95 %\\).*"), out);
    }

    @Test
    void cpuPerFrame_printsEachBenchmarksMedian() {
        for (String[] benchmark : new String[][] {{"transfer", "clean"}, {"shared", "roundRobin"}}) {
            String out = printed(() -> CpuPerFrame.main(new String[] {benchmark[0], benchmark[1], "0", "3", "1"}));
            assertTrue(out.matches("(?s)" + benchmark[0] + " " + benchmark[1]
                    + ": \\d+\\.\\d ns of CPU per data frame \\(median of 3 samples of 1 runs;.*"), out);
        }
    }

    @Test
    void strictMathCost_printsEachFunctionsPairedDifference() {
        String out = printed(() -> StrictMathCost.main(new String[] {"0", "3", "1000"}));
        for (String function : new String[] {"log1p(-u)", "exp(x)", "log(x)", "pow(m, k)"}) {
            assertTrue(out.contains(function + ": Math "), out);
        }
        assertTrue(out.matches("(?s)(.*paired difference [+-]\\d+\\.\\d\\d ns per call.*){4}"), out);
    }

    @Test
    void seriesCost_printsEachVariantAndItsPairedDifference() {
        String out = printed(() -> SeriesCost.main(new String[] {"200", "0", "3"}));
        for (String variant : new String[] {"no series", "default", "1 s bins"}) {
            assertTrue(out.contains(variant + " (seriesBinSeconds "), out);
        }
        assertTrue(out.matches("(?s)(.*paired difference [+-]\\d+\\.\\d\\d %.*){2}"), out);
    }

    @Test
    void unitWriteCost_printsEachRunTheSharesAndTheDifference(@TempDir Path folder) throws IOException {
        String out = printed(() -> {
            try {
                UnitWriteCost.main(new String[] {"../scenarios/examples/single-backup-restore.json", "2", "1", "0",
                        folder.toString()});
            } catch (ScenarioException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(out.matches("(?s).*written +wall +\\d+\\.\\d\\d s, write \\d+\\.\\d{3} s \\(\\d+\\.\\d\\d % of wall\\).*"),
                out);
        assertTrue(out.contains("discarded wall "), out);
        assertTrue(out.matches("(?s).*summed write time over wall time, each written run \\(%\\): \\d+\\.\\d\\d\\n.*"), out);
        assertTrue(out.matches("(?s).*difference of the medians [+-]\\d+\\.\\d\\d s.*"), out);
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(0, left.count(), "the run folders are deleted");
        }
    }

    private static String printed(Runnable program) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
