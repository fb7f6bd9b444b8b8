package io.radiolink.engine.lean;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lean engine's event calendar: a 4-ary min-heap ordered by (time, scheduling sequence), its keys
 * in one primitive array so that sifting compares without touching the actions, and each action in a
 * small handle that is also its {@link ScheduledAction}. Cancelling clears the handle; the entry
 * leaves the heap when it reaches the top (model timers are cancelled near their due time, so dead
 * entries stay few). Single-threaded, like every scheduler of one run.
 */
public final class LeanScheduler implements Scheduler {

    private static final int INITIAL_CAPACITY = 64;

    /**
     * The heap's keys, two longs per entry: the time's IEEE bits (for times >= +0.0 they order as the
     * times do) and the scheduling sequence. Interleaved, a node's four children's keys are 64
     * contiguous bytes: one or two cache lines per level, where separate arrays would need more.
     */
    private long[] keys = new long[2 * INITIAL_CAPACITY];
    private Handle[] handles = new Handle[INITIAL_CAPACITY];
    private int size;
    private long nextSequence;
    private double now;
    private long actionsExecuted;
    private double lastActionTimeSeconds;

    /** An empty calendar at time 0, for {@link LeanEngine} and for benchmarks driving it directly. */
    public LeanScheduler() {}

    /** A scheduled action; {@code action} is null once it ran or was cancelled. */
    private static final class Handle implements ScheduledAction {
        Runnable action;

        Handle(Runnable action) {
            this.action = action;
        }

        @Override
        public boolean cancel() {
            if (action == null) {
                return false;
            }
            action = null;
            return true;
        }
    }

    @Override
    public double nowSeconds() {
        return now;
    }

    @Override
    public ScheduledAction schedule(double delaySeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!(delaySeconds >= 0.0) || delaySeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("delaySeconds must be finite and not negative, got " + delaySeconds);
        }
        double timeSeconds = now + delaySeconds;
        if (timeSeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("now (" + now + " s) + delaySeconds (" + delaySeconds
                    + " s) overflows to infinity");
        }
        return push(timeSeconds, action);
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("timeSeconds must be finite, got " + timeSeconds);
        }
        if (timeSeconds < now) {
            throw new IllegalArgumentException("timeSeconds " + timeSeconds + " lies before the current time " + now);
        }
        // + 0.0 turns -0.0 into 0.0, as the DSOL engine does; the heap compares with <, for which they
        // are equal anyway.
        return push(timeSeconds + 0.0, action);
    }

    /**
     * Runs every pending action due at or before {@code endTimeSeconds} in (time, sequence) order,
     * including those they schedule; pending actions due later stay. An exception from an action
     * reaches the caller, and the calendar is then left as it was after that action was taken off.
     *
     * @param endTimeSeconds {@link Double#POSITIVE_INFINITY} runs until no action is left
     * @return the actions run by this calendar so far and the time of the last one
     */
    public RunSummary runUntil(double endTimeSeconds) {
        while (size > 0 && Double.longBitsToDouble(keys[0]) <= endTimeSeconds) {
            double time = Double.longBitsToDouble(keys[0]);
            Handle handle = handles[0];
            removeTop();
            Runnable action = handle.action;
            if (action == null) {
                continue; // cancelled
            }
            handle.action = null;
            now = time;
            actionsExecuted++;
            lastActionTimeSeconds = time;
            action.run();
        }
        return new RunSummary(actionsExecuted, lastActionTimeSeconds);
    }

    /**
     * Runs the next pending action (skipping cancelled entries), for drivers that advance a model one
     * event at a time (a benchmark, a host interleaving it with its own work).
     *
     * @return false if no action was left to run
     */
    public boolean step() {
        while (size > 0) {
            double time = Double.longBitsToDouble(keys[0]);
            Handle handle = handles[0];
            removeTop();
            Runnable action = handle.action;
            if (action != null) {
                handle.action = null;
                now = time;
                actionsExecuted++;
                lastActionTimeSeconds = time;
                action.run();
                return true;
            }
        }
        return false;
    }

    /** Entries in the calendar, cancelled ones not yet removed included. */
    public int pendingEntries() {
        return size;
    }

    private Handle push(double time, Runnable action) {
        if (size == handles.length) {
            grow();
        }
        Handle handle = new Handle(action);
        long timeBits = Double.doubleToRawLongBits(time);
        long sequence = nextSequence++;
        int index = size++;
        long[] k = keys;
        // Sift up: move parents down until the new key's place is found.
        while (index > 0) {
            int parent = (index - 1) >>> 2;
            long parentTime = k[2 * parent];
            if (parentTime < timeBits || parentTime == timeBits && k[2 * parent + 1] < sequence) {
                break;
            }
            k[2 * index] = parentTime;
            k[2 * index + 1] = k[2 * parent + 1];
            handles[index] = handles[parent];
            index = parent;
        }
        k[2 * index] = timeBits;
        k[2 * index + 1] = sequence;
        handles[index] = handle;
        return handle;
    }

    private void removeTop() {
        int last = --size;
        long[] k = keys;
        long timeBits = k[2 * last];
        long sequence = k[2 * last + 1];
        Handle handle = handles[last];
        handles[last] = null;
        if (last == 0) {
            return;
        }
        // Sift down the former last entry from the root.
        int index = 0;
        while (true) {
            int first = (index << 2) + 1;
            if (first >= last) {
                break;
            }
            int end = Math.min(first + 4, last);
            int best = first;
            long bestTime = k[2 * first];
            long bestSequence = k[2 * first + 1];
            for (int child = first + 1; child < end; child++) {
                long childTime = k[2 * child];
                if (childTime < bestTime || childTime == bestTime && k[2 * child + 1] < bestSequence) {
                    best = child;
                    bestTime = childTime;
                    bestSequence = k[2 * child + 1];
                }
            }
            if (timeBits < bestTime || timeBits == bestTime && sequence < bestSequence) {
                break;
            }
            k[2 * index] = bestTime;
            k[2 * index + 1] = bestSequence;
            handles[index] = handles[best];
            index = best;
        }
        k[2 * index] = timeBits;
        k[2 * index + 1] = sequence;
        handles[index] = handle;
    }

    private void grow() {
        int capacity = handles.length * 2;
        if (capacity < 0 || 2 * capacity < 0) {
            throw new IllegalStateException("the event calendar is full");
        }
        keys = Arrays.copyOf(keys, 2 * capacity);
        handles = Arrays.copyOf(handles, capacity);
    }
}
