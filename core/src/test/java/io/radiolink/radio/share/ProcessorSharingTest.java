package io.radiolink.radio.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.lean.LeanEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Processor sharing, hand-computed: C = 1000 bit/s and sizes and caps chosen so that every time is exact
 * in binary floating point, which lets the expected departures compare with {@code equals}.
 */
final class ProcessorSharingTest {

    private static final double C = 1000;
    private static final SchedulingPolicy POLICY = new ProcessorSharing();
    private static final double UNCAPPED = 1e9;

    @Test
    void oneQueue_alone_servedAtTheFullCapacityInOrder() {
        Departures log = new Departures();
        assertEquals(List.of("a:1@0.5", "a:2@1.5"), log.run(POLICY, C, (s, d) -> {
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            a.offer("1", 500);
            a.offer("2", 1000);
        }));
    }

    @Test
    void oneQueue_capBelowCapacity_servedAtItsCap() {
        Departures log = new Departures();
        assertEquals(List.of("a:1@2.0"), log.run(POLICY, C, (s, d) -> log.open(d, "a", 250).offer("1", 500)));
    }

    @Test
    void twoQueues_equalShares_theShorterLeavesAndTheOtherSpeedsUp() {
        Departures log = new Departures();
        // 500 bit/s each: b's 500 bits by 1.0, when a has 500 of its 1000 left, then alone at 1000 bit/s.
        assertEquals(List.of("b:1@1.0", "a:1@1.5"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            log.open(d, "b", UNCAPPED).offer("1", 500);
        }));
    }

    @Test
    void threeQueues_oneCappedLow_theOthersShareWhatItCannotUse() {
        Departures log = new Departures();
        // Max-min: a gets its cap 200 (below 1000 / 3), b and c 400 each, done at 2.5; a has 500 bits
        // by then and 500 left at its cap: 2.5 s more.
        assertEquals(List.of("b:1@2.5", "c:1@2.5", "a:1@5.0"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", 200).offer("1", 1000);
            log.open(d, "b", UNCAPPED).offer("1", 1000);
            log.open(d, "c", UNCAPPED).offer("1", 1000);
        }));
    }

    @Test
    void threeQueues_equalCapsBelowAnEqualShare_eachAtItsCap() {
        Departures log = new Departures();
        // min(cap, C / n) = min(200, 333.3) = 200: 1000 bits in 5 s each; ties in open order.
        assertEquals(List.of("a:1@5.0", "b:1@5.0", "c:1@5.0"), log.run(POLICY, C, (s, d) -> {
            for (String name : new String[] {"a", "b", "c"}) {
                log.open(d, name, 200).offer("1", 1000);
            }
        }));
    }

    @Test
    void threeQueues_equalCapsAboveAnEqualShare_eachAtCapacityOverN() {
        Departures log = new Departures();
        // min(cap, C / n) = min(400, 250) = 250 with four queues: 500 bits in 2 s each.
        assertEquals(List.of("a:1@2.0", "b:1@2.0", "c:1@2.0", "d:1@2.0"), log.run(POLICY, C, (s, d) -> {
            for (String name : new String[] {"a", "b", "c", "d"}) {
                log.open(d, name, 400).offer("1", 500);
            }
        }));
    }

    @Test
    void arrivalDuringService_sharesFromItsArrivalOn() {
        Departures log = new Departures();
        // a alone until 0.5 (500 bits), then 500 bit/s each: a's last 500 bits by 1.5, when b has 500
        // of its 1000; b alone then: 2.0.
        assertEquals(List.of("a:1@1.5", "b:1@2.0"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            Departures.at(s, 0.5, () -> b.offer("1", 1000));
        }));
    }

    @Test
    void closeDuringService_queuedUnitsNeverDepart_theShareGoesToTheOthers() {
        Departures log = new Departures();
        ConnectionQueue<?>[] closed = new ConnectionQueue<?>[1];
        // 500 bit/s each until b closes at 1.0 (a has 500 bits), then a alone: 1.5.
        assertEquals(List.of("a:1@1.5"), log.run(POLICY, C, (s, d) -> {
            log.open(d, "a", UNCAPPED).offer("1", 1000);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            b.offer("1", 1000);
            b.offer("2", 10);
            closed[0] = b;
            Departures.at(s, 1.0, () -> {
                b.close();
                assertEquals(0, b.queuedUnits());
                assertEquals(1, d.openQueues());
                assertEquals(1, d.busyQueues());
            });
        }));
        ShareStatistics b = closed[0].statistics();
        assertEquals(1.0, b.toSeconds(), "frozen at its close");
        assertEquals(1.0, b.busySeconds());
        assertEquals(0, b.departedUnits());
        assertEquals(0.0, b.servedBits(), "a unit partly served is not counted");
    }

    @Test
    void manyUnitsInOneQueue_departInOrderAtTheirShare() {
        Departures log = new Departures();
        // 500 bit/s each: a's units at 0.5 and 1.0; b has 500 by 1.0, alone then: 1.5.
        assertEquals(List.of("a:1@0.5", "a:2@1.0", "b:1@1.5"), log.run(POLICY, C, (s, d) -> {
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            a.offer("1", 250);
            a.offer("2", 250);
            log.open(d, "b", UNCAPPED).offer("1", 1000);
        }));
    }

    @Test
    void departureCallback_offersTheNextUnit_theQueueStaysBusyBackToBack() {
        Departures log = new Departures();
        int[] sent = {0};
        assertEquals(List.of("a:1@0.25", "a:2@0.5", "a:3@0.75"), log.run(POLICY, C, (s, d) -> {
            @SuppressWarnings("unchecked")
            ConnectionQueue<String>[] a = new ConnectionQueue[1];
            a[0] = d.open(UNCAPPED, (unit, at) -> {
                log.of("a").departed(unit, at);
                if (++sent[0] < 3) {
                    a[0].offer(Integer.toString(sent[0] + 1), 250);
                }
            });
            a[0].offer("1", 250);
        }));
    }

    @Test
    void departureCallback_closesAnotherQueue_itsUnitsNeverDepart() {
        Departures log = new Departures();
        // 500 bit/s each: a's 250 bits by 0.5, when a's callback closes b; c later, alone: 0.25 s.
        assertEquals(List.of("a:1@0.5", "c:1@1.25"), log.run(POLICY, C, (s, d) -> {
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            d.<String>open(UNCAPPED, (unit, at) -> {
                log.of("a").departed(unit, at);
                b.close();
            }).offer("1", 250);
            b.offer("1", 1000);
            ConnectionQueue<String> c = log.open(d, "c", UNCAPPED);
            Departures.at(s, 1.0, () -> c.offer("1", 250));
        }));
    }

    @Test
    void departureCallback_opensAQueueOfAnotherCap_servedFromThatInstant() {
        Departures log = new Departures();
        // a alone: 250 bits by 0.25; its callback opens b (cap 400, a class of its own) with 500 bits: 1.25 s.
        assertEquals(List.of("a:1@0.25", "b:1@1.5"), log.run(POLICY, C, (s, d) -> d.<String>open(UNCAPPED, (unit, at) -> {
            log.of("a").departed(unit, at);
            log.open(d, "b", 400).offer("1", 500);
        }).offer("1", 250)));
    }

    @Test
    void statistics_busyTimeQueueTimeAndServedBits() {
        Departures log = new Departures();
        CellDirection[] direction = new CellDirection[1];
        ShareStatistics[] queues = new ShareStatistics[2];
        new LeanEngine().run(Double.POSITIVE_INFINITY, s -> {
            CellDirection d = new CellDirection(s, C, new ProcessorSharing());
            direction[0] = d;
            ConnectionQueue<String> a = log.open(d, "a", UNCAPPED);
            ConnectionQueue<String> b = log.open(d, "b", UNCAPPED);
            a.offer("1", 1000);
            b.offer("1", 500);
            // Idle from 1.5 to 3.0, then a again alone: 3.0 to 3.5.
            Departures.at(s, 3.0, () -> a.offer("2", 500));
            Departures.at(s, 4.0, () -> {
                queues[0] = a.statistics();
                queues[1] = b.statistics();
                ShareStatistics all = d.statistics();
                assertEquals(new ShareStatistics(0, 4.0, 2.0, 3.0, 2000, 3), all);
                assertEquals(0.5, all.utilisation());
                assertEquals(0.75, all.meanActiveQueues());
            });
        });
        assertEquals(List.of("b:1@1.0", "a:1@1.5", "a:2@3.5"), log.written());
        assertEquals(new ShareStatistics(0, 4.0, 2.0, 2.0, 1500, 2), queues[0]);
        assertEquals(750.0, queues[0].throughputBitsPerSecond());
        assertEquals(new ShareStatistics(0, 4.0, 1.0, 1.0, 500, 1), queues[1]);
        assertEquals(500.0, queues[1].throughputBitsPerSecond());
        assertFalse(direction[0].busyQueues() > 0);
    }

    @Test
    void statistics_since_givesTheWindowBetweenTwoSnapshots() {
        ShareStatistics early = new ShareStatistics(0, 1, 0.5, 0.75, 100, 2);
        ShareStatistics late = new ShareStatistics(0, 3, 1.5, 2.75, 400, 5);
        assertEquals(new ShareStatistics(1, 3, 1.0, 2.0, 300, 3), late.since(early));
        assertTrue(Double.isNaN(new ShareStatistics(2, 2, 0, 0, 0, 0).utilisation()));
    }

    /**
     * Far from time 0 a time's rounding is a large share of a short unit's service: at 10^6 s a double's step
     * is 1.2e-10 s, 1e-5 of a 160-bit message's 1.1e-5 s at 14.7 Mbit/s. A departure rounded to the nearest
     * time came early for about a quarter of such messages, so that a connection alone read a throughput
     * (its bits over its busy time) above the capacity by up to 3e-6 of it. Departures are rounded up: each of
     * 20,000 lone messages of 160 to 166 bits, one connection each from 10^6 s on, leaves no earlier than its
     * bits at C ({@code (departure - offer) * C >= bits} exactly), and its throughput is at most C.
     */
    @Test
    void departure_farFromTimeZero_neverBeforeItsBitsAreServedAtTheRate() {
        double capacity = 14.7e6;
        int[] early = new int[2]; // departures before their bits were served, throughputs above C
        int[] departed = new int[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            CellDirection direction = new CellDirection(scheduler, capacity, POLICY);
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                int message = departed[0];
                double bits = 160 + message % 7;
                double offered = scheduler.nowSeconds();
                @SuppressWarnings("unchecked")
                ConnectionQueue<Integer>[] queue = new ConnectionQueue[1];
                queue[0] = direction.open(UNCAPPED, (unit, atSeconds) -> {
                    queue[0].close();
                    if (Math.fma(atSeconds - offered, capacity, -bits) < 0) {
                        early[0]++;
                    }
                    if (queue[0].statistics().throughputBitsPerSecond() > capacity) {
                        early[1]++;
                    }
                    if (++departed[0] < 20_000) {
                        scheduler.post(0.37 + 1e-3 * (message % 13), next[0]);
                    }
                });
                queue[0].offer(message, bits);
            };
            scheduler.postAt(1e6, next[0]);
        });
        assertEquals(20_000, departed[0]);
        assertEquals(0, early[0], "departures before their bits were served at C");
        assertEquals(0, early[1], "throughputs above C");
    }
}
