package io.radiolink.protocol.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.ForwardingScheduler;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ControlCounts;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.Challenge;
import io.radiolink.radio.Departure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control sender when departures are told late, from events of their own, as a cell whose capacity
 * is shared tells them: the retry timer counts from the departure, and the departure of a message that
 * was answered or replaced before it left arms nothing. The messages are challenges named by their
 * nonce ({@code m1}, {@code m2}), which the sender does not read. Times are multiples of 1/64 s.
 */
final class ControlSenderTest {

    private static final double STEP = 1.0 / 64;
    private static final double TIMEOUT = 4 * STEP;

    /**
     * Each message leaves its own delay after it was handed over (3 steps unless the test sets one), and
     * its departure is told only then; answers are the test's to give.
     */
    private static final class LateAir implements ControlSender.Transmitter {
        final Scheduler scheduler;
        /** When each timer the sender armed is due, in the order armed. */
        final List<Double> timerDueSeconds = new ArrayList<>();
        final Map<Long, Double> leaveAfterSeconds = new HashMap<>();
        final List<String> handedOver = new ArrayList<>();
        /** Each departure with the timers the sender armed when told of it. */
        final List<String> departures = new ArrayList<>();
        final List<Double> exhaustedAt = new ArrayList<>();
        final ControlSender sender;

        LateAir(Scheduler scheduler, int retryLimit) {
            this.scheduler = scheduler;
            Scheduler timers = new ForwardingScheduler(scheduler, (dueSeconds, action) -> {
                timerDueSeconds.add(dueSeconds);
                return action;
            });
            this.sender = new ControlSender(timers, new ControlConfig(TIMEOUT, retryLimit), this,
                    () -> exhaustedAt.add(scheduler.nowSeconds()));
        }

        @Override
        public void transmit(Message message, Departure<Message> departure) {
            String name = "m" + ((Challenge) message).nonce();
            handedOver.add(name + "@" + scheduler.nowSeconds());
            double delay = leaveAfterSeconds.getOrDefault(((Challenge) message).nonce(), 3 * STEP);
            scheduler.post(delay, () -> {
                int before = timerDueSeconds.size();
                departure.departed(message, scheduler.nowSeconds());
                departures.add(name + " armed " + (timerDueSeconds.size() - before));
            });
        }
    }

    private static LateAir run(int retryLimit, Consumer<LateAir> script) {
        LateAir[] air = new LateAir[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            air[0] = new LateAir(scheduler, retryLimit);
            script.accept(air[0]);
        });
        return air[0];
    }

    @Test
    void send_departureLateByLessThanTheTimeout_noRetransmissionBeforeTheAnswer() {
        // It leaves 3 steps after the hand-over and is answered 2 steps later, after a timeout (4 steps)
        // counted from the hand-over would have fired.
        LateAir air = run(2, a -> {
            a.sender.send(new Challenge(1));
            a.scheduler.postAt(5 * STEP, a.sender::answered);
        });

        assertEquals(new ControlCounts(1, 0), air.sender.counts());
        assertEquals(List.of("m1 armed 1"), air.departures);
        assertEquals(List.of(3 * STEP + TIMEOUT), air.timerDueSeconds);
        assertFalse(air.sender.waiting());
    }

    @Test
    void send_neverAnswered_eachCopyTimedFromItsDepartureUntilTheRetriesRunOut() {
        LateAir air = run(2, a -> a.sender.send(new Challenge(1)));

        double cycle = 3 * STEP + TIMEOUT;
        assertEquals(List.of("m1@0.0", "m1@" + cycle, "m1@" + 2 * cycle), air.handedOver);
        assertEquals(List.of(3 * cycle), air.exhaustedAt);
        assertEquals(new ControlCounts(3, 2), air.sender.counts());
        assertFalse(air.sender.waiting());
    }

    /** m1 leaves at step 4; m2, sent at step 1, leaves before it (step 2) or after it (step 6). */
    @ParameterizedTest
    @ValueSource(doubles = {1, 5})
    void departed_ofAMessageReplacedBeforeItLeft_armsNothing(double m2LeavesAfterSteps) {
        LateAir air = run(0, a -> {
            a.leaveAfterSeconds.put(1L, 4 * STEP);
            a.leaveAfterSeconds.put(2L, m2LeavesAfterSteps * STEP);
            a.sender.send(new Challenge(1));
            a.scheduler.postAt(STEP, () -> a.sender.send(new Challenge(2)));
        });

        assertTrue(air.departures.contains("m1 armed 0"), air.departures.toString());
        assertTrue(air.departures.contains("m2 armed 1"), air.departures.toString());
        assertEquals(List.of(STEP + m2LeavesAfterSteps * STEP + TIMEOUT), air.exhaustedAt,
                "the only timer counts from m2's departure");
        assertEquals(new ControlCounts(2, 0), air.sender.counts());
    }

    @Test
    void departed_afterTheAnswer_armsNothing() {
        // Answered (or the flow decided) before the message left.
        LateAir air = run(2, a -> {
            a.sender.send(new Challenge(1));
            a.scheduler.postAt(STEP, a.sender::answered);
        });

        assertEquals(List.of("m1 armed 0"), air.departures);
        assertEquals(List.of(), air.timerDueSeconds);
        assertEquals(new ControlCounts(1, 0), air.sender.counts());
        assertEquals(List.of(), air.exhaustedAt);
    }

    @Test
    void waiting_whileTheMessageWaitsToLeave_isTrue() {
        Challenge m1 = new Challenge(1);
        List<Boolean> waiting = new ArrayList<>();
        LateAir air = run(2, a -> {
            a.sender.send(m1);
            a.scheduler.postAt(STEP, () -> {
                waiting.add(a.sender.waiting());
                assertSame(m1, a.sender.pending());
                a.sender.answered();
                waiting.add(a.sender.waiting());
            });
        });

        assertEquals(List.of(true, false), waiting, "waiting before it left, not once answered");
        assertEquals(List.of(), air.timerDueSeconds, "no timer was armed while it waited to leave");
    }
}
