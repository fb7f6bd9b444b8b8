package io.radiolink.radio.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.radio.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Round robin, hand-computed: C = 1000 bit/s and intervals of 0.25 s, so an interval's budget is 250
 * bits and every time is exact in binary floating point.
 */
final class RoundRobinTest {

    private static final double C = 1000;
    private static final double TAU = 0.25;
    private static final SchedulingPolicy POLICY = new RoundRobin(TAU);
    private static final double UNCAPPED = 1e9;

    @Test
    void oneQueue_unitSpanningIntervals_departsAtTheEndOfTheIntervalOfItsLastBit() {
        Departures log = new Departures();
        // 250 + 250 + 100 bits in intervals 0, 1, 2: departs at the end of interval 2.
        assertEquals(List.of("a:1@0.75"), log.run(POLICY, C, (s, d) -> log.open(d, "a", UNCAPPED).offer("1", 600)));
    }

    @Test
    void oneQueue_unitsWhollyInOneInterval_allDepartAtItsEndInOrder() {
        Departures log = new Departures();
        assertEquals(List.of("a:1@0.25", "a:2@0.25", "a:3@0.25"), log.run(POLICY, C, (s, d) -> {
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            a.offer("1", 100);
            a.offer("2", 100);
            a.offer("3", 50);
        }));
    }

    @Test
    void oneQueue_capBelowCapacity_sendsItsCapTimesTheInterval() {
        Departures log = new Departures();
        // min(C, 500) * 0.25 = 125 bits per interval: 300 bits in intervals 0, 1, 2.
        assertEquals(List.of("a:1@0.75"), log.run(POLICY, C, (s, d) -> log.open(d, "a", 500).offer("1", 300)));
    }

    @Test
    void twoQueues_takeTurnsInTheOrderTheyBecameBusy() {
        Departures log = new Departures();
        // Intervals: a 250, b 250, a 500, b 300 (done: 1.0), a 600 (done: 1.25).
        assertEquals(List.of("b:1@1.0", "a:1@1.25"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 600);
            log.open(d, "b", UNCAPPED).offer("1", 300);
        }));
    }

    @Test
    void threeQueues_withCaps_eachIntervalSendsItsQueuesBudget() {
        Departures log = new Departures();
        // a (cap 200: 50 bits per interval), b, c (250). Intervals 0..5: a 50, b 250 (done, 0.5),
        // c 250, a 100, c 400 (done: 1.25), a 150 (done: 1.5).
        assertEquals(List.of("b:1@0.5", "c:1@1.25", "a:1@1.5"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", 200).offer("1", 150);
            log.open(d, "b", UNCAPPED).offer("1", 250);
            log.open(d, "c", UNCAPPED).offer("1", 400);
        }));
    }

    @Test
    void arrivalDuringAnInterval_waitsForTheNextIntervalToStart() {
        Departures log = new Departures();
        // Offered at 0.1: interval 1, [0.25, 0.5).
        assertEquals(List.of("a:1@0.5"), log.run(POLICY, C, (s, d) -> {
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            Departures.at(s, 0.1, () -> a.offer("1", 250));
        }));
    }

    @Test
    void arrivalDuringService_joinsTheBackOfTheRing() {
        Departures log = new Departures();
        // a alone in intervals 0 and 1 (500 bits); b, offered at 0.3, joins behind a: b's turn in
        // interval 3 [0.75, 1.0) after a's in 2; a's 1000 bits are done in interval 4.
        assertEquals(List.of("b:1@1.0", "a:1@1.25"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            Departures.at(s, 0.3, () -> b.offer("1", 200));
        }));
    }

    @Test
    void closeDuringItsInterval_unitsNeverDepart_andTheIntervalStaysSpent() {
        Departures log = new Departures();
        // a 250, b 250 (closed at 0.3, in its own interval), then a alone: 500, 750, 1000 by 1.25.
        assertEquals(List.of("a:1@1.25"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            b.offer("1", 250);
            Departures.at(s, 0.3, b::close);
        }));
    }

    @Test
    void closeWithHandler_unitSentInAnIntervalNotEnded_handedToTheHandlerNotDeparted() {
        Departures log = new Departures();
        // b's unit 1 is wholly sent in [0.25, 0.5) but departs only at 0.5: closed at 0.3 it is discarded.
        assertEquals(List.of("discarded:1@0.3", "discarded:2@0.3", "a:1@1.25"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            b.offer("1", 250);
            b.offer("2", 8);
            Departures.at(s, 0.3, () -> b.close(log.of("discarded")));
        }));
    }

    @Test
    void departureCallback_offersAtTheIntervalsEnd_sentInTheNextInterval() {
        Departures log = new Departures();
        int[] sent = {0};
        assertEquals(List.of("a:1@0.25", "a:2@0.5", "a:3@0.75"), log.run(POLICY, C, (s, d) -> {
            @SuppressWarnings("unchecked")
            ConnectionQueue<String>[] a = new ConnectionQueue[1];
            a[0] = d.open(UNCAPPED, (unit, at) -> {
                log.of("a").departed(unit, at);
                if (++sent[0] < 3) {
                    a[0].offer(Integer.toString(sent[0] + 1), 200);
                }
            });
            a[0].offer("1", 200);
        }));
    }

    @Test
    void departureCallback_opensAQueue_itsUnitGoesOutInTheNextInterval() {
        Departures log = new Departures();
        assertEquals(List.of("a:1@0.25", "b:1@0.5"), log.run(POLICY, C, (s, d) -> d.<String>open(UNCAPPED, (unit, at) -> {
            log.of("a").departed(unit, at);
            log.open(d, "b", UNCAPPED).offer("1", 250);
        }).offer("1", 250)));
    }

    @Test
    void idleIntervals_costNoEvent_theNextUnitStartsAtItsIntervalOnTheGrid() {
        Departures log = new Departures();
        CountingScheduler[] counting = new CountingScheduler[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            counting[0] = new CountingScheduler(scheduler);
            CellDirection d = new CellDirection(counting[0], C, new RoundRobin(TAU));
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            a.offer("1", 250);
            // 1000 s later, 4,000 intervals on: one interval's turn and its end.
            scheduler.postAt(1000.1, () -> a.offer("2", 250));
        });
        assertEquals(List.of("a:1@0.25", "a:2@1000.5"), log.written());
        assertEquals(4, counting[0].posted, "a turn and its end per unit");
    }

    @Test
    void residueRule_budgetNotAWholeNumberOfBits_noExtraIntervalForRounding() {
        Departures log = new Departures();
        // tau = 0.0019 s: a budget of 1.9 bits; 1.9 + 1.9 leaves 5.7 - 3.8 = 1.9000000000000004 bits to
        // send, above the budget by rounding alone. 5.7 bits are three intervals, not four.
        new LeanEngine().run(Double.POSITIVE_INFINITY, s -> {
            CellDirection d = new CellDirection(s, C, new RoundRobin(0.0019));
            log.open(d, "a", UNCAPPED).offer("1", 5.7);
        });
        assertEquals(List.of("a:1@" + 3 * 0.0019), log.written());
    }

    @Test
    void interval_notPositive_refusedNamingTheField() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> new RoundRobin(0));
        assertEquals("intervalSeconds", e.field());
    }
}
