package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BackupStore;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.StationConfig;
import io.radiolink.node.UserData;
import io.radiolink.simulation.ReplicationModel;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Relocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The invariants of network storage ({@link NetworkInvariantChecker}) on randomized scenarios: each seed's
 * {@link InvariantScenario} (its air, protocol, workload and stations, one to three), run with one
 * subscriber store behind its stations, restores relocated uniformly or to the same cell with a drawn
 * probability, and per station a backhaul of drawn rate (100 kbit/s to 1 Gbit/s), delay (0.1 ms to
 * 0.3 s), loss (none in half, else up to 0.2), relay mode and outages (as a station's), and the store's
 * own capacity (tight to ample), outages and retention; all drawn from a stream of their own, so the
 * station-storage parameters of a seed stay those of {@link InvariantTest}.
 *
 * <p>Checked: every flow ends, once; no flow leaves a timer armed; after the run no channel, session,
 * backhaul message, staging space or request waiting at the store is left; no station ever holds a copy
 * or staging space; every change of the store's copies is a commit of a started backup's data and
 * password (versions increasing), or a removal by the clear of a confirmed download whose terminal holds
 * the data, an expiry at its time, or the loss of a volatile store going down; every commit and clear
 * of the store is told once, in its flow's record or as a late store effect after the flow ended (a
 * backup's commit its terminal never heard of, a confirmed download's clear); every successful backup's
 * data was committed before it ended, and a download's terminal holds only data that was committed
 * under its number. Seeds 1 to {@value InvariantTest#DEFAULT_SEEDS} on both engines by default (the
 * same system properties as {@link InvariantTest}); the large run, in {@link InvariantTest}, runs each seed under both storage modes.
 */
final class NetworkInvariantTest {

    /** The cases the default seeds must reach under network storage (and the large run, in InvariantTest). */
    static final List<String> MUST_BE_EXERCISED = List.of(
            "outcome BACKUP SUCCESS",
            "outcome DOWNLOAD SUCCESS",
            "outcome BACKUP STATION_DOWN",
            "outcome BACKUP STORE_UNAVAILABLE",
            "outcome DOWNLOAD STORE_UNAVAILABLE",
            "outcome BACKUP STORAGE_FULL",
            "outcome DOWNLOAD NO_BACKUP",
            "downloads SUCCESS cross-cell",
            "copies cleared in the store",
            "copies expired",
            "copies lost in store outages",
            "store went down",
            "events with a backhaul down",
            "flows on shared cells",
            "restores under restoreAfter success",
            "restores under restoreAfter any",
            "late BACKUP COMMITTED",
            "late DOWNLOAD CLEARED");

