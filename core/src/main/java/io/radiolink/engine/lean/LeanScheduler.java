package io.radiolink.engine.lean;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lean engine's event calendar: a radix heap over the times' IEEE bits. Simulation time never goes
 * back, so every new time is at least the last one taken off, which is all a radix heap needs. The 64
 * key bits form 16 four-bit digits; an entry sits in the bucket named by the highest digit in which its
 * key differs from that last key and by its own value of that digit (16 × 16 buckets, plus bucket 0 for
 * keys equal to the last). Bucket order is key order, an insertion is an append, and taking the minimum
 * splits only the lowest non-empty bucket into lower ones: each entry moves down a few buckets in its
 * life (about 5.6 moves per event with a million pending, against 10.7 with one bit per level), in
 * sequential passes over primitive arrays, far fewer cache misses than a heap's sifting. Entries with
 * equal times keep the order they were scheduled in (appends and splits preserve order), the tie rule
 * of every engine.
 *
 * <p>An entry is its time's bits and a slot in a slab of actions; the {@link ScheduledAction} handed
 * out names the slot and the slot's generation (a slot is reused once its entry left the calendar), and
 * nothing keeps it, so it dies young unless its caller keeps it; {@link #post} makes none. Cancelling
 * clears the slab element; the entry leaves when taken off, or by a compaction once cancelled entries
 * are more than half.
 *
 * <p>A slot keeps its last action after the entry ran, and the slot freed last is reused first: an
 * action scheduled again and again (the shared action of a link, a sender's timer, a hold model's
 * step) then finds itself in its slot and is entered without a reference store. Under G1 every
 * reference store into an old array costs a fenced write barrier and dirties a card for concurrent
 * refinement; in a hold model with a million pending, avoiding it saved over a quarter of the time
 * per event. What the slab still refers to after an action ran is bounded by the calendar's peak
 * size and goes with the calendar.
 *
 * <p>Single-threaded, like every scheduler of one run.
 */
public final class LeanScheduler implements Scheduler {

    /** Bits of a key digit; a bucket is a (digit position, digit value) pair. */
    private static final int DIGIT_BITS = 4;
    private static final int DIGIT_VALUES = 1 << DIGIT_BITS;
    private static final int BUCKETS = 1 + (Long.SIZE / DIGIT_BITS) * DIGIT_VALUES;
    /** Array lengths are those of {@link SpareArrays}' size classes, from this one on. */
    private static final int INITIAL_SIZE_CLASS = 4;
    private static final int INITIAL_CAPACITY = SpareArrays.lengthOf(INITIAL_SIZE_CLASS);
    /**
     * Buckets with more room than this give their arrays to the spares when a split empties them;
     * smaller ones keep theirs (so that a split, about one per event, rarely stores a reference).
     * Arrays a bucket outgrew always go to the spares.
     */
    private static final int SPARE_FROM = 252;
    /** Spares may always hold this many entries' room (768 KiB), more only in a calendar that large. */
    private static final int SPARE_ROOM = 1 << 16;
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
    /** Where bucket 0 is read from. */
    private int head;
    /**
     * Arrays of emptied and outgrown buckets, for the next bucket that needs room; they hold room for at
     * most as many entries as the calendar has, or {@link #SPARE_ROOM}.
     */
    private final SpareArrays spares = new SpareArrays();
    /** Bit b - 1 (of the words in order) is set while bucket b (1 to 256) holds entries. */
    private final long[] occupied = new long[(BUCKETS - 1) / Long.SIZE];
    /** The time bits of the entry last taken off (bucket 0 holds entries equal to it). */
    private long last;
    private int size;

    /**
     * The action of each slot: the pending entry's, null if it was cancelled; a free slot (on {@code
     * freeSlots}) keeps the action that ran last in it.
     */
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
            return false; // ran (the generation moved on), running now, or already cancelled
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
        int slot = push(timeAfter(delaySeconds), Objects.requireNonNull(action, "action"));
        // Made here, in a method kept small so that callers inline it: a handle the caller drops is
        // then usually not allocated (escape analysis), though the JIT does not promise it: callers
        // that never cancel post instead.
        return new Handle(this, slot, generations[slot]);
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        int slot = push(checkedTime(timeSeconds), Objects.requireNonNull(action, "action"));
        return new Handle(this, slot, generations[slot]);
    }

    @Override
    public void post(double delaySeconds, Runnable action) {
        push(timeAfter(delaySeconds), Objects.requireNonNull(action, "action"));
    }

    @Override
    public void postAt(double timeSeconds, Runnable action) {
        push(checkedTime(timeSeconds), Objects.requireNonNull(action, "action"));
    }

    private double timeAfter(double delaySeconds) {
        double timeSeconds = now + delaySeconds;
        if (!(delaySeconds >= 0.0) || timeSeconds == Double.POSITIVE_INFINITY) {
            throw badDelay(delaySeconds);
        }
        return timeSeconds;
    }

    /** The time, checked, with -0.0 made 0.0 as the DSOL engine does (time bits stay non-negative). */
    private double checkedTime(double timeSeconds) {
        if (!(timeSeconds >= now) || timeSeconds == Double.POSITIVE_INFINITY) {
            throw badTime(timeSeconds);
        }
        return timeSeconds + 0.0;
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
                int bucket = lowestOccupied();
                long minimum = minimumOf(bucket);
                if (Double.longBitsToDouble(minimum) > endTimeSeconds) {
                    break;
                }
                split(bucket, minimum);
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

    int sparesTaken() {
        return spares.taken();
    }

    /** The smallest time's bits in a non-empty bucket. */
    private long minimumOf(int bucket) {
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
            int bucket = lowestOccupied();
            split(bucket, minimumOf(bucket));
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
        actionsExecuted++;
        lastActionTimeSeconds = now;
        action.run();
        return true;
    }

    /**
     * With bucket 0 empty: makes {@code minimum}, the smallest time of {@code bucket} (the lowest
     * non-empty one), the last key and spreads that bucket over the buckets below it, in order, its
     * minima landing in bucket 0.
     */
    private void split(int bucket, long minimum) {
        long[] times = bucketTimes[bucket];
        int[] slots = bucketSlots[bucket];
        int n = bucketSizes[bucket];
        last = minimum;
        bucketSizes[bucket] = 0;
        vacate(bucket);
        for (int i = 0; i < n; i++) {
            append(times[i], slots[i]);
        }
        if (times.length > SPARE_FROM) {
            bucketTimes[bucket] = null;
            bucketSlots[bucket] = null;
            spares.keep(times, slots, spareLimit());
        }
    }

    /** Enters {@code action} at {@code time} and returns its slot. */
    private int push(double time, Runnable action) {
        int slot = takeSlot();
        if (actions[slot] != action) {
            actions[slot] = action; // only a new action costs a reference store (see the class comment)
        }
        append(Double.doubleToRawLongBits(time), slot);
        size++;
        return slot;
    }

    /** Appends an entry to the bucket its difference from the last key says. */
    private void append(long timeBits, int slot) {
        int bucket = bucketOf(timeBits);
        int n = bucketSizes[bucket];
        if (bucketTimes[bucket] == null || n == bucketTimes[bucket].length) {
            growBucket(bucket);
        }
        bucketTimes[bucket][n] = timeBits;
        bucketSlots[bucket][n] = slot;
        bucketSizes[bucket] = n + 1;
        if (bucket > 0) {
            occupied[(bucket - 1) >>> 6] |= 1L << (bucket - 1);
        }
    }

    /**
     * The bucket of a key at least the last one: 0 if equal, else 1 + 16 × (the highest digit position
     * where they differ) + (the key's digit there). Digits above that position are the last key's, and
     * the key's digit exceeds the last key's there, so a lower bucket means smaller keys.
     */
    private int bucketOf(long timeBits) {
        long difference = timeBits ^ last;
        if (difference == 0) {
            return 0;
        }
        int shift = (Long.SIZE - 1 - Long.numberOfLeadingZeros(difference)) & -DIGIT_BITS;
        return 1 + shift / DIGIT_BITS * DIGIT_VALUES + (int) ((timeBits >>> shift) & (DIGIT_VALUES - 1));
    }

    /** The lowest non-empty bucket above bucket 0 (there must be one). */
    private int lowestOccupied() {
        for (int word = 0; ; word++) {
            long bits = occupied[word];
            if (bits != 0) {
                return 1 + word * Long.SIZE + Long.numberOfTrailingZeros(bits);
            }
        }
    }

    private void vacate(int bucket) {
        occupied[(bucket - 1) >>> 6] &= ~(1L << (bucket - 1));
    }

    /** Gives a full bucket (or one not made yet) twice the room, from the spares if they have it. */
    private void growBucket(int bucket) {
        long[] times = bucketTimes[bucket];
        int[] slots = bucketSlots[bucket];
        int sizeClass = times == null ? INITIAL_SIZE_CLASS : SpareArrays.sizeClassOf(times.length) + 1;
        if (sizeClass == SpareArrays.CLASSES) {
            throw new IllegalStateException("the event calendar is full");
        }
        if (!spares.takeInto(sizeClass, bucketTimes, bucketSlots, bucket)) {
            bucketTimes[bucket] = new long[SpareArrays.lengthOf(sizeClass)];
            bucketSlots[bucket] = new int[SpareArrays.lengthOf(sizeClass)];
        }
        if (times != null) {
            System.arraycopy(times, 0, bucketTimes[bucket], 0, times.length);
            System.arraycopy(slots, 0, bucketSlots[bucket], 0, slots.length);
            spares.keep(times, slots, spareLimit());
        }
    }

    /** Room the spares may hold: as many entries as the calendar has, or {@value #SPARE_ROOM}. */
    private long spareLimit() {
        return Math.max(size, SPARE_ROOM);
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
        int sizeClass = SpareArrays.sizeClassOf(actions.length) + 1;
        int capacity = SpareArrays.lengthOf(sizeClass);
        if (sizeClass == SpareArrays.CLASSES) {
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
                vacate(bucket);
            }
        }
        size -= deadEntries;
        deadEntries = 0;
        compactions++;
    }
}
