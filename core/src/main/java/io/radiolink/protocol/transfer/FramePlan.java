package io.radiolink.protocol.transfer;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The frames one ARQ round sends, in order: disjoint, increasing ranges of frame numbers. The first
 * pass of a transfer is one range (from the resumed offset to the end); a repair round is the frames of
 * the chunks to repair.
 */
final class FramePlan {

    private final int[] starts;
    private final int[] ends;
    /** {@code offsets[i]}: the plan index of {@code starts[i]}. */
    private final int[] offsets;
    private final int size;

    private FramePlan(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
        this.offsets = new int[starts.length];
        int total = 0;
        for (int i = 0; i < starts.length; i++) {
            offsets[i] = total;
            total += ends[i] - starts[i];
        }
        this.size = total;
    }

    /** Frames {@code from .. to - 1}; empty if {@code from >= to}. */
    static FramePlan range(int from, int to) {
        return from >= to ? new FramePlan(new int[0], new int[0]) : new FramePlan(new int[] {from}, new int[] {to});
    }

    /** The frames of {@code chunks} under {@code framing}, adjacent chunks merged into one range. */
    static FramePlan chunks(BitSet chunks, Framing framing) {
        int[] starts = new int[chunks.cardinality()];
        int[] ends = new int[starts.length];
        int ranges = 0;
        for (int chunk = chunks.nextSetBit(0); chunk >= 0; chunk = chunks.nextSetBit(chunk + 1)) {
            int first = framing.firstFrame(chunk);
            if (ranges > 0 && ends[ranges - 1] == first) {
                ends[ranges - 1] = framing.endFrame(chunk);
            } else {
                starts[ranges] = first;
                ends[ranges] = framing.endFrame(chunk);
                ranges++;
            }
        }
        return new FramePlan(Arrays.copyOf(starts, ranges), Arrays.copyOf(ends, ranges));
    }

    /** The number of frames in the plan. */
    int size() {
        return size;
    }

    /** The frame number at plan index {@code index}. */
    int frame(int index) {
        int range = rangeOfIndex(index);
        return starts[range] + index - offsets[range];
    }

    /** The plan index of frame {@code frame}, or -1 if the plan does not hold it. */
    int indexOf(int frame) {
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (frame < starts[mid]) {
                high = mid - 1;
            } else if (frame >= ends[mid]) {
                low = mid + 1;
            } else {
                return offsets[mid] + frame - starts[mid];
            }
        }
        return -1;
    }

    private int rangeOfIndex(int index) {
        int low = 0;
        int high = offsets.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (offsets[mid] <= index) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
