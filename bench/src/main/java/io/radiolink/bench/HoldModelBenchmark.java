package io.radiolink.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine tier: the hold model at 1,000 and 1,000,000 pending events on the lean engine, on DSOL's event
 * list (as {@code DsolEngine} steps it), and on a primitive binary heap, the reference limit, all in one
 * run so that their ratios are comparable. Score: events per second (one operation = one hold step: the
 * earliest event runs and schedules the next).
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar HoldModelBenchmark -prof gc}. Quick
 * profile (minutes on 2 cores): {@code java -jar bench/target/benchmarks.jar HoldModelBenchmark -f 1 -wi 2
 * -i 3 -w 2s -r 2s}. Memory per pending event is measured apart, by {@link Footprint}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g"})
public class HoldModelBenchmark {

    /** Hold steps per benchmark invocation. */
    static final int STEPS = 10_000;

    /** The calendar. */
    @Param({"LEAN", "DSOL", "BINARY_HEAP"})
    public String calendar;

    /** Events waiting in the calendar throughout. */
    @Param({"1000", "1000000"})
    public int pending;

    private HoldCalendar model;

    /**
     * Fills the calendar and runs it into its steady state: twice as many hold steps as events pending,
     * so that every event measured was scheduled by a hold step, not by the fill.
     */
    @Setup(Level.Trial)
    public void fill() {
        model = HoldCalendar.of(HoldCalendar.Kind.valueOf(calendar), pending);
        model.hold(2 * pending);
    }

    /** Frees DSOL's thread and context. */
    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    /** {@value #STEPS} hold steps. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public void hold() {
        model.hold(STEPS);
    }
}
