package io.radiolink.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import io.radiolink.validation.FamilyWise;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@link RadioCell} and its {@link Connection}s and {@link Link}s, driven directly on the DSOL
 * engine. All delays and rates are chosen so that every time in these tests is exact in binary
 * floating point, which lets the expected logs compare times with {@code equals}.
 */
final class RadioCellTest {

    private static final long SEED = 20_240_601L;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    private static final double SETUP_SECONDS = 2.0;
    private static final double RELEASE_SECONDS = 0.5;
    private static final double PROPAGATION_SECONDS = 0.25;

    /** 8192 bit/s = 1024 bytes/s: 128 bytes take 0.125 s, 64 bytes 0.0625 s. */
    private static final LinkConfig UPLINK =
            new LinkConfig(8_192, PROPAGATION_SECONDS, 128, 0, 16, NoLoss.INSTANCE);
    /** Twice the uplink's rate: 128 bytes take 0.0625 s. */
    private static final LinkConfig DOWNLINK =
            new LinkConfig(16_384, PROPAGATION_SECONDS, 128, 0, 16, NoLoss.INSTANCE);

    /** Set-up never fails, the link never drops. */
    private static final AirInterface AIR =
            new AirInterface(UPLINK, DOWNLINK, SETUP_SECONDS, 0.0, NEVER, RELEASE_SECONDS);

    /** Something that happened, when, and how many channels were busy at that moment. */
    private record Event(double atSeconds, String what, int busyChannels) {
        Event(double atSeconds, String what) {
            this(atSeconds, what, -1);
        }

        /** The event without the busy-channel count, for tests that do not care. */
        Event plain() {
            return new Event(atSeconds, what);
        }
    }

    /** Runs {@code model} on a fresh DSOL engine until nothing is left to do. */
    private static void simulate(Consumer<Scheduler> model) {
        new DsolEngine().run(NEVER, model);
    }

    /** A model: a cell on a scheduler, and the log everything in it writes to. */
    private static final class Model {
        final Scheduler scheduler;
        final RadioCell cell;
        final List<Event> log;

        Model(Scheduler scheduler, int channels, AirInterface air, List<Event> log) {
            this(scheduler, channels, air, log, AirListener.NONE);
        }

        Model(Scheduler scheduler, int channels, AirInterface air, List<Event> log, AirListener listener) {
            this.scheduler = scheduler;
            this.cell = new RadioCell("cell-1", channels, air, scheduler, new RandomStreams(SEED, 0), listener,
                    CellListener.NONE);
            this.log = log;
        }

        void record(String what) {
            log.add(new Event(scheduler.nowSeconds(), what, cell.busyChannels()));
        }

        /** At {@code atSeconds}, starts an attempt named {@code name}; returns its probe at once. */
        Probe connectAt(double atSeconds, String name) {
            Probe probe = new Probe(this, name);
            scheduler.scheduleAt(atSeconds, () -> cell.connect(probe, connection -> probe.endpoint("station")));
            return probe;
        }

        void at(double atSeconds, Runnable action) {
            scheduler.scheduleAt(atSeconds, action);
        }
    }

    /** One connection attempt: it logs its outcome and, once established, what both sides see. */
    private static final class Probe implements AccessCallback<String> {
        private final Model model;
        private final String name;
        Connection<String> connection;
        /** Runs at establishment, after both sides are attached. */
        Consumer<Connection<String>> onEstablished = established -> {};

        Probe(Model model, String name) {
            this.model = model;
            this.name = name;
        }

        @Override
        public void blocked() {
            model.record(name + " blocked");
        }

        @Override
        public void setupFailed() {
            model.record(name + " setup failed");
        }

        @Override
        public void stationDown() {
            model.record(name + " station down");
        }

        @Override
        public void accessFailed() {
            model.record(name + " access failed");
        }

        @Override
        public void established(Connection<String> established) {
            this.connection = established;
            established.attachTerminal(endpoint("terminal"));
            model.record(name + " established");
            onEstablished.accept(established);
        }

        private Endpoint<String> endpoint(String side) {
            return new Endpoint<>() {
                @Override
                public void receive(String unit, boolean damaged) {
                    model.record(name + " " + side + " received " + unit);
                }

                @Override
                public void connectionEnded(ConnectionEnd end) {
                    model.record(name + " " + side + " ended " + end);
                }
            };
        }
    }

