package io.radiolink.backhaul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two relay modes worked out by hand on a backhaul of 1000 bit/s and 0.25 s: four pieces of 1000 bits
 * (1 s each on the backhaul) arrive from the air every {@code gap} seconds from time 0.
 */
final class RelayTest {

    private final LeanScheduler scheduler = new LeanScheduler();
    private final Backhaul backhaul = new Backhaul("bs-1", BackhaulConfig.lossless(1000, 0.25), scheduler,
            new RandomStreams(1, 0));
    private final List<Double> forwarded = new ArrayList<>();

    private Relay relayPieces(RelayMode mode, double gap) {
        Relay relay = new Relay(mode, backhaul.toStore(), () -> forwarded.add(scheduler.nowSeconds()));
        for (int i = 0; i < 4; i++) {
            boolean last = i == 3;
            scheduler.postAt(i * gap, () -> {
                relay.receive(1000);
                if (last) {
                    relay.end();
                }
            });
        }
        scheduler.runUntil(100);
        return relay;
    }

    @Test
    void storeAndForward_sendsTheWholeObjectAfterItsLastPiece() {
        // The last piece at 3; 4000 bits take 3-7; arrival 7.25.
        Relay relay = relayPieces(RelayMode.STORE_AND_FORWARD, 1.0);
        assertEquals(List.of(7.25), forwarded);
        assertTrue(relay.isForwarded());
        assertEquals(1, backhaul.toStore().statistics().messagesDelivered());
    }

    @Test
    void streamed_piecesAsFastAsTheBackhaul_lastArrivesOnePieceAfterTheAir() {
        // Each piece goes as it comes: the last 3-4, arrival 4.25.
        relayPieces(RelayMode.STREAMED, 1.0);
        assertEquals(List.of(4.25), forwarded);
        assertEquals(4, backhaul.toStore().statistics().messagesDelivered());
    }

    @Test
    void streamed_airFasterThanTheBackhaul_piecesQueueBackToBack() {
        // Pieces at 0, 0.5, 1, 1.5 keep the backhaul busy 0-4: arrival 4.25; store-and-forward: 1.5 + 4 + 0.25.
        relayPieces(RelayMode.STREAMED, 0.5);
        assertEquals(List.of(4.25), forwarded);
    }

    @Test
    void storeAndForward_airFasterThanTheBackhaul_waitsForTheLastPiece() {
        relayPieces(RelayMode.STORE_AND_FORWARD, 0.5);
        assertEquals(List.of(5.75), forwarded);
    }

    @Test
    void streamed_pieceDropped_objectNeverForwarded() {
        Backhaul bounded = new Backhaul("bs-1", BackhaulConfig.lossless(1000, 0.25).withMaxQueuedMessages(0),
                scheduler, new RandomStreams(1, 0));
        Relay relay = new Relay(RelayMode.STREAMED, bounded.toStore(), () -> forwarded.add(scheduler.nowSeconds()));
        assertTrue(relay.receive(1000), "sent at once");
        assertFalse(relay.receive(1000), "no waiting room while the first is sent");
        assertFalse(relay.end());
        scheduler.runUntil(100);
        assertEquals(List.of(), forwarded);
        assertFalse(relay.isForwarded());
    }

    @Test
    void streamed_lossyBackhaul_forwardedOnceWhenEveryPieceHasArrived() {
        // Repeats overtake nothing in order: the object is forwarded at the last arrival, whichever piece it is.
        Backhaul lossy = new Backhaul("bs-1", BackhaulConfig.lossless(1000, 0.25).withLoss(0.5, 0.5), scheduler,
                new RandomStreams(3, 0));
        List<Long> deliveredWhenForwarded = new ArrayList<>();
        Relay relay = new Relay(RelayMode.STREAMED, lossy.toStore(),
                () -> deliveredWhenForwarded.add(lossy.toStore().statistics().messagesDelivered()));
        for (int i = 0; i < 20; i++) {
            relay.receive(100);
        }
        relay.end();
        scheduler.runUntil(1000);
        assertEquals(List.of(20L), deliveredWhenForwarded);
        assertTrue(lossy.toStore().statistics().retransmissions() > 0, "some pieces were repeated");
    }

    @Test
    void end_misuse_rejected() {
        Relay relay = new Relay(RelayMode.STORE_AND_FORWARD, backhaul.toStore(), () -> { });
        assertThrows(IllegalStateException.class, relay::end, "no piece");
        relay.receive(8);
        relay.end();
        assertThrows(IllegalStateException.class, relay::end);
        assertThrows(IllegalStateException.class, () -> relay.receive(8));
    }
}
