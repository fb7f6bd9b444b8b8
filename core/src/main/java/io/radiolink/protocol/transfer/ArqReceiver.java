package io.radiolink.protocol.transfer;

import io.radiolink.node.UserData;
import java.util.BitSet;

/**
 * The receiving half of the ARQ: records which frames arrived and which of them carry damage that
 * slipped through the frame check, so the owner acknowledges each arrival (duplicates too, since the
 * earlier acknowledgement may have been lost), knows when the object is whole, which chunks failed their
 * digest, and how long a verified prefix it holds for a resumed transfer. The framing may become known
 * after the first frames arrived (a download whose response was lost).
 */
final class ArqReceiver {

    private final BitSet received = new BitSet();
    private final BitSet damaged = new BitSet();
    private Framing framing;
    /** Frames in {@code received}, kept so that the per-frame completeness check costs O(1). */
    private int receivedCount;

    ArqReceiver() {}

    ArqReceiver(Framing framing) {
        this.framing = framing;
    }

    void expect(Framing expected) {
        this.framing = expected;
    }

    /**
     * Records frame {@code frame}, {@code corrupted} if its damage slipped through the frame check; the
     * first copy of a frame is the one kept. Returns true if it had not arrived before.
     */
    boolean receive(int frame, boolean corrupted) {
        if (received.get(frame)) {
            return false;
        }
        received.set(frame);
        receivedCount++;
        if (corrupted) {
            damaged.set(frame);
        }
        return true;
    }

    /** True if a kept frame carries undetected damage: the object's digest will not match. */
    boolean isDamaged() {
        return !damaged.isEmpty();
    }

    /** True once every frame of the object arrived. */
    boolean isComplete() {
        int frames = framing == null ? -1 : framing.frames();
        return frames >= 0 && receivedCount == frames && received.length() <= frames;
    }

    /** The chunks holding a damaged frame: their digests fail. Empty without chunk digests. */
    BitSet failedChunks() {
        BitSet chunks = new BitSet();
        if (framing.chunkDigests()) {
            for (int frame = damaged.nextSetBit(0); frame >= 0; frame = damaged.nextSetBit(frame + 1)) {
                chunks.set(framing.chunkOf(frame));
            }
        }
        return chunks;
    }

    /**
     * Once every frame is in: the chunks to ask for in repair round {@code round + 1} (failed ones,
     * whose frames are forgotten to be received again), or an empty set when none failed or
     * {@code repairRounds} rounds were used.
     */
    BitSet startRepair(int round, int repairRounds) {
        BitSet failed = failedChunks();
        if (failed.isEmpty() || round >= repairRounds) {
            return new BitSet();
        }
        discard(failed);
        return failed;
    }

    /** True if the whole object checks out: no kept frame damaged and {@code data}'s digest matches. */
    boolean verifies(UserData data) {
        return !isDamaged() && data.verifiesAgainst(data.digest());
    }

    /** Forgets every frame of {@code chunks}, to receive them again. */
    void discard(BitSet chunks) {
        for (int chunk = chunks.nextSetBit(0); chunk >= 0; chunk = chunks.nextSetBit(chunk + 1)) {
            received.clear(framing.firstFrame(chunk), framing.endFrame(chunk));
            damaged.clear(framing.firstFrame(chunk), framing.endFrame(chunk));
        }
        receivedCount = received.cardinality();
    }

    /**
     * The frames a resumed transfer need not send again: with chunk digests, the frames of the leading
     * chunks that arrived whole and verified; without, the leading frames that arrived.
     */
    int verifiedPrefixFrames() {
        int frames = framing.frames();
        int prefix = Math.min(received.nextClearBit(0), frames);
        if (!framing.chunkDigests()) {
            return prefix;
        }
        int firstDamaged = damaged.nextSetBit(0);
        if (firstDamaged >= 0 && firstDamaged < prefix) {
            prefix = firstDamaged;
        }
        if (prefix == frames) {
            return frames;
        }
        // Only whole chunks count: the chunk the prefix ends in has not been verified.
        return framing.firstFrame(framing.chunkOf(prefix));
    }

    /** Keeps only frames {@code 0 .. frames - 1}. */
    void keepPrefix(int frames) {
        received.clear(frames, Math.max(frames, received.length()));
        damaged.clear(frames, Math.max(frames, damaged.length()));
        receivedCount = received.cardinality();
    }

    /** Adds the frames {@code 0 .. frames - 1} that {@code earlier} holds, as they are there. */
    void adoptPrefix(ArqReceiver earlier, int frames) {
        BitSet heldReceived = earlier.received.get(0, frames);
        BitSet heldDamaged = earlier.damaged.get(0, frames);
        received.or(heldReceived);
        damaged.or(heldDamaged);
        receivedCount = received.cardinality();
    }
}
