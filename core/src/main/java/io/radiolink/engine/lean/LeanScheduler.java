package io.radiolink.engine.lean;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lean engine's event calendar: a radix heap over the times' IEEE bits. Simulation time never goes
 * back, so every new time is at least the last one taken off, which is all a radix heap needs: entry
 * keys sit in 65 buckets by the highest bit in which they differ from that last key, an insertion is an
 * append, and taking the minimum scans and splits only the lowest non-empty bucket into lower ones. Each
 * entry moves down a few buckets in its life, in sequential passes over primitive arrays: far fewer
 * cache misses than a heap's sifting. Entries with equal times keep the order they were scheduled in
 * (appends and splits preserve order), the tie rule of every engine.
 *
 * <p>An entry is its time's bits and a slot in a slab of actions; the {@link ScheduledAction} handed
 * out names the slot and the slot's generation (a slot is reused once its entry left the calendar), and
 * nothing keeps it, so it dies young unless its caller keeps it. Cancelling clears the slab element;
 * the entry leaves when taken off, or by a compaction once cancelled entries are more than half.
 * Single-threaded, like every scheduler of one run.
 */
public final class LeanScheduler implements Scheduler {

    private static final int BUCKETS = 65;
    private static final int INITIAL_CAPACITY = 16;
    /** Buckets with more room than this, and than the calendar's size, give it back when emptied. */
    private static final int LARGE_BUCKET = 4_096;
    /** Calendars smaller than this are never compacted. */
    private static final int COMPACTION_THRESHOLD = 64;

    /**
     * Bucket b's entries: time bits and slots, in insertion order; bucket 0 is read from its head. A
     * bucket's arrays are made when it first gets an entry (a run costs nothing for buckets it never
     * uses).
     */
    private final long[][] bucketTimes = new long[BUCKETS][];
    private final int[][] bucketSlots = new int[BUCKETS][];
    private final int[] bucketSizes = new int[BUCKETS];
    private int head;
    /** Bit b - 1 is set while bucket b (1 to 64) holds entries. */
    private long occupied;
    /** The time bits of the entry last taken off (bucket 0 holds entries equal to it). */
    private long last;
    private int size;

