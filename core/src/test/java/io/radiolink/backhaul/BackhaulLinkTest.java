package io.radiolink.backhaul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.node.Availability;
import io.radiolink.node.OutageConfig;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Small cases worked out by hand. The link sends 1000 bit/s with a propagation delay of 0.25 s, so a
 * message of 2000 bits is 2 s on the wire and arrives 2.25 s after it started; all times are exact in
 * binary, so they are compared exactly.
 */
final class BackhaulLinkTest {

    private static final BackhaulConfig LINK = BackhaulConfig.lossless(1000, 0.25);

    private final LeanScheduler scheduler = new LeanScheduler();
    private final List<String> arrivals = new ArrayList<>();

    /** Records "name@time" when a message arrives. */
    private Runnable arrival(String name) {
        return () -> arrivals.add(name + "@" + scheduler.nowSeconds());
    }

    /** One direction of a backhaul that never goes down, its losses drawn from {@code draws} in turn. */
    private BackhaulLink scriptedLink(BackhaulConfig config, double... draws) {
        BackhaulLink link = new BackhaulLink(Direction.TO_STORE, config, scheduler, new Scripted(draws));
        link.attach(new Availability(scheduler, BackhaulLink.together(List.of(link))));
        return link;
    }

    @Test
    void send_idleLink_arrivesAfterTransmissionAndPropagation() {
        BackhaulLink link = scriptedLink(LINK);
        assertTrue(link.send(2000, arrival("a")));
        scheduler.runUntil(10);
        assertEquals(List.of("a@2.25"), arrivals);
        BackhaulStatistics s = link.statistics();
        assertEquals(new BackhaulStatistics.Delays(1, 0, 0), s.queueing());
        assertEquals(new BackhaulStatistics.Delays(1, 2.25, 2.25), s.transfer());
        assertEquals(2.0, s.busySeconds());
        assertEquals(2.0 / 2.25, s.utilisation(), "busy 2 s of the 2.25 s observed (the clock stops at the arrival)");
        assertEquals(2000, s.bitsDelivered());
        assertEquals(1, s.transmissions());
        assertEquals(0, s.retransmissions());
    }

    @Test
    void send_twoMessagesAtOnce_secondWaitsForTheFirstsLastBit() {
        BackhaulLink link = scriptedLink(LINK);
        link.send(2000, arrival("a"));
        link.send(1000, arrival("b"));
        assertEquals(1, link.queuedMessages());
        scheduler.runUntil(10);
        // b starts at 2.0 (back to back), ends at 3.0, arrives at 3.25.
        assertEquals(List.of("a@2.25", "b@3.25"), arrivals);
        BackhaulStatistics s = link.statistics();
        assertEquals(new BackhaulStatistics.Delays(2, 2.0, 2.0), s.queueing());
        assertEquals(new BackhaulStatistics.Delays(2, 5.5, 3.25), s.transfer());
        assertEquals(3.0, s.busySeconds());
        assertEquals(3000, s.bitsDelivered());
    }

    @Test
    void send_lostTransmission_repeatedAfterTheTimeoutAheadOfNothingWaiting() {
        // Draws: a's first transmission lost (0.1 < 0.5), b delivered, a's repeat delivered.
        BackhaulLink link = scriptedLink(LINK.withLoss(0.5, 1.0), 0.1, 0.7, 0.7);
        link.send(2000, arrival("a"));
        link.send(1000, arrival("b"));
        scheduler.runUntil(20);
        // a: 0-2 lost; b: 2-3, arrives 3.25; a's repeat due at 2 + 1 = 3, sent 3-5, arrives 5.25.
        assertEquals(List.of("b@3.25", "a@5.25"), arrivals);
        BackhaulStatistics s = link.statistics();
        assertEquals(3, s.transmissions());
        assertEquals(1, s.retransmissions());
        assertEquals(1, s.transmissionsLost());
        assertEquals(2, s.messagesDelivered());
        assertEquals(3000, s.bitsDelivered());
        assertEquals(5.0, s.busySeconds());
        // Queueing is to the first transmission: a 0, b 2.
        assertEquals(new BackhaulStatistics.Delays(2, 2.0, 2.0), s.queueing());
        assertEquals(new BackhaulStatistics.Delays(2, 8.5, 5.25), s.transfer());
    }

    @Test
    void send_repeatDueWhileAnotherMessageWaits_goesFirst() {
        // a lost at 2; b (1 s) runs 2-3; the repeat of a is due at 2.5 and goes before c, which waits.
        BackhaulLink link = scriptedLink(LINK.withLoss(0.5, 0.5), 0.1, 0.7, 0.7, 0.7);
        link.send(2000, arrival("a"));
        link.send(1000, arrival("b"));
        link.send(1000, arrival("c"));
        scheduler.runUntil(20);
        // b 2-3 (arrives 3.25); a 3-5 (5.25); c 5-6 (6.25).
        assertEquals(List.of("b@3.25", "a@5.25", "c@6.25"), arrivals);
    }

