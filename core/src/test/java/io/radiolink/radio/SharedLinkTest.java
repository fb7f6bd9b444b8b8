package io.radiolink.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.radio.share.ShareStatistics;
import io.radiolink.random.RandomStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The links of a shared cell ({@link CellCapacity.Shared}): they send through the cell's directions,
 * report every unit's departure exactly once (also across a release, a drop and an outage), in FIFO
 * order, draw loss at the departure, and take no capacity while idle. Rates are powers of two, so
 * every time here is exact in binary floating point.
 */
final class SharedLinkTest {

    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final double PROPAGATION_SECONDS = 0.25;
    /** 8192 bit/s: 128 bytes (1024 bits) alone take 0.125 s. */
    private static final double CAPACITY = 8_192;
    private static final LinkConfig LINK = new LinkConfig(CAPACITY, PROPAGATION_SECONDS, 128, 0, 16, NoLoss.INSTANCE);
    private static final AirInterface DEDICATED_AIR = new AirInterface(LINK, LINK, 0.0, 0.0, NEVER, 0.5);
    private static final AirInterface SHARED_AIR =
            DEDICATED_AIR.withCapacity(new CellCapacity.Shared(CAPACITY, CAPACITY, new ProcessorSharing()));

    /** What happened to units, keyed by their names. */
    private static final class Log {
        final Map<String, List<Double>> departures = new LinkedHashMap<>();
        final Map<String, Double> arrivals = new LinkedHashMap<>();
        final List<String> air = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        /** When each connection's terminal side learnt of its end. */
        final List<Double> ends = new ArrayList<>();
        final Departure<String> departure = (unit, at) -> departures.computeIfAbsent(unit, u -> new ArrayList<>()).add(at);

        String departed(String unit) {
            return unit + "@" + departures.get(unit);
        }
    }

    /** A cell on {@code scheduler} whose every connection logs into {@code log}. */
    private static RadioCell cell(Scheduler scheduler, AirInterface air, Log log, long seed) {
        AirListener listener = (connection, sender, unit, bytes, departureSeconds, lost) ->
                log.air.add(unit + " " + sender + " " + bytes + "B @" + departureSeconds + (lost ? " lost" : ""));
        CellListener cells = new CellListener() {
            @Override
            public void shareClosed(RadioCell cell, Connection<?> connection, Side sender, ShareStatistics statistics,
                    double timeSeconds) {
                log.closed.add(connection + " " + sender + " @" + timeSeconds + " served " + statistics.servedBits()
                        + " busy " + statistics.busySeconds());
            }
        };
        return new RadioCell("cell", 100, air, scheduler, new RandomStreams(seed, 0), listener, cells);
    }

    /** Runs {@code model} with a cell of {@code air} logging into {@code log}, on the lean engine, to the end. */
    private static void simulate(AirInterface air, Log log, long seed, BiConsumer<Scheduler, RadioCell> model) {
        new LeanEngine().run(NEVER, scheduler -> model.accept(scheduler, cell(scheduler, air, log, seed)));
    }

    /** Connects at once and hands the connection to {@code established}; arrivals are logged. */
    private static void connect(Scheduler scheduler, RadioCell cell, Log log,
            BiConsumer<Scheduler, Connection<String>> established) {
        Endpoint<String> arrivals = new Endpoint<>() {
            @Override
            public void receive(String unit, boolean damaged) {
                log.arrivals.put(unit, scheduler.nowSeconds());
            }

            @Override
            public void connectionEnded(ConnectionEnd end) {
                log.ends.add(scheduler.nowSeconds());
            }
        };
        cell.<String>connect(new IdleAttempt<>(connection -> {
            connection.attachTerminal(arrivals);
            established.accept(scheduler, connection);
        }), connection -> arrivals);
    }

