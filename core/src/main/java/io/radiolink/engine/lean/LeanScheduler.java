package io.radiolink.engine.lean;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lean engine's event calendar: a 4-ary min-heap ordered by (time, scheduling sequence) whose
 * entries are two primitive longs, so that sifting neither touches the actions nor stores references
 * (no garbage-collector barriers on the hot path). The actions sit in a slab indexed by a slot that an
 * entry carries in the low bits of its sequence key, so running an event reads one slab element. The
 * {@link ScheduledAction} handed out names the slot and the slot's generation (a slot is reused once its
 * entry left the heap); nothing keeps it, so it dies young unless its caller keeps it. Cancelling clears
 * the slab element; the entry leaves the heap when it reaches the top (model timers are cancelled near
 * their due time, so dead entries stay few). Single-threaded, like every scheduler of one run.
 */
public final class LeanScheduler implements Scheduler {

    private static final int INITIAL_CAPACITY = 64;
    /** Bits of a sequence key that hold the slot; the rest hold the scheduling sequence. */
    private static final int SLOT_BITS = 28;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Sequences run below this; reaching it renumbers the pending entries from 0 (order kept). */
    private static final long SEQUENCE_LIMIT = 1L << (63 - SLOT_BITS);

    private final long sequenceLimit;

    /**
     * The heap, two longs per entry: the time's IEEE bits (for times >= +0.0 they order as the times do)
     * and {@code sequence << SLOT_BITS | slot}, which orders as the sequence does. Interleaved, a node's
     * four children's keys are 64 contiguous bytes.
     */
    private long[] keys = new long[2 * INITIAL_CAPACITY];
    private int size;
    /** The action of each slot in use, null once it ran or was cancelled; free slots are on {@code freeSlots}. */
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    /** Each slot's generation: how often its occupant left the heap; a handle matches only its own. */
    private long[] generations = new long[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;
    /** Cancelled entries still in the heap. */
    private int deadEntries;
    /** How often the heap was compacted and its sequences renumbered (for tests). */
    private int compactions;
    private int renumberings;
    private long nextSequence;
    private double now;
    private long actionsExecuted;
    private double lastActionTimeSeconds;

    /** An empty calendar at time 0, for {@link LeanEngine} and for benchmarks driving it directly. */
    public LeanScheduler() {
        this(SEQUENCE_LIMIT);
    }

    /** A calendar that renumbers its sequences when they reach {@code sequenceLimit} (tests use a small one). */
    LeanScheduler(long sequenceLimit) {
        this.sequenceLimit = Math.min(sequenceLimit, SEQUENCE_LIMIT);
    }

    /** A scheduled action: its slot and that slot's generation when it was scheduled. */
    private static final class Handle implements ScheduledAction {
        private final LeanScheduler scheduler;
        private final int slot;
        private final long generation;

        Handle(LeanScheduler scheduler, int slot, long generation) {
            this.scheduler = scheduler;
            this.slot = slot;
            this.generation = generation;
        }

        @Override
        public boolean cancel() {
            return scheduler.cancel(slot, generation);
        }
    }

    private boolean cancel(int slot, long generation) {
        if (generations[slot] != generation || actions[slot] == null) {
            return false; // ran, already cancelled, or running now
        }
        actions[slot] = null;
        if (++deadEntries > size / 2 && size >= COMPACTION_THRESHOLD) {
            compact();
        }
        return true;
    }

    /** Heaps smaller than this are never compacted. */
    private static final int COMPACTION_THRESHOLD = 64;

    /**
     * Drops the cancelled entries once they are more than half the heap (timers cancelled long before
     * they are due: a retransmission timer per data frame, cancelled by its acknowledgement), and
     * rebuilds the heap from the rest; keys are unchanged, so the order is too. Amortized over the
     * cancellations, this costs O(1) each and keeps the heap within twice the live actions.
     */
    private void compact() {
        long[] k = keys;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = (int) (k[2 * i + 1] & SLOT_MASK);
            if (actions[slot] == null) {
                generations[slot]++;
                freeSlots[freeCount++] = slot;
            } else {
                k[2 * kept] = k[2 * i];
                k[2 * kept + 1] = k[2 * i + 1];
                kept++;
            }
        }
        size = kept;
        deadEntries = 0;
        compactions++;
        for (int i = (size - 2) >>> 2; i >= 0 && size > 1; i--) {
            siftDown(i, k[2 * i], k[2 * i + 1]);
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
        // + 0.0 turns -0.0 into 0.0, as the DSOL engine does (and keeps the time bits non-negative).
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
            runTop();
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
            if (runTop()) {
                return true;
            }
        }
        return false;
    }

