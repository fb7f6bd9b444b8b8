package io.radiolink.bench;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolScheduler;
import io.radiolink.engine.lean.LeanScheduler;
import java.util.SplittableRandom;
import java.util.UUID;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;

/**
 * The classic hold model on one event calendar: {@code pending} events wait; each step takes the
 * earliest and schedules a new one an exponential time (mean 1 s) later, so the calendar keeps its
 * size. Every variant draws the same increments from the same generator. Events are posted (the
 * {@link Scheduler} call for actions never cancelled), as the model posts all but its timers.
 */
abstract class HoldCalendar {

    /** The calendars compared. */
    enum Kind {
        /** radiolink's lean engine ({@link LeanScheduler}) through the {@link Scheduler} interface. */
        LEAN,
        /** DSOL's event list through radiolink's {@link DsolScheduler}, stepped like {@code DsolEngine}. */
        DSOL,
        /** The reference limit: a binary heap of primitive times and sequence numbers, no actions. */
        BINARY_HEAP
    }

    final SplittableRandom random = new SplittableRandom(20_261_126L);

    double increment() {
        return -Math.log(1.0 - random.nextDouble());
    }

    /** Runs {@code steps} hold steps. */
    abstract void hold(int steps);

    /** Frees what the calendar holds outside the heap (DSOL's worker thread and naming context). */
    void close() {}

    static HoldCalendar of(Kind kind, int pending) {
        return switch (kind) {
            case LEAN -> new Lean(pending);
            case DSOL -> new Dsol(pending);
            case BINARY_HEAP -> new BinaryHeap(pending);
        };
    }

    /** The lean engine's calendar, used through the {@link Scheduler} interface as the model uses it. */
    static final class Lean extends HoldCalendar {
        private final LeanScheduler scheduler = new LeanScheduler();
        private final Runnable hold = this::reschedule;

        Lean(int pending) {
            for (int i = 0; i < pending; i++) {
                scheduler.post(increment(), hold);
            }
        }

        private void reschedule() {
            scheduler.post(increment(), hold);
        }

        @Override
        void hold(int steps) {
            for (int i = 0; i < steps; i++) {
                scheduler.step();
            }
        }
    }

    /** DSOL's default event list (a red-black tree) with radiolink's event class, stepped in this thread. */
    static final class Dsol extends HoldCalendar {
        private final DevsSimulator<Double> simulator;
        private final SingleReplication<Double> replication;
        private Scheduler scheduler;
        private final Runnable hold = this::reschedule;

        Dsol(int pending) {
            String id = "hold-" + UUID.randomUUID();
            simulator = new DevsSimulator<>(id);
            replication = new SingleReplication<>(id, 0.0, 0.0, Double.POSITIVE_INFINITY);
            simulator.initialize(new AbstractDsolModel<Double, DevsSimulator<Double>>(simulator) {
                @Override
                public void constructModel() {
                    scheduler = DsolScheduler.hostedOn(simulator);
                    for (int i = 0; i < pending; i++) {
                        scheduler.post(increment(), hold);
                    }
                }
            }, replication);
        }

        private void reschedule() {
            scheduler.post(increment(), hold);
        }

        @Override
        void hold(int steps) {
            for (int i = 0; i < steps; i++) {
                simulator.step();
            }
        }

        @Override
        void close() {
            simulator.getEventList().clear();
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }

    /** A plain binary min-heap on (time, sequence) in primitive arrays: the fastest a calendar can be here. */
    static final class BinaryHeap extends HoldCalendar {
        private double[] times;
        private long[] sequences;
        private int size;
        private long nextSequence;
        private double now;

        BinaryHeap(int pending) {
            times = new double[pending + 1];
            sequences = new long[pending + 1];
            for (int i = 0; i < pending; i++) {
                push(increment());
            }
        }

        @Override
        void hold(int steps) {
            for (int i = 0; i < steps; i++) {
                now = times[0];
                pop();
                push(now + increment());
            }
        }

        private void push(double time) {
            long sequence = nextSequence++;
            int index = size++;
            while (index > 0) {
                int parent = (index - 1) >>> 1;
                if (times[parent] < time || times[parent] == time && sequences[parent] < sequence) {
                    break;
                }
                times[index] = times[parent];
                sequences[index] = sequences[parent];
                index = parent;
            }
            times[index] = time;
            sequences[index] = sequence;
        }

        private void pop() {
            int last = --size;
            double time = times[last];
            long sequence = sequences[last];
            int index = 0;
            while (true) {
                int child = 2 * index + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && (times[child + 1] < times[child]
                        || times[child + 1] == times[child] && sequences[child + 1] < sequences[child])) {
                    child++;
                }
                if (time < times[child] || time == times[child] && sequence < sequences[child]) {
                    break;
                }
                times[index] = times[child];
                sequences[index] = sequences[child];
                index = child;
            }
            times[index] = time;
            sequences[index] = sequence;
        }
    }
}