    /** The action of each slot in use, null once it ran or was cancelled; free slots are on {@code freeSlots}. */
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    /** Each slot's generation: how often its occupant left the calendar; a handle matches only its own. */
    private long[] generations = new long[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;
    /** Cancelled entries still in the calendar. */
    private int deadEntries;
    /** How often cancelled entries were compacted away (for tests). */
    private int compactions;
    private double now;
    private long actionsExecuted;
    private double lastActionTimeSeconds;

    /** An empty calendar at time 0, for {@link LeanEngine} and for benchmarks driving it directly. */
    public LeanScheduler() {}

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

    @Override
    public double nowSeconds() {
        return now;
    }

    @Override
    public ScheduledAction schedule(double delaySeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!(delaySeconds >= 0.0) || delaySeconds == Double.POSITIVE_INFINITY) {
            throw badDelay(delaySeconds);
        }
        double timeSeconds = now + delaySeconds;
        if (timeSeconds == Double.POSITIVE_INFINITY) {
            throw badDelay(delaySeconds);
        }
        int slot = push(timeSeconds, action);
        // Made here, in a method kept small (slow paths live elsewhere) so that callers inline it: a
        // handle the caller drops is then never allocated (escape analysis).
        return new Handle(this, slot, generations[slot]);
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!(timeSeconds >= now) || timeSeconds == Double.POSITIVE_INFINITY) {
            throw badTime(timeSeconds);
        }
        // + 0.0 turns -0.0 into 0.0, as the DSOL engine does (and keeps the time bits non-negative).
        int slot = push(timeSeconds + 0.0, action);
        return new Handle(this, slot, generations[slot]);
    }

    private IllegalArgumentException badDelay(double delaySeconds) {
        if (!(delaySeconds >= 0.0) || delaySeconds == Double.POSITIVE_INFINITY) {
            return new IllegalArgumentException("delaySeconds must be finite and not negative, got " + delaySeconds);
        }
        return new IllegalArgumentException("now (" + now + " s) + delaySeconds (" + delaySeconds
                + " s) overflows to infinity");
    }

    private IllegalArgumentException badTime(double timeSeconds) {
        if (!Double.isFinite(timeSeconds)) {
            return new IllegalArgumentException("timeSeconds must be finite, got " + timeSeconds);
        }
        return new IllegalArgumentException("timeSeconds " + timeSeconds + " lies before the current time " + now);
    }

    /**
     * Runs every pending action due at or before {@code endTimeSeconds} in (time, scheduling order),
     * including those they schedule; pending actions due later stay. An exception from an action
     * reaches the caller, and the calendar is then left as it was after that action was taken off.
     *
     * @param endTimeSeconds {@link Double#POSITIVE_INFINITY} runs until no action is left
     * @return the actions run by this calendar so far and the time of the last one
     */
    public RunSummary runUntil(double endTimeSeconds) {
        while (size > 0) {
            if (bucketSizes[0] == head) {
                // Split only if the minimum is due: a split makes it the last key, which later times
                // scheduled before it (after this call returns) must not fall below.
                long minimum = lowestBucketMinimum();
                if (Double.longBitsToDouble(minimum) > endTimeSeconds) {
                    break;
                }
                split(minimum);
            } else if (Double.longBitsToDouble(last) > endTimeSeconds) {
                break;
            }
            runNext();
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
            if (runNext()) {
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

    /** The smallest time's bits in the lowest non-empty bucket above bucket 0 (there must be one). */
    private long lowestBucketMinimum() {
        int bucket = 1 + Long.numberOfTrailingZeros(occupied);
        long[] times = bucketTimes[bucket];
        long minimum = times[0];
        for (int i = 1, n = bucketSizes[bucket]; i < n; i++) {
            minimum = Math.min(minimum, times[i]);
        }
        return minimum;
    }

    /** Takes the next entry off and runs its action unless it was cancelled; true if it ran. */
    private boolean runNext() {
        if (bucketSizes[0] == head) {
            split(lowestBucketMinimum());
        }
        int slot = bucketSlots[0][head++];
        if (head == bucketSizes[0]) {
            head = 0;
            bucketSizes[0] = 0;
        }
        size--;
        // Taking an entry off sets the clock, cancelled or not: every later time is at least this one.
        now = Double.longBitsToDouble(last);
        Runnable action = actions[slot];
        generations[slot]++;
        freeSlots[freeCount++] = slot;
        if (action == null) {
            deadEntries--;
            return false;
        }
        actions[slot] = null;
        actionsExecuted++;
        lastActionTimeSeconds = now;
        action.run();
        return true;
    }

    /**
     * With bucket 0 empty: makes {@code minimum}, the smallest time of the lowest non-empty bucket, the
     * last key and spreads that bucket over the buckets below it, in order, its minima landing in bucket 0.
     */
    private void split(long minimum) {
        int bucket = 1 + Long.numberOfTrailingZeros(occupied);
        long[] times = bucketTimes[bucket];
        int[] slots = bucketSlots[bucket];
        int n = bucketSizes[bucket];
        last = minimum;
        bucketSizes[bucket] = 0;
        occupied &= ~(1L << (bucket - 1));
        for (int i = 0; i < n; i++) {
            append(times[i], slots[i]);
        }
        if (times.length > LARGE_BUCKET && times.length > size) {
            // A bucket larger than the whole calendar just emptied (the one that took a bulk of
            // entries scheduled far ahead, say): give its arrays back rather than keep every bucket's
            // peak capacity.
            bucketTimes[bucket] = null;
            bucketSlots[bucket] = null;
        }
    }

    /** Enters {@code action} at {@code time} and returns its slot. */
    private int push(double time, Runnable action) {
        int slot = takeSlot();
        actions[slot] = action;
        append(Double.doubleToRawLongBits(time), slot);
        size++;
        return slot;
    }

    /** Appends an entry to the bucket its difference from the last key says. */
    private void append(long timeBits, int slot) {
        int bucket = 64 - Long.numberOfLeadingZeros(timeBits ^ last);
        int n = bucketSizes[bucket];
        if (bucketTimes[bucket] == null || n == bucketTimes[bucket].length) {
            growBucket(bucket);
        }
        bucketTimes[bucket][n] = timeBits;
        bucketSlots[bucket][n] = slot;
        bucketSizes[bucket] = n + 1;
        if (bucket > 0) {
            occupied |= 1L << (bucket - 1);
        }
    }

    private void growBucket(int bucket) {
        if (bucketTimes[bucket] == null) {
            bucketTimes[bucket] = new long[INITIAL_CAPACITY];
            bucketSlots[bucket] = new int[INITIAL_CAPACITY];
            return;
        }
        int capacity = 2 * bucketTimes[bucket].length;
        if (capacity < 0) {
            throw new IllegalStateException("the event calendar is full");
        }
        bucketTimes[bucket] = Arrays.copyOf(bucketTimes[bucket], capacity);
        bucketSlots[bucket] = Arrays.copyOf(bucketSlots[bucket], capacity);
    }

    private int takeSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == actions.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    private void growSlots() {
        int capacity = 2 * actions.length;
        if (capacity < 0) {
            throw new IllegalStateException("the event calendar is full");
        }
        actions = Arrays.copyOf(actions, capacity);
        generations = Arrays.copyOf(generations, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    /**
     * Drops the cancelled entries once they are more than half the calendar (timers cancelled long
     * before they are due: a retransmission timer per data frame, cancelled by its acknowledgement),
     * keeping every bucket's order. Amortized over the cancellations, this costs O(1) each.
     */
    private void compact() {
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long[] times = bucketTimes[bucket];
            int[] slots = bucketSlots[bucket];
            int from = bucket == 0 ? head : 0;
            int kept = 0;
            for (int i = from, n = bucketSizes[bucket]; i < n; i++) {
                int slot = slots[i];
                if (actions[slot] == null) {
                    generations[slot]++;
                    freeSlots[freeCount++] = slot;
                } else {
                    times[kept] = times[i];
                    slots[kept] = slot;
                    kept++;
                }
            }
            bucketSizes[bucket] = kept;
            if (bucket == 0) {
                head = 0;
            } else if (kept == 0) {
                occupied &= ~(1L << (bucket - 1));
            }
        }
        size -= deadEntries;
        deadEntries = 0;
        compactions++;
    }
}
