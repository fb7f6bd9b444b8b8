package io.radiolink.bench;

import io.radiolink.engine.Engine;
import io.radiolink.engine.RunSummary;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.simulation.SimulationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replications: the fixed cost of one replication on each engine (a run of an empty model: what an
 * engine costs before the first event), and the time per replication of {@value #REPLICATIONS} short
 * replications of a {@link ReplacementDay} run on 1 and on 2 threads (their ratio is the parallel
 * speed-up; the results are identical, which the test suite checks).
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar ReplicationBenchmark}. Quick profile:
 * {@code java -jar bench/target/benchmarks.jar ReplicationBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class ReplicationBenchmark {

    /** Replications per parallel-run invocation. */
    static final int REPLICATIONS = 32;

    /** The engine whose fixed cost is measured. */
    @State(Scope.Thread)
    public static class Fixed {
        /** The engine. */
        @Param({"LEAN", "DSOL"})
        public String engine;

        Engine runner;

        /** Creates the engine. */
        @Setup(Level.Trial)
        public void create() {
            runner = engine.equals("DSOL") ? new DsolEngine() : new LeanEngine();
        }
    }

    /** Replications of a day run in parallel. */
    @State(Scope.Thread)
    public static class Parallel {
        /** Threads running the replications. */
        @Param({"1", "2"})
        public int threads;

        /** Terminals of the day. */
        @Param({"2000"})
        public int terminals;
    }

    /** One run of an empty model: the engine's fixed cost per replication. */
    @Benchmark
    public RunSummary emptyReplication(Fixed fixed) {
        return fixed.runner.run(Double.POSITIVE_INFINITY, scheduler -> {});
    }

    /** {@value #REPLICATIONS} replications of the day on the lean engine; the score is per replication. */
    @Benchmark
    @OperationsPerInvocation(REPLICATIONS)
    public SimulationResult replications(Parallel parallel) {
        return ReplacementDay.simulation(parallel.terminals, new LeanEngine(), 11, REPLICATIONS).run(parallel.threads);
    }
}