    @Test
    void send_twoBackloggedConnections_shareTheCapacity_arriveAPropagationDelayAfterDeparting() {
        Log log = new Log();
        simulate(SHARED_AIR, log, 1, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> c.sendUplink(128, "a", log.departure));
            connect(scheduler, cell, log, (s, c) -> c.sendUplink(128, "b", log.departure));
        });
        // 4096 bit/s each: both leave at 0.25 (alone, 0.125), arrive at 0.5.
        assertEquals(List.of("a@[0.25]", "b@[0.25]"), List.of(log.departed("a"), log.departed("b")));
        assertEquals(Map.of("a", 0.5, "b", 0.5), log.arrivals);
        assertEquals(List.of("a TERMINAL 128B @0.25", "b TERMINAL 128B @0.25"), log.air,
                "the listener is told at the departure, with its time");
    }

    @Test
    void send_idleConnections_takeNoCapacity() {
        Log log = new Log();
        simulate(SHARED_AIR, log, 1, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> { });
            connect(scheduler, cell, log, (s, c) -> c.sendDownlink(128, "a", log.departure));
            connect(scheduler, cell, log, (s, c) -> { });
        });
        assertEquals("a@[0.125]", log.departed("a"), "the whole capacity, as alone");
    }

    @Test
    void send_unitsOfOneLink_departAndArriveInOrder() {
        Log log = new Log();
        simulate(SHARED_AIR, log, 1, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> {
                c.sendUplink(128, "1", log.departure);
                c.sendUplink(64, "2", log.departure);
                c.sendUplink(16, "3", Departure.NONE);
                c.sendUplink(128, "4", log.departure);
            });
            // Another user from 0.0625 on halves the first one's rate.
            scheduler.postAt(0.0625, () -> connect(scheduler, cell, log,
                    (s, c) -> c.sendUplink(1024, "other", log.departure)));
        });
        assertEquals(List.of("1", "2", "3", "4", "other"), List.copyOf(log.arrivals.keySet()));
        // 1: 512 bits alone by 0.0625, 512 at 4096 bit/s: 0.1875; 2 (512 bits): 0.3125; 3 (128): 0.34375.
        assertEquals(List.of("1@[0.1875]", "2@[0.3125]", "4@[0.59375]"),
                List.of(log.departed("1"), log.departed("2"), log.departed("4")));
        assertEquals(0.34375 + PROPAGATION_SECONDS, log.arrivals.get("3"), "NONE is not called, the unit still sent");
    }

    /** How a connection stops sending. */
    enum Ending { RELEASE, DROP, STATION_DOWN }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void stopSending_unitsStillWaiting_departOnceAtThatMoment_neverArrive(Ending ending) {
        Log log = new Log();
        AirInterface air = ending == Ending.DROP ? SHARED_AIR.withMeanTimeToFailureSeconds(1e-9) : SHARED_AIR;
        double[] endedAt = new double[1];
        simulate(air, log, 1, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> {
                c.sendUplink(128, "1", log.departure);
                c.sendUplink(128, "2", log.departure);
                c.sendDownlink(128, "3", log.departure);
                scheduler.postAt(0.0625, () -> {
                    endedAt[0] = scheduler.nowSeconds();
                    switch (ending) {
                        case RELEASE -> c.release(Side.TERMINAL);
                        case STATION_DOWN -> cell.stationDown();
                        case DROP -> { } // the drop comes before, at once
                    }
                    c.sendUplink(128, "after", log.departure);
                });
            });
        });
        double end = ending == Ending.DROP ? log.ends.get(0) : endedAt[0];
        assertTrue(end > 0 && end <= 0.0625, "the connection stopped sending at " + end);
        assertEquals(List.of("1@[" + end + "]", "2@[" + end + "]", "3@[" + end + "]", "after@[0.0625]"),
                List.of(log.departed("1"), log.departed("2"), log.departed("3"), log.departed("after")));
        assertEquals(Map.of(), log.arrivals);
        assertEquals(List.of(), log.air, "nothing was put on the air");
        assertEquals(List.of("cell#0 TERMINAL @" + end + " served 0.0 busy " + end,
                "cell#0 STATION @" + end + " served 0.0 busy " + end), log.closed, "told once per direction");
    }

    @Test
    void stopSending_releaseThenItsEnd_queueClosedOnce() {
        Log log = new Log();
        simulate(SHARED_AIR, log, 1, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> {
                c.sendUplink(128, "1", log.departure);
                scheduler.postAt(0.5, () -> c.release(Side.STATION));
            });
        });
        assertEquals(List.of("cell#0 TERMINAL @0.5 served 1024.0 busy 0.125", "cell#0 STATION @0.5 served 0.0 busy 0.0"),
                log.closed);
    }

    @Test
    void shareStatistics_sharedCell_perDirection_dedicatedCell_none() {
        Log log = new Log();
        simulate(SHARED_AIR, log, 1, (scheduler, shared) -> {
            connect(scheduler, shared, log, (s, c) -> c.sendUplink(128, "1", log.departure));
            scheduler.postAt(1.0, () -> {
                assertEquals(0.125, shared.shareStatistics(Side.TERMINAL).orElseThrow().busySeconds());
                assertEquals(0.0, shared.shareStatistics(Side.STATION).orElseThrow().busySeconds());
                assertTrue(cell(scheduler, DEDICATED_AIR, log, 1).shareStatistics(Side.TERMINAL).isEmpty());
            });
        });
    }

    @Test
    void loss_drawnAtDepartureInDepartureOrder_theSameUnitsAsOnADedicatedLink() {
        AirInterface lossy = SHARED_AIR.withLossModel(new BernoulliLoss(0.5));
        List<String> shared = lostUnits(lossy);
        List<String> dedicated = lostUnits(lossy.withCapacity(AirInterface.DEDICATED));
        assertEquals(dedicated, shared, "one link's draws in the same order either way");
        assertTrue(shared.size() > 5 && shared.size() < 35, "about half of 40 lost: " + shared);
    }

    /** The units lost of 40 sent at once on one connection's uplink; every departed unit is reported. */
    private static List<String> lostUnits(AirInterface air) {
        Log log = new Log();
        simulate(air, log, 7, (scheduler, cell) -> {
            connect(scheduler, cell, log, (s, c) -> {
                for (int i = 0; i < 40; i++) {
                    c.sendUplink(16, "u" + i, log.departure);
                }
            });
        });
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String unit = "u" + i;
            assertEquals(1, log.departures.get(unit).size(), unit);
            if (!log.arrivals.containsKey(unit)) {
                lost.add(unit);
            }
        }
        assertEquals(40 - lost.size(), log.arrivals.size());
        return lost;
    }

    /**
     * Random plans on many connections: units sent at random times, connections that end by release,
     * drop or outage at random; every unit handed over is reported once, never before it was handed over,
     * the units of one link in the order sent, and the lean and DSOL engines agree bit for bit.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void departures_randomPlans_exactlyOnceInOrder_bothEnginesAlike(int seed) {
        List<String> lean = randomPlan(seed, true);
        List<String> dsol = randomPlan(seed, false);
        assertEquals(lean, dsol);
    }

    private static List<String> randomPlan(int seed, boolean onLean) {
        SplittableRandom random = new SplittableRandom(seed);
        SchedulingPolicy policy = seed % 2 == 0 ? new ProcessorSharing() : new RoundRobin(0.01);
        AirInterface air = SHARED_AIR.withCapacity(new CellCapacity.Shared(CAPACITY, 2 * CAPACITY, policy))
                .withMeanTimeToFailureSeconds(20);
        Log log = new Log();
        List<String> sent = new ArrayList<>();
        Map<String, Double> sentAt = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        Departure<String> departure = (unit, at) -> {
            log.departure.departed(unit, at);
            order.add(unit + "@" + at);
        };
        java.util.function.Consumer<Scheduler> model = scheduler -> {
            RadioCell cell = cell(scheduler, air, log, seed);
            for (int k = 0; k < 12; k++) {
                int user = k;
                double start = 10 * random.nextDouble();
                double end = start + 5 * random.nextDouble();
                int units = 1 + random.nextInt(30);
                double[] times = new double[units];
                int[] sizes = new int[units];
                for (int i = 0; i < units; i++) {
                    times[i] = start + 6 * random.nextDouble();
                    sizes[i] = 1 + random.nextInt(400);
                }
                java.util.Arrays.sort(times);
                boolean outage = random.nextInt(6) == 0;
                scheduler.postAt(start, () -> connect(scheduler, cell, log, (s, c) -> {
                    for (int i = 0; i < units; i++) {
                        String name = user + "." + i;
                        Side side = i % 3 == 0 ? Side.STATION : Side.TERMINAL;
                        int bytes = sizes[i];
                        scheduler.postAt(Math.max(times[i], scheduler.nowSeconds()), () -> {
                            sent.add(name);
                            sentAt.put(name, scheduler.nowSeconds());
                            if (side == Side.TERMINAL) {
                                c.sendUplink(bytes, name, departure);
                            } else {
                                c.sendDownlink(bytes, name, departure);
                            }
                        });
                    }
                    scheduler.postAt(end, () -> c.release(Side.TERMINAL));
                }));
                if (outage) {
                    scheduler.postAt(end, cell::stationDown);
                    scheduler.postAt(end + 1, cell::stationUp);
                }
            }
        };
        if (onLean) {
            new LeanEngine().run(NEVER, model);
        } else {
            new DsolEngine().run(NEVER, model);
        }
        assertTrue(sent.size() > 50, "the plan sends: " + sent.size());
        assertEquals(sent.size(), log.departures.size(), "every unit reported");
        for (String unit : sent) {
            List<Double> times = log.departures.get(unit);
            assertEquals(1, times.size(), "once: " + unit);
            assertTrue(times.get(0) >= sentAt.get(unit), "not before it was handed over: " + unit);
        }
        Map<String, Integer> lastOfLink = new LinkedHashMap<>();
        for (String departed : order) {
            String unit = departed.substring(0, departed.indexOf('@'));
            int user = Integer.parseInt(unit.substring(0, unit.indexOf('.')));
            int index = Integer.parseInt(unit.substring(unit.indexOf('.') + 1));
            String link = user + (index % 3 == 0 ? "down" : "up");
            assertTrue(lastOfLink.getOrDefault(link, -1) < index, "FIFO on " + link + ": " + unit);
            lastOfLink.put(link, index);
        }
        for (String unit : log.arrivals.keySet()) {
            assertEquals(log.departures.get(unit).get(0) + PROPAGATION_SECONDS, log.arrivals.get(unit), 1e-9, unit);
        }
        List<String> result = new ArrayList<>(order);
        result.addAll(log.air);
        result.addAll(log.closed);
        return result;
    }
}
