package io.radiolink.protocol.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.UserData;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two halves of the transfer both ends use, run against each other over a scripted channel (each
 * direction 1 ms, nothing else in the way): the sender's rounds and counts, the receiver's verdicts and
 * repair requests.
 */
final class TransferTest {

    /** 100-byte payloads, 10-byte headers. */
    private static final LinkConfig LINK = new LinkConfig(100_000, 0.01, 100, 10, 10, NoLoss.INSTANCE);
    private static final ArqConfig ARQ = ArqConfig.selectiveRepeat(4, 0.05, 3);
    /** 1,000 bytes in 250-byte chunks: 4 chunks of 3 frames (100 + 100 + 50 bytes). */
    private static final long SIZE = 1_000;
    private static final ChunkConfig CHUNKS = ChunkConfig.of(250, 2);
    private static final UserData DATA = UserData.synthetic(SIZE, 1, 7);

    /** A sender and a receiver wired by a channel that loses or damages the first copy of chosen frames. */
    private static final class Pair {
        final Set<Integer> loseOnce = new HashSet<>();
        final Set<Integer> damageOnce = new HashSet<>();
        final List<String> outcomes = new ArrayList<>();
        final TransferReceiver receiver;
        TransferSender sender;

        Pair(Framing framing) {
            receiver = new TransferReceiver(framing, CHUNKS.repairRounds());
        }

        void wire(Scheduler scheduler, Framing framing) {
            sender = new TransferSender(scheduler, ARQ, framing, (bytes, frame, departure) -> {
                if (!loseOnce.remove(frame.sequence())) {
                    boolean damaged = damageOnce.remove(frame.sequence());
                    scheduler.post(0.001, () -> {
                        Ack ack = receiver.receive(frame, damaged);
                        scheduler.post(0.001, () -> sender.acknowledge(ack));
                    });
                }
                departure.departed(frame, scheduler.nowSeconds());
            }, new RecordedOutcomes(outcomes));
        }
    }

    private static Framing framing() {
        return new Framing(LINK, SIZE, CHUNKS);
    }

    @Test
    void send_aFrameLostOnce_retransmittedThenTheObjectVerifies() {
        Framing framing = framing();
        Pair pair = new Pair(framing);
        pair.loseOnce.add(4);
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            pair.wire(scheduler, framing);
            pair.sender.startAt(0);
        });

        assertEquals(List.of("acknowledged"), pair.outcomes);
        assertEquals(TransferReceiver.Verdict.VERIFIED, pair.receiver.check(DATA));
        // 12 frames once, frame 4 (the second of chunk 1, 100 payload bytes) twice.
        assertEquals(new TransferCounts(13, 1, SIZE + 100), pair.sender.counts());
        assertFalse(pair.sender.awaitingAcknowledgements());
    }

    @Test
    void check_damagedChunk_repairRoundResendsItsFramesThenVerifies() {
        Framing framing = framing();
        Pair pair = new Pair(framing);
        pair.damageOnce.add(7); // chunk 2 (frames 6-8)
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            pair.wire(scheduler, framing);
            pair.sender.startAt(0);
            scheduler.schedule(1.0, () -> {
                assertEquals(TransferReceiver.Verdict.REPAIR, pair.receiver.check(DATA));
                RepairRequest repair = pair.receiver.repairRequest();
                assertEquals(1, repair.round());
                assertEquals(BitSet.valueOf(new long[] {0b100}), repair.chunks());
                assertTrue(pair.sender.isNextRound(repair));
                pair.sender.repair(repair);
                assertFalse(pair.sender.isNextRound(repair), "a repeated request for a started round is a duplicate");
            });
        });

        assertEquals(List.of("acknowledged", "acknowledged"), pair.outcomes, "round 0, then round 1");
        assertEquals(TransferReceiver.Verdict.VERIFIED, pair.receiver.check(DATA));
        // 12 frames, then chunk 2's three (100 + 100 + 50 bytes) again; a repair round is no retransmission.
        assertEquals(new TransferCounts(15, 0, SIZE + 250), pair.sender.counts());
    }

    @Test
    void check_damageWithNoRepairRoundLeft_isDamaged() {
        Framing framing = new Framing(LINK, SIZE, ChunkConfig.of(250, 0));
        TransferReceiver receiver = new TransferReceiver(framing, 0);
        for (int frame = 0; frame < framing.frames(); frame++) {
            receiver.receive(DataFrame.of(frame, 0), frame == 2);
        }
        assertEquals(TransferReceiver.Verdict.DAMAGED, receiver.check(DATA));
        assertNull(receiver.repairRequest());
    }

    @Test
    void check_framesMissing_isIncomplete_andAnUnannouncedObjectTooUntilExpected() {
        TransferReceiver early = new TransferReceiver(CHUNKS.repairRounds());
        Ack ack = early.receive(DataFrame.of(0, 0), false);
        assertEquals(Ack.of(0, 0), ack, "a frame that came before the response is acknowledged");
        assertEquals(TransferReceiver.Verdict.INCOMPLETE, early.check(DATA));
        Framing framing = framing();
        early.expect(framing);
        for (int frame = 1; frame < framing.frames(); frame++) {
            early.receive(DataFrame.of(frame, 0), false);
        }
        assertEquals(TransferReceiver.Verdict.VERIFIED, early.check(DATA), "the early frame counts");
    }

    @Test
    void repair_ofARoundThatIsNotTheNext_isRefused() {
        Framing framing = framing();
        Pair pair = new Pair(framing);
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            pair.wire(scheduler, framing);
            pair.sender.startAt(0);
        });
        RepairRequest skipping = new RepairRequest(2, BitSet.valueOf(new long[] {1}));
        assertFalse(pair.sender.isNextRound(skipping));
        assertThrows(IllegalArgumentException.class, () -> pair.sender.repair(skipping));
    }

    @Test
    void carryVerifiedPrefix_keepsWholeChunksOnly_forTheNextConnection() {
        Framing framing = framing();
        TransferReceiver first = new TransferReceiver(framing, CHUNKS.repairRounds());
        for (int frame = 0; frame < 5; frame++) {
            first.receive(DataFrame.of(frame, 0), false);
        }
        assertEquals(3, first.verifiedPrefixFrames(), "chunk 0 whole; chunk 1 not yet");
        TransferReceiver carried = first.carryVerifiedPrefix();
        TransferReceiver next = new TransferReceiver(framing, CHUNKS.repairRounds());
        next.adoptPrefix(carried, 3);
        for (int frame = 3; frame < framing.frames(); frame++) {
            next.receive(DataFrame.of(frame, 0), false);
        }
        assertEquals(TransferReceiver.Verdict.VERIFIED, next.check(DATA));
    }
}
