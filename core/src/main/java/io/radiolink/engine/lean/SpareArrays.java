package io.radiolink.engine.lean;

import java.util.Arrays;

/**
 * The lean calendar's bucket arrays not in use, kept for the next bucket that needs room: a split
 * empties one bucket while filling lower ones, so the same arrays serve over and over instead of
 * every bucket keeping its peak capacity. Arrays come in pairs (times and slots of equal length) and in
 * size classes: class c has length 2^c - {@value #LENGTH_SLACK}, never a power of two, so that an
 * array's 16-byte header keeps a large array within a power-of-two number of bytes (G1 would give an
 * array of exactly 4 MiB of elements, a region-aligned "humongous" object, a third 2 MiB region for
 * its header alone).
 */
final class SpareArrays {

    private static final int LENGTH_SLACK = 4;
    /** The largest class plus one: lengths stay below {@link Integer#MAX_VALUE}. */
    static final int CLASSES = Integer.SIZE - 1;

    /** Each class's pairs, a stack of {@code counts[c]}. */
    private final long[][][] times = new long[CLASSES][][];
    private final int[][][] slots = new int[CLASSES][][];
    private final int[] counts = new int[CLASSES];
    /** Bit c is set while class c has spares. */
    private int classes;
    /** Room for entries held here. */
    private long room;
    private int taken;

    /** The array length of a size class: 2^sizeClass - {@value #LENGTH_SLACK}. */
    static int lengthOf(int sizeClass) {
        return (1 << sizeClass) - LENGTH_SLACK;
    }

    /** The size class of an array made by {@link #lengthOf}. */
    static int sizeClassOf(int length) {
        return Integer.numberOfTrailingZeros(length + LENGTH_SLACK);
    }

    /**
     * Gives bucket {@code bucket} of the tables the smallest spare pair of at least {@code sizeClass}.
     *
     * @return false if there is none (the tables are unchanged)
     */
    boolean takeInto(int sizeClass, long[][] bucketTimes, int[][] bucketSlots, int bucket) {
        int larger = classes >>> sizeClass;
        if (larger == 0) {
            return false;
        }
        int found = sizeClass + Integer.numberOfTrailingZeros(larger);
        int top = --counts[found];
        if (top == 0) {
            classes &= ~(1 << found);
        }
        bucketTimes[bucket] = times[found][top];
        bucketSlots[bucket] = slots[found][top];
        times[found][top] = null;
        slots[found][top] = null;
        room -= lengthOf(found);
        taken++;
        return true;
    }

    /**
     * Keeps a pair, unless the spares would then hold room for more than {@code limit} entries (the
     * pair is then left to the collector).
     */
    void keep(long[] pairTimes, int[] pairSlots, long limit) {
        if (room + pairTimes.length > limit) {
            return;
        }
        int sizeClass = sizeClassOf(pairTimes.length);
        int count = counts[sizeClass];
        if (times[sizeClass] == null) {
            times[sizeClass] = new long[4][];
            slots[sizeClass] = new int[4][];
        } else if (count == times[sizeClass].length) {
            times[sizeClass] = Arrays.copyOf(times[sizeClass], 2 * count);
            slots[sizeClass] = Arrays.copyOf(slots[sizeClass], 2 * count);
        }
        times[sizeClass][count] = pairTimes;
        slots[sizeClass][count] = pairSlots;
        counts[sizeClass] = count + 1;
        classes |= 1 << sizeClass;
        room += pairTimes.length;
    }

    /** How often a pair was taken (for tests). */
    int taken() {
        return taken;
    }
}
