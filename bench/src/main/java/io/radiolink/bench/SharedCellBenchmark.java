package io.radiolink.bench;

import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.radio.Departure;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.radio.share.ConnectionQueue;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicies;
import io.radiolink.radio.share.SchedulingPolicy;
import java.util.SplittableRandom;
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
 * Shared-cell tier: one {@link CellDirection} of 100 Mbit/s on the lean engine with 10, 100 or 1,000
 * queues sending 1,500-byte frames (12,000 bits). Score: departures per second (one operation = one
 * frame departed and the next offered by its callback). With {@code traffic=backlogged} every queue
 * always has a frame (its callback offers the next at once, as a link's sender would), so every event is
 * one departure and leaves the same queues busy; the first frame of each queue has a random size, so that
 * the queues' finish tags are out of phase instead of all tied. With {@code traffic=onOff} a queue, after each
 * departure, pauses with probability 1/2 for an exponential time of mean {@value #MEAN_PAUSE_SECONDS} s
 * before its next frame: the set of busy queues changes at about every other departure, which measures
 * the cost of re-arming the direction's one event (its pause events are counted in the time, not in
 * the score). Round robin (1 ms intervals, 100,000 bits each) serves about 8 frames per event.
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar SharedCellBenchmark -prof gc}. Quick profile:
 * {@code java -jar bench/target/benchmarks.jar SharedCellBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class SharedCellBenchmark {

    /** Departures per benchmark invocation. */
    static final int DEPARTURES = 100_000;
    /** The direction's capacity. */
    static final double CAPACITY_BITS_PER_SECOND = 100e6;
    /** A frame: 1,500 bytes. */
    static final double FRAME_BITS = 12_000;
    /** A paused queue's mean pause under {@code onOff}: about a hundred frame times of the whole cell. */
    static final double MEAN_PAUSE_SECONDS = 0.012;

    /** Queues sharing the direction. */
    @Param({"10", "100", "1000"})
    public int queues;

    /** The policy, by its registered name. */
    @Param({"processorSharing", "roundRobin"})
    public String policy;

    /** {@code backlogged} or {@code onOff}. */
    @Param({"backlogged", "onOff"})
    public String traffic;

    private LeanScheduler scheduler;
    private long departed;

    /** One queue and what it does after each departure. */
    private final class Sender implements Departure<Object>, Runnable {
        private final ConnectionQueue<Object> queue;
        private final SplittableRandom random;
        private final boolean pauses;

        Sender(CellDirection direction, SplittableRandom random, boolean pauses) {
            this.queue = direction.open(CAPACITY_BITS_PER_SECOND, this);
            this.random = random;
            this.pauses = pauses;
        }

        @Override
        public void departed(Object unit, double atSeconds) {
            departed++;
            if (pauses && random.nextBoolean()) {
                scheduler.post(-MEAN_PAUSE_SECONDS * Math.log(1 - random.nextDouble()), this);
            } else {
                run();
            }
        }

        /** The next frame. */
        @Override
        public void run() {
            queue.offer(this, FRAME_BITS);
        }
    }

    /** Builds the direction and its queues and runs it into its steady state: twice as many departures as queues. */
    @Setup(Level.Trial)
    public void fill() {
        scheduler = new LeanScheduler();
        SchedulingPolicy chosen = SchedulingPolicies.type(policy) == RoundRobin.class ? new RoundRobin(0.001)
                : new ProcessorSharing();
        CellDirection direction = new CellDirection(scheduler, CAPACITY_BITS_PER_SECOND, chosen);
        SplittableRandom random = new SplittableRandom(13);
        boolean pauses = traffic.equals("onOff");
        for (int i = 0; i < queues; i++) {
            Sender sender = new Sender(direction, random.split(), pauses);
            sender.queue.offer(sender, FRAME_BITS * (0.5 + random.nextDouble()));
        }
        departAtLeast(2L * queues);
    }

    private void departAtLeast(long count) {
        long target = departed + count;
        while (departed < target) {
            scheduler.step();
        }
    }

    /** {@value #DEPARTURES} departures (round robin may overshoot by the frames of one interval). */
    @Benchmark
    @OperationsPerInvocation(DEPARTURES)
    public long depart() {
        departAtLeast(DEPARTURES);
        return departed;
    }
}