    /** A seed's scenario under network storage. */
    record NetworkScenario(InvariantScenario base, StorageMode.Network storage, Relocation relocation,
            String summary) {

        static NetworkScenario draw(long seed) {
            InvariantScenario base = InvariantScenario.draw(seed);
            Random random = new Random(seed * 0x9e3779b97f4a7c15L + 13);
            StringBuilder summary = new StringBuilder();
            int stations = base.stations().size();
            Relocation relocation = random.nextBoolean() ? new Relocation.SameCell(1.0 / stations)
                    : new Relocation.SameCell(random.nextDouble());
            StorageMode.Attachment first = null;
            Map<String, StorageMode.Attachment> perStation = new TreeMap<>();
            for (StationConfig station : base.stations()) {
                StorageMode.Attachment attachment = attachment(random, base.runLengthSeconds(), summary, station.id());
                if (first == null) {
                    first = attachment;
                } else {
                    perStation.put(station.id(), attachment);
                }
            }
            double meanSize = base.workload().userDataBytes().mean();
            long capacity = switch (random.nextInt(3)) {
                case 0 -> (long) Math.ceil(meanSize * random.nextDouble(0.8, 2.5)); // tight: STORAGE_FULL
                case 1 -> (long) Math.ceil(meanSize * base.workload().subscribersPerStation() * stations * random.nextDouble(1.0, 2.0));
                default -> 1_000_000_000_000L;
            };
            OutageConfig outages = outages(random, base.runLengthSeconds(), random.nextBoolean());
            double retention = random.nextBoolean() ? Double.POSITIVE_INFINITY : random.nextDouble(10, 300);
            summary.append(String.format(Locale.ROOT, "; store %d B, %s, retention %.1f s, %s", capacity, outages,
                    retention, relocation));
            return new NetworkScenario(base, new StorageMode.Network(capacity, outages, retention, first, perStation),
                    relocation, base.summary() + summary);
        }

        private static StorageMode.Attachment attachment(Random random, double runLength, StringBuilder summary,
                String id) {
            double rate = new double[] {1e5, 1e6, 1e8, 1e9}[random.nextInt(4)];
            double delay = random.nextDouble(0.0001, 0.3);
            BackhaulConfig backhaul = BackhaulConfig.lossless(rate, delay);
            if (random.nextBoolean()) {
                backhaul = backhaul.withLoss(random.nextDouble(0, 0.2), 2 * delay * random.nextDouble(1.0, 3.0));
            }
            backhaul = backhaul.withOutages(outages(random, runLength, true));
            RelayMode relay = random.nextBoolean() ? RelayMode.STORE_AND_FORWARD : RelayMode.STREAMED;
            summary.append(String.format(Locale.ROOT, "; %s backhaul %.0f bit/s %.4f s loss %.3f %s %s", id, rate, delay,
                    backhaul.lossProbability(), relay, backhaul.outages()));
            return new StorageMode.Attachment(backhaul, relay);
        }

        /** No outages in half the draws; else 1-3 scheduled periods of 10-100 s, random ones, or both. */
        private static OutageConfig outages(Random random, double runLength, boolean persistent) {
            if (random.nextBoolean()) {
                return OutageConfig.NONE;
            }
            int kind = random.nextInt(3);
            List<OutageConfig.DownPeriod> scheduled = new ArrayList<>();
            if (kind != 1) {
                double from = 0;
                int periods = 1 + random.nextInt(3);
                for (int p = 0; p < periods; p++) {
                    double start = from + random.nextDouble(0, runLength / periods);
                    double end = start + random.nextDouble(10, 100);
                    scheduled.add(new OutageConfig.DownPeriod(start, end));
                    from = end;
                }
            }
            double meanUp = kind == 0 ? Double.POSITIVE_INFINITY : runLength * random.nextDouble(0.1, 1.5);
            return new OutageConfig(scheduled, meanUp, kind == 0 ? 1.0 : random.nextDouble(10, 100), persistent);
        }

        /**
         * {@link InvariantScenario#calm} on two stations behind a store that never goes down, over clean
         * 10 Mbit/s backhauls of 5 ms, restores uniformly relocated.
         */
        static NetworkScenario calm(long seed) {
            InvariantScenario one = InvariantScenario.calm(seed);
            StationConfig station = one.stations().get(0);
            InvariantScenario two = new InvariantScenario(seed, List.of(station,
                    new StationConfig("bs-1", station.channels(), station.storageCapacityBytes(), station.airInterface(),
                            true)), one.protocol(), one.workload(), one.runLengthSeconds(), "calm, two stations");
            return new NetworkScenario(two, StorageMode.Network.uniform(1_000_000_000L, new StorageMode.Attachment(
                    BackhaulConfig.lossless(1e7, 0.005), RelayMode.STORE_AND_FORWARD)), new Relocation.SameCell(0.5),
                    "calm, two stations, network storage");
        }

        /**
         * {@link #calm} with bs-1's backhaul 1.5 s from the store: a look-up from bs-1 is answered about 3 s
         * after it was sent, after the terminal gave up (0.5 s control timeout, 3 retries), so the downloads
         * at bs-1 of copies committed through bs-0 find them only after they ended.
         */
        static NetworkScenario calmWithASlowBackhaul(long seed) {
            NetworkScenario calm = calm(seed);
            return new NetworkScenario(calm.base(), calm.storage().withStation("bs-1", new StorageMode.Attachment(
                    BackhaulConfig.lossless(1e7, 1.5), RelayMode.STORE_AND_FORWARD)), calm.relocation(),
                    calm.summary() + ", bs-1's backhaul 1.5 s");
        }

        /** A checker of this scenario's run on {@code engine}. */
        NetworkInvariantChecker checker(Engine engine) {
            return new NetworkInvariantChecker(base.seed(), engine, storage, base.workload().restoreAfter(),
                    base.protocol().auth());
        }

        Simulation simulation(NetworkInvariantChecker checker) {
            return simulation(checker, model -> {});
        }

        /** The simulation, whose script attaches {@code checker} and then runs {@code more}. */
        Simulation simulation(NetworkInvariantChecker checker, Consumer<ReplicationModel> more) {
            return simulation(checker, checker, more);
        }

        /** As {@link #simulation(NetworkInvariantChecker, Consumer)}, the flows told to {@code flows} (the checker, or a listener forwarding to it). */
        Simulation simulation(NetworkInvariantChecker checker, FlowListener flows, Consumer<ReplicationModel> more) {
            Simulation.Builder builder = Simulation.builder()
                    .protocol(base.protocol())
                    .workload(base.workload().withRelocation(relocation))
                    .runLengthSeconds(base.runLengthSeconds())
                    .seed(base.seed())
                    .storage(storage)
                    .engine(checker.engine())
                    .flowListener(flows)
                    .authListener(checker.authListener())
                    .script(model -> {
                        checker.attach(model);
                        more.accept(model);
                    });
            base.stations().forEach(builder::station);
            return builder.build();
        }

        /** Runs the scenario on {@code engine} under a checker, which has run its end-of-run checks. */
        NetworkInvariantChecker check(Engine engine) {
            NetworkInvariantChecker checker = checker(engine);
            simulation(checker).run();
            checker.finish();
            return checker;
        }
    }

