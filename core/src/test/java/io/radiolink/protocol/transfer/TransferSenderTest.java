package io.radiolink.protocol.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.ForwardingScheduler;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.radio.Departure;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The sending half when departures are told late, from events of their own, as a cell whose capacity
 * is shared tells them: a frame's timer counts from its departure, and a departure that comes after the
 * frame's acknowledgement, after the sender stopped or after its round ended arms nothing. Times are
 * multiples of 1/64 s, exact in {@code double}.
 */
final class TransferSenderTest {

    private static final double STEP = 1.0 / 64;
    private static final double TIMEOUT = 4 * STEP;
    /** 1,000 bytes in 250-byte chunks: 4 chunks of 3 frames (100 + 100 + 50 bytes). */
    private static final Framing FRAMING = new Framing(new LinkConfig(100_000, 0.01, 100, 10, 10, NoLoss.INSTANCE),
            1_000, ChunkConfig.of(250, 2));

    /**
     * A stand-in for a shared cell: frames leave one after another, each {@link #STEP} after the previous
     * one left (or after its hand-over, if the air was idle), later by a hold of its own if the test sets
     * one; the departure is told only then, from an event, and the acknowledgement reaches the sender
     * {@code returnSeconds} after it, unless the test loses it. A copy is named {@code round/frame#copy}.
     */
    private static final class LateAir implements TransferSender.Transmitter {
        final Scheduler scheduler;
        /** When each timer the sender armed is due, in the order armed. */
        final List<Double> timerDueSeconds = new ArrayList<>();
        final double returnSeconds;
        final Map<String, Double> holdSeconds = new HashMap<>();
        final Map<String, Double> returnOverrides = new HashMap<>();
        final Set<String> acknowledgementLost = new HashSet<>();
        final Map<String, Integer> copies = new HashMap<>();
        final List<String> handedOver = new ArrayList<>();
        /** Each departure with the timers the sender armed when told of it. */
        final List<String> departures = new ArrayList<>();
        final List<Double> departureSeconds = new ArrayList<>();
        final List<Double> waitSeconds = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        final TransferSender sender;
        double busyUntilSeconds;

        LateAir(Scheduler scheduler, ArqConfig arq, double returnSeconds) {
            this.scheduler = scheduler;
            this.returnSeconds = returnSeconds;
            Scheduler timers = new ForwardingScheduler(scheduler, (dueSeconds, action) -> {
                timerDueSeconds.add(dueSeconds);
                return action;
            });
            this.sender = new TransferSender(timers, arq, FRAMING, this, new RecordedOutcomes(outcomes));
        }

        @Override
        public void transmit(int bytes, DataFrame frame, Departure<DataFrame> departure) {
            String key = frame.round() + "/" + frame.sequence();
            String name = key + "#" + copies.merge(key, 1, Integer::sum);
            double handedAt = scheduler.nowSeconds();
            handedOver.add(name + "@" + handedAt);
            double leaves = Math.max(handedAt, busyUntilSeconds) + STEP + holdSeconds.getOrDefault(name, 0.0);
            busyUntilSeconds = leaves;
            scheduler.postAt(leaves, () -> {
                int before = timerDueSeconds.size();
                departure.departed(frame, scheduler.nowSeconds());
                departures.add(name + " armed " + (timerDueSeconds.size() - before));
                departureSeconds.add(leaves);
                waitSeconds.add(leaves - handedAt);
                if (!acknowledgementLost.contains(name)) {
                    scheduler.post(returnOverrides.getOrDefault(name, returnSeconds),
                            () -> sender.acknowledge(Ack.of(frame.sequence(), frame.round())));
                }
            });
        }

        /** The departures that armed {@code timers} timers, by name. */
        List<String> armed(int timers) {
            return departures.stream().filter(d -> d.endsWith(" armed " + timers))
                    .map(d -> d.substring(0, d.indexOf(' '))).toList();
        }
    }

