package io.radiolink.protocol.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic under chunked and resumed transfers: how an object is cut into chunks and frames, the
 * frames a round sends, what a receiver may resume from, and the validation of the two configurations.
 */
final class TransferPlanningTest {

    /** 100-byte payloads, 10-byte headers. */
    private static final LinkConfig LINK = new LinkConfig(100_000, 0.01, 100, 10, 10, NoLoss.INSTANCE);

    @Test
    void framing_chunksFramedOnTheirOwn() {
        // 1,050 bytes in 250-byte chunks: 4 chunks of 250 (3 frames: 100 + 100 + 50) and one of 50.
        Framing framing = new Framing(LINK, 1_050, ChunkConfig.of(250, 0));
        assertEquals(5, framing.chunks());
        assertEquals(13, framing.frames());
        assertEquals(110, framing.frameBytes(0));
        assertEquals(60, framing.frameBytes(2));
        assertEquals(50, framing.payloadBytes(12));
        assertEquals(4, framing.chunkOf(12));
        assertEquals(9, framing.firstFrame(3));
        assertEquals(12, framing.endFrame(3));
        assertEquals(13, framing.endFrame(4));
        assertEquals(250, framing.bytesBefore(3));
        assertEquals(350, framing.bytesBefore(4));
        assertEquals(1_050, framing.bytesBefore(13));
        long total = 0;
        for (int frame = 0; frame < framing.frames(); frame++) {
            total += framing.payloadBytes(frame);
        }
        assertEquals(1_050, total);
    }

    @Test
    void framing_wholeObject_asTheLinkFramesIt() {
        Framing framing = new Framing(LINK, 1_050, ChunkConfig.WHOLE_OBJECT);
        assertEquals(1, framing.chunks());
        assertFalse(framing.chunkDigests());
        assertEquals(LINK.framesFor(1_050), framing.frames());
        for (int frame = 0; frame < framing.frames(); frame++) {
            assertEquals(LINK.dataFrameBytes(1_050, frame), framing.frameBytes(frame));
        }
        assertEquals(1, new Framing(LINK, 1, ChunkConfig.of(500, 0)).frames());
    }

    @Test
    void framePlan_mapsIndexesAndFrames_mergesAdjacentChunks() {
        Framing framing = new Framing(LINK, 1_050, ChunkConfig.of(250, 0));
        BitSet chunks = new BitSet();
        chunks.set(1);
        chunks.set(2);
        chunks.set(4);
        FramePlan plan = FramePlan.chunks(chunks, framing);
        assertEquals(7, plan.size());
        int[] frames = {3, 4, 5, 6, 7, 8, 12};
        for (int index = 0; index < frames.length; index++) {
            assertEquals(frames[index], plan.frame(index));
            assertEquals(index, plan.indexOf(frames[index]));
        }
        assertEquals(-1, plan.indexOf(2));
        assertEquals(-1, plan.indexOf(9));
        assertEquals(0, FramePlan.range(5, 5).size());
        assertEquals(-1, FramePlan.range(5, 5).indexOf(5));
        assertEquals(3, FramePlan.range(5, 9).indexOf(8));
    }

    @Test
    void receiver_verifiedPrefix_wholeChunksOnly_damageStopsIt() {
        Framing framing = new Framing(LINK, 1_050, ChunkConfig.of(250, 0));
        ArqReceiver receiver = new ArqReceiver(framing);
        for (int frame = 0; frame < 8; frame++) {
            receiver.receive(frame, frame == 4);
        }
        // Chunk 0 (frames 0-2) whole and clean; chunk 1 (3-5) damaged; chunk 2 (6-8) incomplete.
        assertEquals(3, receiver.verifiedPrefixFrames());
        BitSet failed = receiver.failedChunks();
        assertEquals(BitSet.valueOf(new long[] {0b10}), failed);
        receiver.discard(failed);
        assertTrue(receiver.receive(4, false), "a discarded frame is received again");
        assertEquals(3, receiver.verifiedPrefixFrames());
        receiver.keepPrefix(3);
        assertFalse(receiver.receive(2, false));
        assertTrue(receiver.receive(6, false), "frames past the kept prefix are gone");

        // Without chunk digests the prefix is the leading frames that arrived, damage unseen.
        ArqReceiver whole = new ArqReceiver(new Framing(LINK, 1_050, ChunkConfig.WHOLE_OBJECT));
        whole.receive(0, false);
        whole.receive(1, true);
        whole.receive(3, false);
        assertEquals(2, whole.verifiedPrefixFrames());
        assertTrue(whole.failedChunks().isEmpty());
        assertTrue(whole.isDamaged());
    }

    @Test
    void configurations_rejectOutOfRangeFields_namingThem() {
        assertEquals("chunkBytes must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> ChunkConfig.of(0, 1)).getMessage());
        assertEquals("repairRounds must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new ChunkConfig(100, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChunkConfig(-1, 0));
        assertEquals("attempts must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new ResumeConfig(0, 1, 2, 4, 0, true, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResumeConfig(2, -1, 2, 4, 0, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResumeConfig(2, Double.NaN, 2, 4, 0, true, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResumeConfig(2, 1, 0.5, 4, 0, true, 1))
                .getMessage().startsWith("backoffMultiplier"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResumeConfig(2, 5, 2, 4, 0, true, 1))
                .getMessage().startsWith("maxBackoffSeconds must be >= backoffSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResumeConfig(2, 1, 2, 4, 1.5, true, 1))
                .getMessage().startsWith("jitter"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new ResumeConfig(2, 1, 2, 4, 0, true, Double.POSITIVE_INFINITY)).getMessage()
                .startsWith("holdSeconds"));
        assertFalse(ResumeConfig.OFF.reconnects());
        assertFalse(ChunkConfig.WHOLE_OBJECT.enabled());
    }
}