    /** Entries in the calendar, cancelled ones not yet removed included. */
    public int pendingEntries() {
        return size;
    }

    int compactions() {
        return compactions;
    }

    int renumberings() {
        return renumberings;
    }

    /** Takes the top entry off and runs its action unless it was cancelled; true if it ran. */
    private boolean runTop() {
        double time = Double.longBitsToDouble(keys[0]);
        int slot = (int) (keys[1] & SLOT_MASK);
        removeTop();
        Runnable action = actions[slot];
        // The slot's handles expire here rather than when it is taken again: both loads then miss the
        // cache together (the slot was last touched when this event was scheduled), and the next push,
        // which takes this slot from the free stack, finds its generation in the cache.
        generations[slot]++;
        freeSlots[freeCount++] = slot;
        if (action == null) {
            deadEntries--;
            return false; // cancelled
        }
        actions[slot] = null;
        now = time;
        actionsExecuted++;
        lastActionTimeSeconds = time;
        action.run();
        return true;
    }

    private Handle push(double time, Runnable action) {
        if (size == actions.length) {
            grow();
        }
        if (nextSequence == sequenceLimit) {
            renumber();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsed++;
        actions[slot] = action;
        Handle handle = new Handle(this, slot, generations[slot]);
        long timeBits = Double.doubleToRawLongBits(time);
        long sequenceKey = nextSequence++ << SLOT_BITS | slot;
        int index = size++;
        long[] k = keys;
        // Sift up: move parents down until the new key's place is found.
        while (index > 0) {
            int parent = (index - 1) >>> 2;
            long parentTime = k[2 * parent];
            if (parentTime < timeBits || parentTime == timeBits && k[2 * parent + 1] < sequenceKey) {
                break;
            }
            k[2 * index] = parentTime;
            k[2 * index + 1] = k[2 * parent + 1];
            index = parent;
        }
        k[2 * index] = timeBits;
        k[2 * index + 1] = sequenceKey;
        return handle;
    }

    private void removeTop() {
        int last = --size;
        long[] k = keys;
        if (last > 0) {
            siftDown(0, k[2 * last], k[2 * last + 1]);
        }
    }

    /** Places the entry (timeBits, sequenceKey) at {@code index} or below it, moving smaller children up. */
    private void siftDown(int index, long timeBits, long sequenceKey) {
        long[] k = keys;
        int last = size;
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
            if (timeBits < bestTime || timeBits == bestTime && sequenceKey < bestSequence) {
                break;
            }
            k[2 * index] = bestTime;
            k[2 * index + 1] = bestSequence;
            index = best;
        }
        k[2 * index] = timeBits;
        k[2 * index + 1] = sequenceKey;
    }

    /**
     * Gives the pending entries new sequences 0, 1, ... in their (time, sequence) order, once in about
     * 3.4e10 schedulings: the order, and so every result, stays as it was.
     */
    private void renumber() {
        long[] sorted = new long[2 * size];
        int count = 0;
        int savedSize = size;
        long[] k = keys;
        while (size > 0) {
            sorted[2 * count] = k[0];
            sorted[2 * count + 1] = k[1];
            count++;
            removeTop();
        }
        // Sorted entries form a valid heap as they are; keep their slots, renumber their sequences.
        for (int i = 0; i < count; i++) {
            k[2 * i] = sorted[2 * i];
            k[2 * i + 1] = (long) i << SLOT_BITS | (sorted[2 * i + 1] & SLOT_MASK);
        }
        size = savedSize;
        nextSequence = count;
        renumberings++;
    }

    private void grow() {
        int capacity = actions.length * 2;
        if (capacity > 1 << SLOT_BITS) {
            throw new IllegalStateException("more than " + (1 << SLOT_BITS) + " actions pending");
        }
        keys = Arrays.copyOf(keys, 2 * capacity);
        actions = Arrays.copyOf(actions, capacity);
        generations = Arrays.copyOf(generations, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