    @Test
    void outage_cutsTheTransmissionShortAndHoldsTheQueue_allSentInOrderWhenUp() {
        Backhaul backhaul = new Backhaul("bs-1",
                LINK.withOutages(OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(1, 4)), true)), scheduler,
                new RandomStreams(1, 0));
        backhaul.scheduleOutages(100);
        BackhaulLink link = backhaul.toStore();
        link.send(2000, arrival("a"));
        link.send(1000, arrival("b"));
        scheduler.postAt(2, () -> {
            assertFalse(backhaul.isUp());
            link.send(1000, arrival("c"));
        });
        List<BackhaulStatistics> probe = new ArrayList<>();
        scheduler.postAt(3, () -> probe.add(link.statistics()));
        scheduler.runUntil(3);
        BackhaulStatistics during = probe.get(0);
        assertEquals(2.0, during.downSeconds(), "the outage in force counts up to now");
        assertEquals(1.0, during.busySeconds());
        assertEquals(2, link.queuedMessages());
        scheduler.runUntil(20);
        // a cut at 1 (1 s sent), resent from its first bit at 4: 4-6, arrives 6.25; b 6-7; c 7-8.
        assertEquals(List.of("a@6.25", "b@7.25", "c@8.25"), arrivals);
        BackhaulStatistics s = link.statistics();
        assertEquals(3.0, s.downSeconds());
        assertEquals(1, s.transmissionsAborted());
        assertEquals(4, s.transmissions());
        assertEquals(1, s.retransmissions());
        assertEquals(5.0, s.busySeconds());
        assertEquals(new BackhaulStatistics.Delays(3, 11.0, 6.0), s.queueing());
        assertEquals(new BackhaulStatistics.Delays(3, 19.75, 7.25), s.transfer());
        assertEquals(3.0, backhaul.fromStore().statistics().downSeconds(), "both directions go down together");
    }

    @Test
    void outage_messageAlreadySent_arrives() {
        Backhaul backhaul = new Backhaul("bs-1",
                LINK.withOutages(OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(2.1, 3)), true)),
                scheduler, new RandomStreams(1, 0));
        backhaul.scheduleOutages(100);
        backhaul.toStore().send(2000, arrival("a"));
        scheduler.runUntil(10);
        assertEquals(List.of("a@2.25"), arrivals);
        assertEquals(0, backhaul.toStore().statistics().transmissionsAborted());
    }

    @Test
    void send_queueFull_dropsTheNewcomer() {
        BackhaulLink link = scriptedLink(LINK.withMaxQueuedMessages(1));
        assertTrue(link.send(2000, arrival("a")), "starts at once, does not wait");
        assertTrue(link.send(1000, arrival("b")), "waits: the queue holds one");
        assertFalse(link.send(1000, arrival("c")), "the queue is full");
        scheduler.runUntil(10);
        assertEquals(List.of("a@2.25", "b@3.25"), arrivals);
        BackhaulStatistics s = link.statistics();
        assertEquals(3, s.messagesOffered());
        assertEquals(1, s.messagesDropped());
        assertEquals(2, s.messagesDelivered());
    }

    @Test
    void send_noWaitingRoom_onlyTheMessageSentAtOnceIsAccepted() {
        BackhaulLink link = scriptedLink(LINK.withMaxQueuedMessages(0));
        assertTrue(link.send(2000, arrival("a")));
        assertFalse(link.send(1000, arrival("b")));
        scheduler.runUntil(10);
        assertEquals(List.of("a@2.25"), arrivals);
    }

    @Test
    void send_noBits_rejected() {
        BackhaulLink link = scriptedLink(LINK);
        assertThrows(IllegalArgumentException.class, () -> link.send(0, () -> { }));
    }

    @Test
    void sameSeed_sameStatisticsBitForBit_otherStationOtherDraws() {
        BackhaulStatistics first = randomRun(new LeanEngine(), "bs-1", 7);
        assertEquals(first, randomRun(new LeanEngine(), "bs-1", 7));
        assertNotEquals(first, randomRun(new LeanEngine(), "bs-2", 7));
        assertTrue(first.transmissionsLost() > 0 && first.transmissionsAborted() > 0 && first.downSeconds() > 0,
                "the run exercises loss and outages: " + first);
    }

    @Test
    void sameSeed_eitherEngine_sameStatisticsBitForBit() {
        assertEquals(randomRun(new LeanEngine(), "bs-1", 11), randomRun(new DsolEngine(), "bs-1", 11));
    }

    /**
     * 2,000 messages at random times over a lossy link with random outages, with station {@code id}'s
     * streams, on {@code engine}; the statistics at 20,000 s, when every message has long arrived.
     */
    private static BackhaulStatistics randomRun(Engine engine, String id, long seed) {
        BackhaulStatistics[] result = new BackhaulStatistics[1];
        engine.run(Double.POSITIVE_INFINITY, scheduler -> {
            RandomStreams streams = new RandomStreams(seed, 0);
            BackhaulConfig config = LINK.withLoss(0.2, 0.6).withOutages(OutageConfig.random(50, 5, true));
            Backhaul backhaul = new Backhaul(id, config, scheduler, streams);
            backhaul.scheduleOutages(10_000);
            RandomGenerator traffic = new RandomStreams(seed, 1).stream(StreamPurpose.ARRIVALS, id, 0);
            for (int i = 0; i < 2000; i++) {
                scheduler.postAt(traffic.nextDouble() * 5000,
                        () -> backhaul.toStore().send(1 + traffic.nextInt(1500), () -> { }));
            }
            scheduler.postAt(20_000, () -> result[0] = backhaul.toStore().statistics());
        });
        assertEquals(2000, result[0].messagesDelivered());
        return result[0];
    }

    /** A generator whose doubles are given in turn. */
    private static final class Scripted implements RandomGenerator {
        private final double[] draws;
        private int next;

        Scripted(double... draws) {
            this.draws = draws;
        }

        @Override
        public double nextDouble() {
            return draws[next++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the link draws doubles only");
        }
    }
}
