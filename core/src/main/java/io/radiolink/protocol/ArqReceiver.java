package io.radiolink.protocol;

import java.util.BitSet;

/**
 * The receiving half of the ARQ: records which frames arrived, so the owner acknowledges each
 * arrival (duplicates too, since the earlier acknowledgement may have been lost) and knows when the
 * transfer is whole. The number of frames may become known after the first frames arrived.
 */
final class ArqReceiver {

    private final BitSet received = new BitSet();
    private final BitSet damaged = new BitSet();
    private int expectedFrames = -1;

    ArqReceiver() {}

    ArqReceiver(int expectedFrames) {
        this.expectedFrames = expectedFrames;
    }

    void expect(int frames) {
        this.expectedFrames = frames;
    }

    /**
     * Records frame {@code sequence}, {@code corrupted} if its damage slipped through the frame check;
     * the first copy of a frame is the one kept. Returns true if it had not arrived before.
     */
    boolean receive(int sequence, boolean corrupted) {
        if (received.get(sequence)) {
            return false;
        }
        received.set(sequence);
        if (corrupted) {
            damaged.set(sequence);
        }
        return true;
    }

    /** True if a kept frame carries undetected damage: the object's digest will not match. */
    boolean isDamaged() {
        return !damaged.isEmpty();
    }

    boolean isComplete() {
        return expectedFrames >= 0 && received.cardinality() == expectedFrames
                && received.nextSetBit(expectedFrames) < 0;
    }
}
