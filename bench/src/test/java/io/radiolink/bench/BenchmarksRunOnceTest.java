package io.radiolink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark runs once, in this JVM, with a tiny parameter set, and reports a score: the
 * benchmarks stay runnable. This is not a timed test; speed is measured by the benchmarks themselves
 * (bench/RESULTS.md).
 */
final class BenchmarksRunOnceTest {

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
}