    private static List<Event> plain(List<Event> log) {
        return log.stream().map(Event::plain).toList();
    }

    // ---- access: blocking and set-up ----------------------------------------------------------------

    @Test
    void connect_allChannelsBusy_blockedAtOnceAndCounted() {
        List<Event> log = new ArrayList<>();
        long[] counters = new long[3];
        simulate(scheduler -> {
            Model model = new Model(scheduler, 2, AIR, log);
            model.connectAt(0.0, "a");
            model.connectAt(0.0, "b");
            model.connectAt(0.0, "c");
            // Channels are held during set-up: an attempt while a and b are still setting up is blocked.
            model.connectAt(1.0, "d");
            model.at(10.0, () -> {
                counters[0] = model.cell.attempts();
                counters[1] = model.cell.blockedAttempts();
                counters[2] = model.cell.busyChannels();
            });
        });
        assertEquals(List.of(
                new Event(0.0, "c blocked", 2),
                new Event(1.0, "d blocked", 2),
                new Event(2.0, "a established", 2),
                new Event(2.0, "b established", 2)), log);
        assertEquals(4, counters[0], "attempts");
        assertEquals(2, counters[1], "blocked attempts");
        assertEquals(2, counters[2], "busy channels");
    }

    @Test
    void stationDown_attemptWaitingForAnAccessSlot_failsAtOnceAndTheSlotServesLaterAttempts() {
        List<Event> log = new ArrayList<>();
        simulate(scheduler -> {
            // Slots of 1 s; one transmission, so an attempt that reached its slot could only get
            // through or fail ACCESS_FAILED, never STATION_DOWN.
            Model model = new Model(scheduler, 1, AIR.withRandomAccess(new RandomAccessConfig(1.0, 1, 1, 1)), log);
            model.connectAt(0.25, "a"); // waits for the slot at 1 s
            model.at(0.5, model.cell::stationDown);
            model.at(0.75, model.cell::stationUp);
            model.connectAt(0.75, "b"); // the same slot, alone in it now
        });
        assertEquals(List.of(
                new Event(0.5, "a station down", 0),
                new Event(3.0, "b established", 1)), log);
    }