    @org.junit.jupiter.api.TestFactory
    Stream<DynamicTest> randomizedScenarios_networkStorage_keepTheInvariants() {
        Map<String, Long> exercised = new TreeMap<>();
        Stream<DynamicTest> scenarios = LongStream.range(InvariantTest.FIRST_SEED, InvariantTest.FIRST_SEED + InvariantTest.SEEDS)
                .mapToObj(NetworkScenario::draw)
                .flatMap(scenario -> Stream.of("lean", "dsol").map(engine -> dynamicTest(
                        "seed " + scenario.base().seed() + ", " + engine, () -> {
                            NetworkInvariantChecker checker = scenario.check(
                                    engine.equals("lean") ? new LeanEngine() : new DsolEngine());
                            checker.counts().forEach((key, count) -> exercised.merge(key, count, Long::sum));
                            assertTrue(checker.violations().isEmpty(), () -> "seed " + scenario.base().seed() + " on "
                                    + engine + " (" + scenario.summary() + "):\n  "
                                    + String.join("\n  ", checker.violations()));
                        })));
        DynamicTest coverage = dynamicTest("the scenarios exercised every case", () -> {
            assumeTrue(InvariantTest.SEEDS >= InvariantTest.DEFAULT_SEEDS, "fewer seeds than the default");
            for (String key : MUST_BE_EXERCISED) {
                assertTrue(exercised.getOrDefault(key, 0L) > 0, () -> "no scenario exercised '" + key + "': " + exercised);
            }
            System.out.println("network storage, seeds " + InvariantTest.FIRST_SEED + "-"
                    + (InvariantTest.FIRST_SEED + InvariantTest.SEEDS - 1) + " on two engines: " + exercised);
        });
        return Stream.concat(scenarios, Stream.of(coverage));
    }

    @Test
    void checker_calmScenarioUntouched_reportsNothing() {
        NetworkInvariantChecker checker = NetworkScenario.calm(7).check(new LeanEngine());
        assertEquals(List.of(), checker.violations());
        assertTrue(checker.counts().getOrDefault("copies cleared in the store", 0L) > 0, checker.counts().toString());
        assertTrue(checker.counts().getOrDefault("downloads SUCCESS cross-cell", 0L) > 0, checker.counts().toString());
    }

    @Test
    void checker_lookupsAnsweredAfterTheirDownloadsEnded_toldLateAndReportsNothing() {
        NetworkInvariantChecker checker = NetworkScenario.calmWithASlowBackhaul(7).check(new LeanEngine());
        assertEquals(List.of(), checker.violations());
        assertTrue(checker.counts().getOrDefault("late DOWNLOAD copy at request", 0L) > 0, checker.counts().toString());
    }

    @Test
    void checker_lateCopyAtRequestToldTwice_reportsTheFlow() {
        List<String> violations = toldLate(NetworkScenario.calmWithASlowBackhaul(7), 1, 2);
        assertTrue(violations.stream().anyMatch(v -> v.contains("told a late copy at request twice")),
                violations.toString());
    }

