package io.radiolink.protocol;

import java.util.BitSet;

/**
 * The receiving half of the ARQ: records which frames arrived, so the owner acknowledges each
 * arrival (duplicates too, since the earlier acknowledgement may have been lost) and knows when the
 * transfer is whole. The number of frames may become known after the first frames arrived.
 */
final class ArqReceiver {

    private final BitSet received = new BitSet();
    private int expectedFrames = -1;

    ArqReceiver() {}

    ArqReceiver(int expectedFrames) {
        this.expectedFrames = expectedFrames;
    }

    void expect(int frames) {
        this.expectedFrames = frames;
    }

    /** Records frame {@code sequence}; returns true if it had not arrived before. */
    boolean receive(int sequence) {
        if (received.get(sequence)) {
            return false;
        }
        received.set(sequence);
        return true;
    }

    boolean isComplete() {
        return expectedFrames >= 0 && received.cardinality() == expectedFrames
                && received.nextSetBit(expectedFrames) < 0;
    }
}
