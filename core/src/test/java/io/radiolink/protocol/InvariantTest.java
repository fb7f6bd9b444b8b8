package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.radio.ConnectionEnd;
import io.radiolink.radio.Endpoint;
import io.radiolink.protocol.terminal.TerminalTampering;
import io.radiolink.radio.IdleAttempt;
import io.radiolink.radio.RadioCell;
import io.radiolink.simulation.ReplicationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The model's safety invariants hold on every flow and every store change of many randomized
 * scenarios, and the scenarios reach the cases the invariants are about.
 *
 * <p><b>Scenarios.</b> {@link InvariantScenario#draw} draws each scenario from a {@code java.util.Random}
 * seeded with its seed (also the simulation's seed, so a seed reproduces a scenario exactly). By default
 * seeds 1 to {@value #DEFAULT_SEEDS} run, each on the lean and on the DSOL engine; the system properties
 * {@code radiolink.invariants.firstSeed} and {@code radiolink.invariants.seeds} move and size that range
 * (for bisecting: {@code -Dradiolink.invariants.firstSeed=13719 -Dradiolink.invariants.seeds=1}), and
 * the coverage of the cases is asserted only over at least the default count. The large run (tag
 * {@code slow}) draws seeds on the lean engine until a million flows met a fault. Seeds that once broke
 * an invariant are pinned by their drawn configuration in {@link InvariantRegressionTest}. A scenario
 * has 1-3 stations with 1-4 channels and capacities from tight (below two copies) to
 * ample, per direction no loss, Bernoulli or Gilbert-Elliott loss of up to about 0.3, set-up failures,
 * short, long or no radio link failures, stop-and-wait or selective repeat with retry limits of 0-4
 * (control 0-3), 1-5 subscribers per station (so the same numbers are backed up and restored again
 * and concurrently), restore shares up to 1, mistyped passwords up to 0.3, stations that clear after a
 * download or not, and 150-400 simulated seconds. About half the stations never go down; the others
 * have 1-3 scheduled down periods of 10-100 s, random outages (mean up time 0.1-1.5 run lengths, mean
 * down time 10-100 s) or both, with a persistent or a volatile store. About half the stations keep
 * copies forever, the others for 10-300 s. Outages and retention are drawn after everything else, so
 * the other parameters of a seed are those it had before the two mechanisms existed.
 * After those, drawn last for the same reason: password in the request or challenge-response, with
 * or without lock-out (1-4 failures, 10-90 s), corruption per link (up to 0.2, undetected 0-1) and
 * random access per station (slot 0.01-0.1 s, 1-8 preambles, back-off 1-8, 1-5 transmissions). Last of
 * all, chunks in about half the scenarios (a multiple of the frame payload or not, 0-3 repair rounds)
 * and reconnection in about half (2-5 attempts, back-off 0-5 s growing by 1-3 up to 1-4 times the first,
 * any jitter, resume from the offset or not, partial uploads kept 0-120 s), then retries of refused attempts in half of
 * those; after those, the network's space (issue 13): a shared cell in about half the stations
 * (processor sharing or round robin, capacities 0.5-4 times the links' rate, a cap of 1-12 terminals),
 * relocated restores in about half the multi-station scenarios and the restore rule ({@code success}
 * or {@code any}); last of all, peer fetch in about half the multi-station scenarios (every station's
 * backhaul of 100 kbit/s to 1 Gbit/s, 0.1-100 ms, loss up to 0.2 in half, outages as a station's). The
 * large run also runs each seed under network storage
 * ({@link NetworkInvariantTest.NetworkScenario}), so that one run covers the whole space.
 *
 * <p><b>How the model is observed.</b> Through the public API, but for one package-private view of
 * whether a flow still has a timer armed (invariant 8): {@link InvariantChecker} is the
 * run's flow listener and air listener, the builder's script hands it the stations, and the builder's
 * engine ({@link InvariantChecker#engine()}: the engine under test, whose scheduler wraps every action)
 * tells it the end of every event. At every callback (flowStarted, phaseChanged, flowEnded, unitSent)
 * and every event's end it compares each station's {@code committedCopies()} with its snapshot from the
 * previous look, and each station's {@code cell().isDown()} with the previous look. A commit happens
 * when a TerminalComplete arrives and is followed in the same event by the StationComplete on the air;
 * a clear happens when a confirmed download's connection ends and is followed in the same event by
 * that download's flowEnded; an expiry is an event of its own, seen at its end; an outage's event sets
 * the cell down before it ends the station's flows (whose flowEnded then see the cell down) and, for a
 * volatile store, loses the copies after them, seen at that event's end. So every change is seen in the
 * event that made it, with the flow that caused it if any, and a change seen at any other moment is a
 * violation. The outage times are thus observed, not recomputed from the configuration (random outages
 * would need the station's random stream). The checker maps each connection to its flow by the request
 * that is the first unit after the flow's REQUEST phase starts, and checks the station's first answer
 * on each connection against the store as it is in that same event.
 *
 * <p><b>Invariants</b> (each violation names the seed, the simulation time and the flow):
 * <ol>
 *   <li>Every started flow ends in exactly one outcome: no flow starts or ends twice, none changes
 *       phase outside its life, none is left unended after the run, and its record matches it.
 *   <li>No committed copy is replaced by an incomplete one or corrupted: a copy changes only to a new
 *       version, higher than any before in that store, whose data equals the user data of the one
 *       backup flow of that number that is in COMPLETE (it sent its complete command) and whose
 *       verifier is that flow's password; that flow's record says COMMITTED, and no other backup's
 *       does. Store accounting stays consistent and no staging space is left after the run.
 *   <li>Every successful download gave its terminal exactly the data of the copy the station handed
 *       over, which was the stored copy when the station accepted the request (so never an expired or
 *       lost copy), committed before the download's transfer began, by a backup that typed the same
 *       password.
 *   <li>Nothing is cleared before its download is confirmed, and copies leave a store only in the
 *       documented ways. A copy disappears only (a) at the flowEnded of a download of that copy whose
 *       record says CLEARED, at a station that clears, and that download's terminal then holds the
 *       copy's data; (b) by expiry: at the end of an event at exactly its commit time plus the
 *       station's {@code retentionSeconds}, having been the current version until then; or (c) at the
 *       end of the event in which its station, with a volatile store, went down. A persistent store
 *       never loses a copy in an outage; a volatile one holds nothing at the end of that event. No copy
 *       is held past its commit time plus the retention, and none is left after the run at a station
 *       with a finite retention. A CLEARED record always comes with a disappearance (a), and a
 *       CONFIRMED one at a clearing station only if the copy was replaced, cleared, expired or lost
 *       meanwhile. Under peer fetch a copy also disappears (d) at its holder, after the flow ended, by
 *       the clear of a confirmed download of that version at another, clearing station whose terminal
 *       holds its data, each download explaining one clear; after the run such a copy is no longer at
 *       its holder unless the holder was down after the flow ended (it then clears nothing), and every
 *       backhaul message was delivered. A download decided across the backhaul is checked against the
 *       holder's copies: ACCEPTED only with data another station committed under the number with the
 *       typed password's verifier (the latest such copy is the one handed over, committed before the
 *       transfer), refused only for a cause peer fetch can give; its lock-out attempt is counted at a
 *       moment the checker does not see, so the number's count at that station is unknown from then.
 *   <li>A wrong password never yields data: the station's answer agrees with the stored verifier (a
 *       password other than the committing backup's is AUTH_REJECTED), an AUTH_REJECTED or NO_BACKUP
 *       download gets no data frame on the air and its terminal holds nothing, and no data frame goes
 *       to a download the station did not accept.
 *   <li>The station's view differs only in the documented ways: a backup's effect is NONE or
 *       COMMITTED, a download's NONE, CONFIRMED or CLEARED; a SUCCESS has an effect; a download the
 *       station confirmed or cleared has the handed-over data on its terminal, and a terminal never
 *       holds any other data.
 *   <li>Outages end flows exactly as documented: a flow ends with STATION_DOWN only while its station
 *       is down, either at once (a flow that starts while its station is down ends so at once, unless
 *       PASSWORD_NOT_ENTERED) or in the event the station went down, and never after having decided
 *       its outcome (entered RELEASE). A flow backing off holds no connection and lives through an
 *       outage. Any other outcome, SUCCESS included, ends while the
 *       station is down only in the event it went down, by a flow that entered RELEASE in an earlier
 *       event (a decided outcome stays). At the end of that event none of the station's flows is left
 *       and nothing is staged; no phase change and no unit on the air happens at a station that is
 *       down.
 *   <li>An ended flow leaves nothing behind: when it ends, at the end of that event and after the run
 *       it has no timer armed (the terminal's control retry, the ARQ sender of either end); no cell
 *       ever holds more channels than its station's flows that are under way and not backing off,
 *       and after the run no cell holds a channel. (The run goes on until no event is left, so a flow
 *       that hangs with no timer shows up here and as never ended.)
 * </ol>
 *
 * <p>The {@code checker_*} tests show that the checks are not vacuous: in a calm scenario that keeps
 * every invariant, a store, terminal or cell changed behind the protocol's back through the public
 * API (or, for a control retry armed after the flow decided, through the package-private control
 * sender) is reported with the seed, and a calm scenario with an outage of a volatile store and a short
 * retention keeps every invariant while copies expire and are lost.
 */
final class InvariantTest {

    /** Randomized scenarios checked by default, on each engine. */
    static final long DEFAULT_SEEDS = 100;

    /** The first seed of the randomized scenarios (system property, default 1). */
    static final long FIRST_SEED = Long.getLong("radiolink.invariants.firstSeed", 1);

    /** How many seeds the default run checks on each engine (system property, default {@value #DEFAULT_SEEDS}). */
    static final long SEEDS = Long.getLong("radiolink.invariants.seeds", DEFAULT_SEEDS);

    /** The system property giving the faulted flows the large run needs. */
    static final String FAULTED_FLOWS_PROPERTY = "radiolink.invariants.faultedFlows";

    /** The engines the default run checks each seed on. */
    private static final Map<String, Supplier<Engine>> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put("lean", LeanEngine::new);
        ENGINES.put("dsol", DsolEngine::new);
    }

    private static final List<String> MUST_BE_EXERCISED = List.of(
            "outcome BACKUP SUCCESS",
            "outcome DOWNLOAD SUCCESS",
            "outcome BACKUP AUTH_REJECTED",
            "outcome DOWNLOAD AUTH_REJECTED",
            "outcome BACKUP STORAGE_FULL",
            "outcome DOWNLOAD NO_BACKUP",
            "outcome BACKUP RETRIES_EXHAUSTED",
            "outcome DOWNLOAD RETRIES_EXHAUSTED",
            "outcome BACKUP LINK_DROPPED",
            "outcome DOWNLOAD LINK_DROPPED",
            "outcome BACKUP BLOCKED",
            "outcome BACKUP SETUP_FAILED",
            "station view differs",
            "copies cleared",
            "concurrent backup and download of one number",
            "commits during a download of the number",
            "downloads with a password other than the committing backup's",
            "outcome BACKUP STATION_DOWN",
            "outcome DOWNLOAD STATION_DOWN",
            "copies lost in outages",
            "copies kept through an outage (persistent store)",
            "copies expired",
            "downloads NO_BACKUP, expired",
            "downloads NO_BACKUP, lost in an outage",
            "access failures",
            "outcome BACKUP INTEGRITY_MISMATCH",
            "outcome DOWNLOAD INTEGRITY_MISMATCH",
            "right-password rejections while locked",
            "challenges on the air",
            "repair requests on the air",
            "reconnections",
            "access retries",
            "flows refused after access retries",
            "flows with more than one attempt, SUCCESS",
            "backups resumed from a partial upload",
            "downloads resumed",
            "parked partial uploads kept through an outage (persistent store)",
            "flows on shared cells, processorSharing",
            "flows on shared cells, roundRobin",
            "flows on shared cells whose uplink is below a terminal's rate",
            "flows blocked at a shared cell's cap",
            "admissions on shared cells checked at their decision",
            "outcome DOWNLOAD COPY_ELSEWHERE",
            "outcome DOWNLOAD STORE_UNAVAILABLE",
            "downloads decided across the backhaul, ACCEPTED",
            "told: lock-outs after failures at several stations",
            "copies cleared at the holder after the flow",
            "restores under restoreAfter success",
            "restores under restoreAfter any");

    /**
     * Cases too rare for the default seeds (about one scenario in 300 for the first), asserted over the
     * large run only; the default build reaches each deterministically elsewhere, named here.
     */
    private static final List<String> RARE_CASES = List.of(
            // OutageTest.confirmedDownload_stationDownDuringRelease_outcomeKeptAndCopyCleared
            "successes ended by an outage during release");

    @TestFactory
    Stream<DynamicTest> randomizedScenarios_everyFlowAndStoreChange_keepSafetyInvariants() {
        assertTrue(SEEDS >= 1, () -> "radiolink.invariants.seeds must be at least 1, was " + SEEDS);
        Map<String, Long> exercised = new TreeMap<>();
        Stream<DynamicTest> scenarios = LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS)
                .mapToObj(InvariantScenario::draw)
                .flatMap(scenario -> ENGINES.entrySet().stream().map(engine -> dynamicTest(
                        "seed " + scenario.seed() + ", " + engine.getKey(), () -> {
                            InvariantChecker checker = check(scenario, engine.getValue().get());
                            checker.counts().forEach((key, count) -> exercised.merge(key, count, Long::sum));
                            List<String> violations = checker.violations();
                            assertTrue(violations.isEmpty(), () -> brokenBy(scenario, engine.getKey(), violations));
                        })));
        DynamicTest coverage = dynamicTest("the scenarios exercised every case", () -> {
            assumeTrue(SEEDS >= DEFAULT_SEEDS, () -> "fewer than the default " + DEFAULT_SEEDS
                    + " seeds, whose coverage is asserted");
            System.out.println("station storage, seeds " + FIRST_SEED + "-" + (FIRST_SEED + SEEDS - 1)
                    + " on two engines: " + exercised);
            assertExercisedEveryCase(exercised);
        });
        return Stream.concat(scenarios, Stream.of(coverage));
    }

    /**
     * The randomized scenarios of seeds 1 to 50 on shared cells ({@code EngineEquivalenceTest.sharedScenario}:
     * processor sharing or round robin), on the lean engine: every invariant holds there too.
     */
    @TestFactory
    Stream<DynamicTest> randomizedScenariosOnSharedCells_keepSafetyInvariants() {
        return LongStream.rangeClosed(1, 50).mapToObj(EngineEquivalenceTest::sharedScenario)
                .map(scenario -> dynamicTest("seed " + scenario.seed(), () -> {
                    List<String> violations = check(scenario, new LeanEngine()).violations();
                    assertTrue(violations.isEmpty(), () -> brokenBy(scenario, "lean", violations));
                }));
    }

    /**
     * The large run (tag {@code slow}, {@code mvn -Pslow verify}): on the lean engine, from the first
     * seed on, each seed's scenario runs twice, under station storage ({@link InvariantChecker}) and under
     * network storage ({@link NetworkInvariantTest.NetworkScenario}, {@link NetworkInvariantChecker}), so
     * that one run covers the whole drawn space (shared cells, relocation, the restore rule, retries, the
     * store and its backhauls); seeds are drawn until the two runs' flows include as many faulted ones as
     * the system property {@value #FAULTED_FLOWS_PROPERTY} says (default a million), and not one
     * invariant may break. Prints progress every 1,000 seeds and the totals (seeds, flows, faulted flows,
     * violations, wall time) per storage mode at the end. More seeds than the target would mean fewer than
     * one faulted flow per scenario: the drawing no longer makes faults, and the run stops there as a
     * failure.
     */
    @Test
    @Tag("slow")
    void largeRun_leanEngineUntilTheFaultedFlowsTarget_keepsEveryInvariant() {
        long target = Long.getLong(FAULTED_FLOWS_PROPERTY, 1_000_000);
        assertTrue(target >= 1, () -> FAULTED_FLOWS_PROPERTY + " must be at least 1, was " + target);
        long startNanos = System.nanoTime();
        Map<String, Long> exercised = new TreeMap<>();
        Map<String, Long> network = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        long[] violations = {0, 0};
        long seed = FIRST_SEED;
        while (exercised.getOrDefault(InvariantChecker.FAULTED, 0L)
                + network.getOrDefault(NetworkInvariantChecker.FAULTED, 0L) < target) {
            long drawn = seed - FIRST_SEED;
            assertTrue(drawn < target, () -> drawn + " seeds drew only " + exercised.get(InvariantChecker.FAULTED)
                    + " faulted flows, fewer than one a scenario");
            InvariantScenario scenario = InvariantScenario.draw(seed);
            try {
                InvariantChecker checker = check(scenario, new LeanEngine());
                checker.counts().forEach((key, count) -> exercised.merge(key, count, Long::sum));
                if (checker.violationCount() > 0) {
                    violations[0] += checker.violationCount();
                    broken.add(brokenBy(scenario, "lean", checker.violations()));
                }
            } catch (RuntimeException e) {
                violations[0]++;
                broken.add("seed " + seed + " threw " + e);
            }
            NetworkInvariantTest.NetworkScenario networked = NetworkInvariantTest.NetworkScenario.draw(seed);
            try {
                NetworkInvariantChecker checker = networked.check(new LeanEngine());
                checker.counts().forEach((key, count) -> network.merge(key, count, Long::sum));
                if (checker.violationCount() > 0) {
                    violations[1] += checker.violationCount();
                    broken.add("seed " + seed + " under network storage (" + networked.summary() + "):\n  "
                            + String.join("\n  ", checker.violations()));
                }
            } catch (RuntimeException e) {
                violations[1]++;
                broken.add("seed " + seed + " under network storage threw " + e);
            }
            seed++;
            if ((seed - FIRST_SEED) % 1_000 == 0) {
                System.out.println(largeRunFigures(seed, exercised, network, violations, broken.size(), startNanos));
            }
        }
        System.out.println("large run done: " + largeRunFigures(seed, exercised, network, violations, broken.size(),
                startNanos) + "; target " + target + " faulted flows");
        long total = violations[0] + violations[1];
        assertTrue(broken.isEmpty(), () -> total + " violations in " + broken.size() + " runs:\n"
                + String.join("\n", broken.subList(0, Math.min(20, broken.size()))));
        assertExercisedEveryCase(exercised);
        for (String key : RARE_CASES) {
            assertTrue(exercised.getOrDefault(key, 0L) > 0, () -> "the large run never exercised '" + key + "'");
        }
        for (String key : NetworkInvariantTest.MUST_BE_EXERCISED) {
            assertTrue(network.getOrDefault(key, 0L) > 0, () -> "network storage never exercised '" + key + "'");
        }
    }

    private static String largeRunFigures(long nextSeed, Map<String, Long> station, Map<String, Long> network,
            long[] violations, int brokenRuns, long startNanos) {
        return String.format(Locale.ROOT, "seeds %d-%d (%d); station storage %d flows, %d faulted, %d violations;"
                + " network storage %d flows, %d faulted, %d violations; together %d flows, %d faulted, %d broken"
                + " runs, %.0f s", FIRST_SEED, nextSeed - 1, nextSeed - FIRST_SEED,
                station.getOrDefault("flows ended", 0L), station.getOrDefault(InvariantChecker.FAULTED, 0L),
                violations[0], network.getOrDefault("flows ended", 0L),
                network.getOrDefault(NetworkInvariantChecker.FAULTED, 0L), violations[1],
                station.getOrDefault("flows ended", 0L) + network.getOrDefault("flows ended", 0L),
                station.getOrDefault(InvariantChecker.FAULTED, 0L)
                        + network.getOrDefault(NetworkInvariantChecker.FAULTED, 0L),
                brokenRuns, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Runs {@code scenario} on {@code engine} under a checker, which has run its end-of-run checks. */
    static InvariantChecker check(InvariantScenario scenario, Engine engine) {
        InvariantChecker checker = new InvariantChecker(scenario.seed(), engine);
        scenario.simulation(checker).run();
        checker.finish();
        return checker;
    }

    private static String brokenBy(InvariantScenario scenario, String engine, List<String> violations) {
        return "seed " + scenario.seed() + " on " + engine + " (" + scenario.summary() + ") broke an invariant:\n  "
                + String.join("\n  ", violations);
    }

    private static void assertExercisedEveryCase(Map<String, Long> exercised) {
        for (String key : MUST_BE_EXERCISED) {
            assertTrue(exercised.getOrDefault(key, 0L) > 0,
                    () -> "no scenario exercised '" + key + "'; exercised: " + exercised);
        }
    }

    private static final long CALM_SEED = 7;

    @Test
    void checker_calmScenarioUntouched_reportsNothing() {
        InvariantChecker checker = new InvariantChecker(CALM_SEED);
        InvariantScenario.calm(CALM_SEED).simulation(checker).run();
        checker.finish();

        assertEquals(List.of(), checker.violations());
        assertTrue(checker.counts().getOrDefault("copies cleared", 0L) > 0, checker.counts().toString());
    }

    @Test
    void checker_copyClearedBehindTheProtocol_reportsTheDisappearance() {
        List<String> violations = calmRunTampered(afterFirstCommit(
                (store, copy) -> store.clear(copy.phoneNumber(), copy.version())), null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("disappeared") && v.contains("without a CLEARED download")), violations.toString());
    }

    @Test
    void checker_foreignDataCommittedBehindTheProtocol_reportsTheCommit() {
        UserData foreign = UserData.synthetic(500, 5, -1);
        List<String> violations = calmRunTampered(afterFirstCommit((store, copy) -> store.commit(
                store.reserve(foreign.sizeBytes()).orElseThrow(), copy.phoneNumber(), foreign,
                PasswordVerifier.of(copy.phoneNumber(), "m0"), copy.committedAtSeconds())), null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("committed ") && v.contains("0 backups of that number")), violations.toString());
    }

    @Test
    void checker_downloadedDataSwappedOnTheTerminal_reportsTheFlow() {
        boolean[] done = {false};
        List<String> violations = calmRunTampered(null, (flow, phase) -> {
            if (!done[0] && flow.kind() == FlowKind.DOWNLOAD && phase == FlowPhase.COMPLETE) {
                done[0] = true;
                flow.terminal().store(UserData.synthetic(1, 0, -1));
            }
        });

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("DOWNLOAD#") && v.contains("not the copy handed over")), violations.toString());
    }

    @Test
    void checker_calmScenarioWithOutageAndRetentionUntouched_reportsNothing() {
        Map<String, Long> counts = untouchedCounts(InvariantScenario.calmWithOutageAndRetention(CALM_SEED),
                "copies expired", "copies lost in outages", "outages", "downloads NO_BACKUP, expired",
                "downloads NO_BACKUP, lost in an outage");
        assertTrue(counts.keySet().stream().anyMatch(k -> k.endsWith(" STATION_DOWN")), counts.toString());
    }

    @Test
    void checker_calmScenarioWithPeerFetchUntouched_reportsNothing() {
        untouchedCounts(InvariantScenario.calmWithPeerFetch(CALM_SEED),
                "downloads decided across the backhaul, ACCEPTED", "copies cleared at the holder after the flow");
    }

    /** Runs {@code scenario} untouched: no violation, and each of {@code keys} counted; returns the counts. */
    private static Map<String, Long> untouchedCounts(InvariantScenario scenario, String... keys) {
        InvariantChecker checker = new InvariantChecker(CALM_SEED);
        scenario.simulation(checker).run();
        checker.finish();

        assertEquals(List.of(), checker.violations());
        Map<String, Long> counts = checker.counts();
        for (String key : keys) {
            assertTrue(counts.getOrDefault(key, 0L) > 0, () -> key + ": " + counts);
        }
        return counts;
    }

    /**
     * A copy cleared at its holder behind the protocol while a download of it at the other station is under
     * way: the acceptance of a holder's clear after the flow needs a confirmed download that ended.
     */
    @Test
    void checker_holdersCopyClearedDuringAPeerFetch_reportsTheDisappearance() {
        ReplicationModel[] model = new ReplicationModel[1];
        boolean[] done = {false};
        List<String> violations = calmRunTampered(InvariantScenario.calmWithPeerFetch(CALM_SEED),
                (m, record) -> model[0] = m, (flow, phase) -> {
                    if (!done[0] && flow.kind() == FlowKind.DOWNLOAD && phase == FlowPhase.TRANSFER) {
                        done[0] = true;
                        model[0].stations().stream().filter(s -> s != flow.station()).map(BaseStation::store)
                                .forEach(store -> store.find(flow.addressedNumber())
                                        .ifPresent(copy -> store.clear(copy.phoneNumber(), copy.version())));
                    }
                });

        assertTrue(done[0], "a download reached its transfer");
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("disappeared") && v.contains("without a CLEARED download")), violations.toString());
    }

    @Test
    void checker_copiesLostBehindTheProtocol_reportsTheDisappearance() {
        List<String> violations = calmRunTampered(InvariantScenario.calm(CALM_SEED),
                afterFirstCommit((store, copy) -> store.loseAll()), null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("disappeared") && v.contains("persistent store")), violations.toString());
    }

    @Test
    void checker_copyExpiredBeforeItsRetentionEnds_reportsTheDisappearance() {
        List<String> violations = calmRunTampered(InvariantScenario.calmWithOutageAndRetention(CALM_SEED),
                afterFirstCommit((store, copy) -> store.expire(copy.phoneNumber(), copy.version())), null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("disappeared") && v.contains("nor at its expiry")), violations.toString());
    }

    @Test
    void checker_stationUpWhenAFlowEndsStationDown_reportsTheFlow() {
        boolean[] done = {false};
        List<String> violations = calmRunTampered(InvariantScenario.calmWithOutageAndRetention(CALM_SEED),
                (model, record) -> {
                    if (!done[0] && record.outcome() == FlowOutcome.STATION_DOWN) {
                        done[0] = true;
                        model.station(record.stationId()).cell().stationUp();
                    }
                }, null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("ended STATION_DOWN while its station is up")), violations.toString());
    }

    @Test
    void checker_channelHeldBehindTheProtocol_reportsTheChannel() {
        boolean[] done = {false};
        List<String> violations = calmRunTampered((model, record) -> {
            if (!done[0]) {
                done[0] = true;
                RadioCell cell = model.station(record.stationId()).cell();
                model.scheduler().schedule(0.0, () -> cell.connect(new IdleAttempt<>(
                        connection -> connection.attachTerminal(DEAF)), connection -> DEAF));
            }
        }, null);

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("still holds 1 channels after the run")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("channels but only")), violations.toString());
    }

    @Test
    void checker_controlRetryArmedAfterTheDecision_reportsTheFlow() {
        boolean[] done = {false};
        List<String> violations = calmRunTampered(null, (flow, phase) -> {
            if (!done[0] && phase == FlowPhase.RELEASE) {
                done[0] = true;
                TerminalTampering.sendControl(flow, new Message.TerminalComplete());
            }
        });

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("seed " + CALM_SEED + " ")
                && v.contains("still has a timer armed as it ended")), violations.toString());
    }

    /** A side of a connection that ignores what arrives: it never lets go of its channel. */
    private static final Endpoint<Object> DEAF = new Endpoint<>() {
        @Override
        public void receive(Object unit, boolean damaged) {}

        @Override
        public void connectionEnded(ConnectionEnd end) {}
    };

    /** Changes the store once, in an event of its own, right after the first backup that committed. */
    private static BiConsumer<ReplicationModel, FlowRecord> afterFirstCommit(
            BiConsumer<BackupStore, StoredBackup> tamper) {
        boolean[] done = {false};
        return (model, record) -> {
            if (!done[0] && record.stationEffect() == StationEffect.COMMITTED) {
                done[0] = true;
                BackupStore store = model.station(record.stationId()).store();
                model.scheduler().schedule(0.0, () -> store.find(record.addressedNumber())
                        .ifPresent(copy -> tamper.accept(store, copy)));
            }
        };
    }

    /** Runs the calm scenario with tampering hooks called before the checker sees each event. */
    private static List<String> calmRunTampered(BiConsumer<ReplicationModel, FlowRecord> onEnded,
            BiConsumer<Flow, FlowPhase> onPhase) {
        return calmRunTampered(InvariantScenario.calm(CALM_SEED), onEnded, onPhase);
    }

    /** Runs {@code scenario} with tampering hooks called before the checker sees each callback. */
    private static List<String> calmRunTampered(InvariantScenario scenario,
            BiConsumer<ReplicationModel, FlowRecord> onEnded, BiConsumer<Flow, FlowPhase> onPhase) {
        InvariantChecker checker = new InvariantChecker(CALM_SEED);
        ReplicationModel[] model = new ReplicationModel[1];
        FlowListener tampering = new FlowListener() {
            @Override
            public void flowStarted(Flow flow, double timeSeconds) {
                checker.flowStarted(flow, timeSeconds);
            }

            @Override
            public void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {
                if (onPhase != null) {
                    onPhase.accept(flow, phase);
                }
                checker.phaseChanged(flow, phase, timeSeconds);
            }

            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                if (onEnded != null) {
                    onEnded.accept(model[0], record);
                }
                checker.flowEnded(flow, record);
            }
        };
        scenario.builder(checker)
                .flowListener(tampering)
                .script(m -> {
                    model[0] = m;
                    checker.attach(m);
                })
                .build()
                .run();
        checker.finish();
        return checker.violations();
    }
}