    @Test
    void checker_copyKeptAtAStation_reportsTheStation() {
        List<String> violations = tampered(model -> {
            BackupStore own = model.station("bs-0").store();
            UserData data = UserData.synthetic(100, 1, 1);
            own.commit(own.reserve(100).orElseThrow(), PhoneNumber.of("0100"), data,
                    PasswordVerifier.of(PhoneNumber.of("0100"), "x"), model.scheduler().nowSeconds());
        });
        assertTrue(violations.stream().anyMatch(v -> v.contains("bs-0") && v.contains("holds a copy")), violations.toString());
    }

    @Test
    void checker_copyClearedInTheStoreBehindTheProtocol_reportsTheRemoval() {
        List<String> violations = tampered(model -> {
            BackupStore store = model.subscriberStore().orElseThrow().store();
            store.committedCopies().stream().findFirst()
                    .ifPresent(copy -> store.clear(copy.phoneNumber(), copy.version()));
        });
        assertTrue(violations.stream().anyMatch(v -> v.contains("left the store without a confirmed download")),
                violations.toString());
    }

    @Test
    void checker_commitBehindTheProtocol_reportsTheUntoldCommit() {
        List<String> violations = tampered(model -> {
            // The data and verifier of a backup that started, committed again: only the count can tell.
            BackupStore store = model.subscriberStore().orElseThrow().store();
            StoredBackup copy = store.committedCopies().iterator().next();
            store.commit(store.reserve(copy.data().sizeBytes()).orElseThrow(), copy.phoneNumber(), copy.data(),
                    copy.verifier(), model.scheduler().nowSeconds());
        });
        assertTrue(violations.stream().anyMatch(v -> v.contains("commits, the stations told")), violations.toString());
    }

    @Test
    void checker_lateStoreEffectsNeverTold_reportsTheUntoldClears() {
        List<String> violations = toldLate(NetworkScenario.calm(7), 0, 1);
        assertTrue(violations.stream().anyMatch(v -> v.contains("no station told")), violations.toString());
    }

    @Test
    void checker_lateStoreEffectToldTwice_reportsTheFlow() {
        List<String> violations = toldLate(NetworkScenario.calm(7), 2, 1);
        assertTrue(violations.stream().anyMatch(v -> v.contains("told a late store effect twice")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("the store did not make")), violations.toString());
    }

    /**
     * {@code scenario}'s run with every late store effect told {@code effects} times and every late copy at
     * request {@code copies} times; the violations.
     */
    private static List<String> toldLate(NetworkScenario scenario, int effects, int copies) {
        NetworkInvariantChecker checker = scenario.checker(new LeanEngine());
        FlowListener repeating = new FlowListener() {
            @Override
            public void flowStarted(Flow flow, double timeSeconds) {
                checker.flowStarted(flow, timeSeconds);
            }

            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                checker.flowEnded(flow, record);
            }

            @Override
            public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
                for (int i = 0; i < effects; i++) {
                    checker.lateStoreEffect(record, effect, timeSeconds);
                }
            }

            @Override
            public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
                for (int i = 0; i < copies; i++) {
                    checker.lateCopyAtRequest(record, timeSeconds);
                }
            }
        };
        scenario.simulation(checker, repeating, model -> {}).run();
        checker.finish();
        return checker.violations();
    }

    /** The calm network scenario with {@code tampering} done at 30 s; the violations the checker found. */
    private static List<String> tampered(Consumer<ReplicationModel> tampering) {
        NetworkScenario calm = NetworkScenario.calm(7);
        NetworkInvariantChecker checker = calm.checker(new LeanEngine());
        calm.simulation(checker, model -> model.scheduler().scheduleAt(30, () -> tampering.accept(model))).run();
        checker.finish();
        return checker.violations();
    }

    @Test
    void engines_sameSeedUnderNetworkStorage_identicalResults() {
        for (long seed = 1; seed <= 5; seed++) {
            NetworkScenario scenario = NetworkScenario.draw(seed);
            ReplicationResult lean = scenario.simulation(scenario.checker(new LeanEngine())).run().replications().get(0);
            ReplicationResult dsol = scenario.simulation(scenario.checker(new DsolEngine())).run().replications().get(0);
            assertEquals(lean, dsol, "seed " + seed);
        }
    }
}