    @Test
    void connect_afterReleaseCompleted_getsTheFreedChannel() {
        List<Event> log = new ArrayList<>();
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR, log);
            Probe a = model.connectAt(0.0, "a");
            model.at(3.0, () -> a.connection.release(Side.TERMINAL));
            model.connectAt(3.25, "b"); // release still under way: the channel is held
            model.connectAt(3.75, "c"); // release completed at 3.5
        });
        assertEquals(List.of(
                new Event(2.0, "a established"),
                new Event(3.25, "b blocked"),
                new Event(3.5, "a station ended RELEASED_BY_TERMINAL"),
                new Event(3.5, "a terminal ended RELEASED_BY_TERMINAL"),
                new Event(5.75, "c established")), plain(log));
    }

    @Test
    void connect_setupSucceeds_establishedAfterExactlyTheSetupDelayHoldingAChannel() {
        List<Event> log = new ArrayList<>();
        List<Double> establishedAt = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        simulate(scheduler -> {
            Model model = new Model(scheduler, 3, AIR, log);
            Probe a = model.connectAt(1.5, "a");
            Probe b = model.connectAt(1.75, "b");
            model.at(1.75, () -> model.record("busy during set-up"));
            model.at(10.0, () -> {
                for (Probe probe : List.of(a, b)) {
                    establishedAt.add(probe.connection.establishedAtSeconds());
                    sequences.add(probe.connection.sequence());
                    assertTrue(probe.connection.isOpen());
                    assertSame(model.cell, probe.connection.cell());
                }
            });
        });
        assertEquals(List.of(
                new Event(1.75, "busy during set-up", 2),
                new Event(3.5, "a established", 2),
                new Event(3.75, "b established", 2)), log);
        assertEquals(List.of(3.5, 3.75), establishedAt);
        assertEquals(List.of(0L, 1L), sequences);
    }

    @Test
    void connect_setupFails_holdsTheChannelDuringSetupAndFreesItAtTheEnd() {
        List<Event> log = new ArrayList<>();
        long[] counters = new long[3];
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR.withSetup(SETUP_SECONDS, 1.0), log);
            model.connectAt(0.0, "a");
            model.connectAt(1.0, "b");
            model.at(2.5, () -> model.record("after failure"));
            model.connectAt(2.5, "c");
            model.at(10.0, () -> {
                counters[0] = model.cell.attempts();
                counters[1] = model.cell.blockedAttempts();
                counters[2] = model.cell.failedSetups();
            });
        });
        assertEquals(List.of(
                new Event(1.0, "b blocked", 1),
                new Event(2.0, "a setup failed", 0),
                new Event(2.5, "after failure", 0),
                new Event(4.5, "c setup failed", 0)), log);
        assertEquals(3, counters[0], "attempts");
        assertEquals(1, counters[1], "blocked attempts");
        assertEquals(2, counters[2], "failed set-ups");
    }

    // ---- end of a connection ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Side.class)
    void release_bySide_freesTheChannelAfterTheReleaseDelayAndTellsStationThenTerminal(Side initiator) {
        ConnectionEnd expected = initiator == Side.TERMINAL
                ? ConnectionEnd.RELEASED_BY_TERMINAL : ConnectionEnd.RELEASED_BY_STATION;
        List<Event> log = new ArrayList<>();
        boolean[] openAfterRelease = {true};
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR, log);
            Probe a = model.connectAt(0.0, "a");
            model.at(3.0, () -> {
                a.connection.release(initiator);
                openAfterRelease[0] = a.connection.isOpen();
            });
            model.at(3.25, () -> model.record("releasing"));
        });
        assertFalse(openAfterRelease[0], "isOpen once the release started");
        // Busy count 0 in the end notifications: the channel is free when the sides learn it.
        assertEquals(List.of(
                new Event(2.0, "a established", 1),
                new Event(3.25, "releasing", 1),
                new Event(3.5, "a station ended " + expected, 0),
                new Event(3.5, "a terminal ended " + expected, 0)), log);
    }

    @Test
    void release_calledAgainWhileReleasingOrAfterwards_changesNothing() {
        List<Event> log = new ArrayList<>();
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR, log);
            Probe a = model.connectAt(0.0, "a");
            model.at(3.0, () -> a.connection.release(Side.STATION));
            model.at(3.25, () -> a.connection.release(Side.TERMINAL));
            model.at(4.0, () -> a.connection.release(Side.TERMINAL));
            model.at(5.0, () -> model.record("end"));
        });
        assertEquals(List.of(
                new Event(2.0, "a established", 1),
                new Event(3.5, "a station ended RELEASED_BY_STATION", 0),
                new Event(3.5, "a terminal ended RELEASED_BY_STATION", 0),
                new Event(5.0, "end", 0)), log);
    }

    @Test
    void radioLinkFailure_finiteMeanTime_dropsTheConnectionAndFreesTheChannel() {
        List<Event> log = new ArrayList<>();
        long[] drops = new long[1];
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR.withMeanTimeToFailureSeconds(10.0), log);
            Probe a = model.connectAt(0.0, "a");
            // After the drop a release is too late and a send is discarded.
            model.at(1e6, () -> {
                a.connection.release(Side.TERMINAL);
                a.connection.sendUplink(128, "late", Departure.NONE);
                drops[0] = model.cell.drops();
            });
        });
        assertEquals(3, log.size(), log.toString());
        assertEquals(new Event(2.0, "a established", 1), log.get(0));
        double dropAt = log.get(1).atSeconds();
        assertTrue(dropAt > 2.0, "dropped at " + dropAt);
        assertEquals(List.of(
                new Event(dropAt, "a station ended DROPPED", 0),
                new Event(dropAt, "a terminal ended DROPPED", 0)), log.subList(1, 3));
        assertEquals(1, drops[0]);
    }

    @Test
    void release_beforeRadioLinkFailure_cancelsTheDrop() {
        List<Event> log = new ArrayList<>();
        long[] drops = new long[1];
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR.withMeanTimeToFailureSeconds(10.0), log);
            Probe a = model.connectAt(0.0, "a");
            a.onEstablished = connection -> connection.release(Side.TERMINAL);
            model.at(1e6, () -> drops[0] = model.cell.drops());
        });
        assertEquals(List.of(
                new Event(2.0, "a established"),
                new Event(2.5, "a station ended RELEASED_BY_TERMINAL"),
                new Event(2.5, "a terminal ended RELEASED_BY_TERMINAL")), plain(log));
        assertEquals(0, drops[0]);
    }

    @Test
    void radioLinkFailure_manyConnections_meanTimeToDropMatchesTheConfiguredMean() {
        double mean = 10.0;
        List<Double> lifetimes = dropLifetimes(SEED, mean, 20_000);
        assertEquals(20_000, lifetimes.size());
        double observed = lifetimes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // Exponential lifetimes: the standard deviation equals the mean, so the sample mean's is
        // mean / sqrt(n); the tolerance is the family-wise rule's two-sided quantile of them.
        double tolerance = FamilyWise.twoSidedZ() * mean / Math.sqrt(lifetimes.size());
        assertEquals(mean, observed, tolerance, "mean time to drop over " + lifetimes.size() + " connections");
    }

    @Test
    void radioLinkFailure_sameSeed_sameDropTimes() {
        assertEquals(dropLifetimes(SEED, 10.0, 50), dropLifetimes(SEED, 10.0, 50));
    }

    /**
     * Connects {@code count} times in a row on a one-channel cell, each connection lasting until its
     * radio link failure, and returns each connection's time from establishment to drop.
     */
    private static List<Double> dropLifetimes(long seed, double meanSeconds, int count) {
        List<Double> lifetimes = new ArrayList<>();
        simulate(scheduler -> {
            RadioCell cell = new RadioCell("cell-1", 1, AIR.withMeanTimeToFailureSeconds(meanSeconds),
                    scheduler, new RandomStreams(seed, 0), AirListener.NONE, CellListener.NONE);
            AccessCallback<String> again = new AccessCallback<>() {
                @Override
                public void blocked() {
                    throw new AssertionError("the only channel was busy");
                }

                @Override
                public void setupFailed() {
                    throw new AssertionError("set-up cannot fail here");
                }

                @Override
                public void stationDown() {
                    throw new AssertionError("the station never goes down here");
                }

                @Override
                public void accessFailed() {
                    throw new AssertionError("no random access here");
                }

                @Override
                public void established(Connection<String> connection) {
                    AccessCallback<String> self = this;
                    Endpoint<String> terminal = new Endpoint<>() {
                        @Override
                        public void receive(String unit, boolean damaged) {}

                        @Override
                        public void connectionEnded(ConnectionEnd end) {
                            assertEquals(ConnectionEnd.DROPPED, end);
                            lifetimes.add(scheduler.nowSeconds() - connection.establishedAtSeconds());
                            if (lifetimes.size() < count) {
                                cell.connect(self, QuietSide::new);
                            }
                        }
                    };
                    connection.attachTerminal(terminal);
                }
            };
            cell.connect(again, QuietSide::new);
        });
        return lifetimes;
    }

    // ---- links --------------------------------------------------------------------------------------

    @Test
    void send_backToBackUnits_arriveInOrderAfterTransmissionAndPropagationQueuedAtTheLinkRate() {
        List<Event> log = new ArrayList<>();
        List<String> departures = new ArrayList<>();
        long[] uplinkCounters = new long[3];
        simulate(scheduler -> {
            Departure<String> departed = (unit, atSeconds) -> departures.add(unit + " " + atSeconds
                    + " told at " + scheduler.nowSeconds());
            Model model = new Model(scheduler, 1, AIR, log);
            Probe a = model.connectAt(0.0, "a");
            a.onEstablished = c -> {
                c.sendUplink(128, "u1", departed);   // 2.0    .. 2.125
                c.sendUplink(64, "u2", departed);    // 2.125  .. 2.1875
                c.sendUplink(128, "u3", departed);   // 2.1875 .. 2.3125
                c.sendDownlink(128, "d1", departed); // the other direction is not queued behind
            };
            // An idle link starts at once, not where the last unit left off.
            model.at(3.0, () -> a.connection.sendUplink(64, "u4", departed));
            model.at(10.0, () -> {
                uplinkCounters[0] = a.connection.uplink().unitsSent();
                uplinkCounters[1] = a.connection.uplink().bytesSent();
                uplinkCounters[2] = a.connection.uplink().unitsLost();
            });
        });
        assertEquals(List.of("u1 2.125 told at 2.0", "u2 2.1875 told at 2.0", "u3 2.3125 told at 2.0",
                "d1 2.0625 told at 2.0", "u4 3.0625 told at 3.0"), departures, "told when handed over");
        assertEquals(List.of(
                new Event(2.0, "a established"),
                new Event(2.3125, "a terminal received d1"),
                new Event(2.375, "a station received u1"),
                new Event(2.4375, "a station received u2"),
                new Event(2.5625, "a station received u3"),
                new Event(3.3125, "a station received u4")), plain(log));
        assertEquals(4, uplinkCounters[0], "units sent");
        assertEquals(128 + 64 + 128 + 64, uplinkCounters[1], "bytes sent");
        assertEquals(0, uplinkCounters[2], "units lost");
    }

    @Test
    void send_afterReleaseStarted_discardedLikeUnitsStillInFlight() {
        List<Event> log = new ArrayList<>();
        List<Double> departures = new ArrayList<>();
        long[] sent = new long[2];
        simulate(scheduler -> {
            Model model = new Model(scheduler, 1, AIR, log);
            Probe a = model.connectAt(0.0, "a");
            a.onEstablished = c -> {
                c.sendUplink(128, "in flight", Departure.NONE); // would arrive at 2.375
                c.sendDownlink(128, "in flight", Departure.NONE);
            };
            model.at(2.0625, () -> {
                a.connection.release(Side.STATION);
                a.connection.sendUplink(128, "late", (unit, atSeconds) -> departures.add(atSeconds));
                a.connection.sendDownlink(128, "late", (unit, atSeconds) -> departures.add(atSeconds));
                sent[0] = a.connection.uplink().unitsSent();
                sent[1] = a.connection.downlink().unitsSent();
            });
        });
        assertEquals(List.of(2.0625, 2.0625), departures, "a discarded unit 'leaves' at once");
        assertEquals(1, sent[0], "uplink units sent");
        assertEquals(1, sent[1], "downlink units sent");
        assertEquals(List.of(
                new Event(2.0, "a established"),
                new Event(2.5625, "a station ended RELEASED_BY_STATION"),
                new Event(2.5625, "a terminal ended RELEASED_BY_STATION")), plain(log));
    }

    @Test
    void send_lossyLink_lostUnitsNeverArriveAndEveryUnitIsReportedToTheAirListenerAndDeparts() {
        int units = 2_000;
        List<Integer> received = new ArrayList<>();
        List<Boolean> reportedLost = new ArrayList<>();
        List<String> onTheAir = new ArrayList<>();
        List<String> departed = new ArrayList<>();
        long[] lostCount = new long[1];
        AirListener listener = (connection, sender, unit, bytes, departureSeconds, lost) -> {
            assertEquals(Side.TERMINAL, sender);
            reportedLost.add(lost);
            onTheAir.add(unit + " at " + departureSeconds);
        };
        Departure<Integer> departure = (unit, atSeconds) -> departed.add(unit + " at " + atSeconds);
        simulate(scheduler -> {
            RadioCell cell = new RadioCell("cell-1", 1, AIR.withLossModel(new BernoulliLoss(0.3)), scheduler,
                    new RandomStreams(SEED, 0), listener,
                    CellListener.NONE);
            Endpoint<Integer> station = new Endpoint<>() {
                @Override
                public void receive(Integer unit, boolean damaged) {
                    received.add(unit);
                }

                @Override
                public void connectionEnded(ConnectionEnd end) {}
            };
            cell.connect(new IdleAttempt<Integer>(connection -> {
                connection.attachTerminal(new QuietSide<>(connection));
                for (int i = 0; i < units; i++) {
                    connection.sendUplink(16, i, departure);
                }
                scheduler.schedule(1e6, () -> lostCount[0] = connection.uplink().unitsLost());
            }), connection -> station);
        });
        assertEquals(units, reportedLost.size(), "units reported to the air listener");
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            if (!reportedLost.get(i)) {
                expected.add(i);
            }
        }
        assertEquals(expected, received, "exactly the units not lost arrive, in order");
        assertEquals(units - received.size(), lostCount[0], "units lost");
        assertTrue(lostCount[0] > 0 && received.size() > 0, "both outcomes occur");
        assertEquals(onTheAir, departed, "every unit, lost or not, departs once, when its last bit leaves");
    }

    /** A side that ignores what arrives and how the connection ends. */
    private static final class QuietSide<T> implements Endpoint<T> {
        QuietSide(Connection<T> connection) {}

        @Override
        public void receive(T unit, boolean damaged) {}

        @Override
        public void connectionEnded(ConnectionEnd end) {}
    }

    /**
     * Each link draws its loss, and its corruption only if its direction corrupts, from the streams of its
     * direction, its cell and its connection's number, in the order a unit needs them: the loss draw, then,
     * for a unit not lost, the corruption draw and, for a corrupted one, the frame-check draw.
     */
    @Test
    void send_twoConnections_eachLinkDrawsFromTheStreamsOfItsDirectionCellAndNumber() {
        int units = 300;
        LossModel loss = new BernoulliLoss(0.5);
        AirInterface air = AIR.withLinks(UPLINK.withLossModel(loss).withCorruption(new Corruption(0.5, 1.0)),
                DOWNLINK.withLossModel(loss));
        List<List<Boolean>> lostUp = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Boolean>> lostDown = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<String>> arrivedUp = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<String>> arrivedDown = List.of(new ArrayList<>(), new ArrayList<>());
        AirListener listener = (connection, sender, unit, bytes, departureSeconds, lost) ->
                (sender == Side.TERMINAL ? lostUp : lostDown).get((int) connection.sequence()).add(lost);
        simulate(scheduler -> {
            RadioCell cell = new RadioCell("cell-1", 2, air, scheduler, new RandomStreams(SEED, 0), listener,
                    CellListener.NONE);
            for (int c = 0; c < 2; c++) {
                cell.connect(new IdleAttempt<Integer>(connection -> {
                    int number = (int) connection.sequence();
                    connection.attachTerminal(recorder(arrivedDown.get(number)));
                    for (int i = 0; i < units; i++) {
                        connection.sendUplink(16, i, Departure.NONE);
                        connection.sendDownlink(16, i, Departure.NONE);
                    }
                }), connection -> recorder(arrivedUp.get((int) connection.sequence())));
            }
        });
        RandomStreams streams = new RandomStreams(SEED, 0);
        for (int number = 0; number < 2; number++) {
            List<Boolean> expectedLostUp = lossDraws(loss, streams.stream(StreamPurpose.LOSS_UPLINK, "cell-1", number),
                    units);
            List<Boolean> expectedLostDown = lossDraws(loss,
                    streams.stream(StreamPurpose.LOSS_DOWNLINK, "cell-1", number), units);
            RandomGenerator corruption = streams.stream(StreamPurpose.CORRUPTION_UPLINK, "cell-1", number);
            List<String> expectedUp = new ArrayList<>();
            List<String> expectedDown = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                if (!expectedLostUp.get(i)) {
                    boolean damaged = corruption.nextDouble() < 0.5 && corruption.nextDouble() < 1.0;
                    expectedUp.add(i + (damaged ? " damaged" : ""));
                }
                if (!expectedLostDown.get(i)) {
                    expectedDown.add(Integer.toString(i));
                }
            }
            assertEquals(expectedLostUp, lostUp.get(number), "uplink losses of connection " + number);
            assertEquals(expectedLostDown, lostDown.get(number), "downlink losses of connection " + number);
            assertEquals(expectedUp, arrivedUp.get(number), "uplink arrivals of connection " + number);
            assertEquals(expectedDown, arrivedDown.get(number), "downlink arrivals of connection " + number);
            assertTrue(expectedUp.stream().anyMatch(u -> u.endsWith("damaged")), "some uplink units damaged");
        }
        assertFalse(lostUp.get(0).equals(lostUp.get(1)), "the two connections draw apart");
    }

    private static List<Boolean> lossDraws(LossModel model, RandomGenerator random, int units) {
        LossProcess process = model.newProcess(random);
        List<Boolean> lost = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            lost.add(process.nextUnitLost());
        }
        return lost;
    }

    /** An endpoint that writes each unit it receives, marked if damaged, to {@code arrivals}. */
    private static Endpoint<Integer> recorder(List<String> arrivals) {
        return new Endpoint<>() {
            @Override
            public void receive(Integer unit, boolean damaged) {
                arrivals.add(unit + (damaged ? " damaged" : ""));
            }

            @Override
            public void connectionEnded(ConnectionEnd end) {}
        };
    }
}