    /**
     * Tells each frame's departure while the next frame is handed over (the last one's a step later, if
     * no frame followed), as a shared cell may tell several at once; acknowledgements come a step after
     * the departure, unless the test loses them.
     */
    private static final class OneBehindAir implements TransferSender.Transmitter {
        final Scheduler scheduler;
        final Set<String> acknowledgementLost = new HashSet<>();
        final Map<String, Integer> copies = new HashMap<>();
        final List<String> handedOver = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
        final TransferSender sender;
        DataFrame waitingFrame;
        String waitingName;
        Departure<DataFrame> waitingDeparture;
        int handOvers;

        OneBehindAir(Scheduler scheduler, ArqConfig arq) {
            this.scheduler = scheduler;
            this.sender = new TransferSender(scheduler, arq, FRAMING, this, new RecordedOutcomes(outcomes));
        }

        @Override
        public void transmit(int bytes, DataFrame frame, Departure<DataFrame> departure) {
            String key = frame.round() + "/" + frame.sequence();
            String name = key + "#" + copies.merge(key, 1, Integer::sum);
            handedOver.add(name + "@" + scheduler.nowSeconds());
            tellWaiting();
            waitingFrame = frame;
            waitingName = name;
            waitingDeparture = departure;
            int handOver = ++handOvers;
            scheduler.post(STEP, () -> {
                if (handOvers == handOver) {
                    tellWaiting();
                }
            });
        }

        private void tellWaiting() {
            if (waitingFrame == null) {
                return;
            }
            DataFrame frame = waitingFrame;
            waitingFrame = null;
            waitingDeparture.departed(frame, scheduler.nowSeconds());
            if (!acknowledgementLost.contains(waitingName)) {
                scheduler.post(STEP, () -> sender.acknowledge(Ack.of(frame.sequence(), frame.round())));
            }
        }
    }

