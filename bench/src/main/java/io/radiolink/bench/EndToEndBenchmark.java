package io.radiolink.bench;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.stats.ReplicationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end tier: a {@link ReplacementDay} for 10,000 terminals on both engines and for 1,000,000
 * terminals on the lean engine (in a 2 GiB heap, the memory target). One invocation is one replication
 * of the day, statistics included; the score is days per second. Secondary scores: {@code flows} (flows
 * ended per wall-clock second) and {@code peakHeapMegabytes} (the sum of the heap pools' peak usage in
 * an iteration, an upper bound of the peak heap; JMH adds such counts over the iterations, so divide by
 * their number). An invocation longer than an iteration's time makes the iteration one invocation long.
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar EndToEndBenchmark}. Quick profile:
 * {@code java -jar bench/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 2 -w 5s -r 5s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EndToEndBenchmark {

    /** A day for 10,000 terminals on either engine. */
    @State(Scope.Thread)
    public static class City {
        /** Terminals in the city. */
        @Param({"10000"})
        public int terminals;

        /** The engine. */
        @Param({"LEAN", "DSOL"})
        public String engine;
    }

    /** A day for 1,000,000 terminals on the lean engine. */
    @State(Scope.Thread)
    public static class Metropolis {
        /** Terminals in the city. */
        @Param({"1000000"})
        public int terminals;
    }

    /** Flows ended, reported per second of the run. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flows {
        /** Flows that ended in the day. */
        public long flows;

        /** Starts each iteration at zero. */
        @Setup(Level.Iteration)
        public void reset() {
            flows = 0;
        }
    }

    /** Peak heap of the run (JMH sums such counters over the measurement iterations: divide by them). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Measured {
        /** Sum of the heap pools' peak usage, in MiB. */
        public long peakHeapMegabytes;

        /** Starts each iteration at zero, with the heap pools' peaks reset. */
        @Setup(Level.Iteration)
        public void reset() {
            peakHeapMegabytes = 0;
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        void record(ReplicationResult result, Flows counted) {
            counted.flows += result.flowTotals().flows();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            peakHeapMegabytes = Math.max(peakHeapMegabytes, peak >> 20);
        }
    }

    /** The day for 10,000 terminals. */
    @Benchmark
    public ReplicationResult city(City city, Flows flows, Measured measured) {
        Engine engine = city.engine.equals("DSOL") ? new DsolEngine() : new LeanEngine();
        ReplicationResult result = ReplacementDay.simulation(city.terminals, engine, 2026).runReplication(0);
        measured.record(result, flows);
        return result;
    }

    /** The day for 1,000,000 terminals, lean engine. */
    @Benchmark
    public ReplicationResult metropolis(Metropolis metropolis, Flows flows, Measured measured) {
        ReplicationResult result = ReplacementDay.simulation(metropolis.terminals, new LeanEngine(), 2026)
                .runReplication(0);
        measured.record(result, flows);
        return result;
    }
}