    private static LateAir run(ArqConfig arq, double returnSeconds, Consumer<LateAir> script) {
        LateAir[] air = new LateAir[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            air[0] = new LateAir(scheduler, arq, returnSeconds);
            script.accept(air[0]);
        });
        return air[0];
    }

    @Test
    void departed_lateByLessThanTheTimeout_noSpuriousRetransmission() {
        // Three frames a window, each leaving a step after the one before: waits of one to three steps.
        LateAir air = run(ArqConfig.selectiveRepeat(3, TIMEOUT, 3), 2 * STEP, a -> a.sender.startAt(0));

        assertEquals(List.of("acknowledged"), air.outcomes);
        assertEquals(new TransferCounts(12, 0, 1_000), air.sender.counts());
        double longestWait = Collections.max(air.waitSeconds);
        assertTrue(longestWait < TIMEOUT, "every departure later by less than the timeout: " + longestWait);
        assertTrue(longestWait + 2 * STEP > TIMEOUT,
                "a timer counted from the hand-over would have fired before an acknowledgement: " + longestWait);
        assertEquals(12, air.armed(1).size(), air.departures.toString());
        List<Double> due = new ArrayList<>();
        air.departureSeconds.forEach(left -> due.add(left + TIMEOUT));
        assertEquals(due, air.timerDueSeconds, "each timer due a timeout after its frame left");
    }

    @Test
    void departed_firstCopyUnacknowledged_retransmittedATimeoutAfterItsDepartureNotItsHandOver() {
        LateAir air = run(ArqConfig.selectiveRepeat(3, TIMEOUT, 3), STEP, a -> {
            a.acknowledgementLost.add("0/0#1");
            a.sender.startAt(0);
        });

        assertEquals(List.of("acknowledged"), air.outcomes);
        assertEquals(1, air.sender.counts().framesRetransmitted());
        assertTrue(air.handedOver.contains("0/0#2@" + (STEP + TIMEOUT)), air.handedOver.toString());
    }

    @Test
    void departed_afterTheAcknowledgement_armsNothing() {
        // Frame 0's first acknowledgement is slow: its timer sends a second copy, which is held on the air
        // until after that acknowledgement came and the window moved on (frame 2 took frame 0's slot).
        LateAir air = run(ArqConfig.selectiveRepeat(2, TIMEOUT, 3), STEP, a -> {
            a.returnOverrides.put("0/0#1", 5 * STEP);
            a.holdSeconds.put("0/0#2", 8 * STEP);
            a.sender.startAt(0);
        });

        assertEquals(List.of("0/0#2"), air.armed(0), air.departures.toString());
        assertEquals(12, air.armed(1).size(), "every other departure armed its timer");
        assertTrue(air.handedOver.contains("0/2#1@" + 6 * STEP), "the acknowledgement moved the window on: "
                + air.handedOver);
        assertEquals(List.of("acknowledged"), air.outcomes);
        assertEquals(1, air.sender.counts().framesRetransmitted());
    }

    @Test
    void departed_afterTheAcknowledgementOfAFrameAheadOfTheWindowsBase_armsNothing() {
        // Frame 0 keeps the window's base (its first two copies go unacknowledged) while frame 1's second
        // copy, held on the air, leaves after frame 1's slow first acknowledgement arrived.
        LateAir air = run(ArqConfig.selectiveRepeat(2, TIMEOUT, 3), STEP, a -> {
            a.acknowledgementLost.add("0/0#1");
            a.acknowledgementLost.add("0/0#2");
            a.returnOverrides.put("0/1#1", 5 * STEP);
            a.holdSeconds.put("0/1#2", 8 * STEP);
            a.sender.startAt(0);
        });

        assertEquals(List.of("0/1#2"), air.armed(0), air.departures.toString());
        assertTrue(air.handedOver.contains("0/0#3@" + 10 * STEP), "frame 0 still in the window: " + air.handedOver);
        assertEquals(List.of("acknowledged"), air.outcomes);
        assertEquals(3, air.sender.counts().framesRetransmitted());
    }

    @Test
    void departed_toldWhileTheNextFrameIsHandedOver_countsForItsOwnFrame() {
        // Frame 0's departure is told during frame 1's hand-over, at 0; its acknowledgement is lost, so
        // its timer, counted from 0, sends it again at the timeout. Had the departure been taken for the
        // frame being handed over, frame 0 would never be timed, and the transfer would hang.
        OneBehindAir[] air = new OneBehindAir[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            air[0] = new OneBehindAir(scheduler, ArqConfig.selectiveRepeat(3, TIMEOUT, 3));
            air[0].acknowledgementLost.add("0/0#1");
            air[0].sender.startAt(0);
        });

        assertEquals(List.of("0/0#1@0.0", "0/1#1@0.0", "0/2#1@0.0"), air[0].handedOver.subList(0, 3));
        assertTrue(air[0].handedOver.contains("0/0#2@" + TIMEOUT), air[0].handedOver.toString());
        assertEquals(List.of("acknowledged"), air[0].outcomes);
        assertEquals(1, air[0].sender.counts().framesRetransmitted());
    }

    @Test
    void departed_afterStop_armsNothing() {
        LateAir air = run(ArqConfig.selectiveRepeat(3, TIMEOUT, 3), STEP, a -> {
            a.sender.startAt(0);
            a.scheduler.postAt(1.5 * STEP, a.sender::stop);
        });

        assertEquals(List.of("0/0#1 armed 1", "0/1#1 armed 0", "0/2#1 armed 0"), air.departures);
        assertEquals(3, air.handedOver.size(), "nothing sent after the stop: " + air.handedOver);
        assertEquals(List.of(), air.outcomes);
        assertFalse(air.sender.awaitingAcknowledgements());
    }

    @Test
    void departed_ofARoundThatEnded_armsNothingInTheNext() {
        // A repair round of chunk 0 (frames 0-2) starts while round 0's copies of the same frames wait.
        LateAir air = run(ArqConfig.selectiveRepeat(3, TIMEOUT, 3), STEP, a -> {
            a.sender.startAt(0);
            BitSet chunk0 = new BitSet();
            chunk0.set(0);
            a.scheduler.postAt(0.5 * STEP, () -> a.sender.repair(new RepairRequest(1, chunk0)));
        });

        assertEquals(List.of("0/0#1", "0/1#1", "0/2#1"), air.armed(0), air.departures.toString());
        assertEquals(List.of("1/0#1", "1/1#1", "1/2#1"), air.armed(1));
        assertEquals(List.of("acknowledged"), air.outcomes, "round 1 acknowledged; round 0 ended unfinished");
        assertEquals(0, air.sender.counts().framesRetransmitted());
    }
}
