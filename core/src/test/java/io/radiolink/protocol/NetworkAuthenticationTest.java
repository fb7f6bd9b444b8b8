package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.AuthListener;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.StoreListener;
import io.radiolink.node.SubscriberStore;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.AuthStatistics;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.ScriptedFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Online guessing against the network's subscriber store ({@code docs/protocol.md}, threat model): under
 * network storage every station is a front-end of one store, and the lock-out count is the store's, so
 * guesses spread over several front-ends, one after the other or all at once, lock the number after
 * {@code maxFailedAttempts} guesses in all, not that many per station; under station storage each station
 * keeps its own count, as before. A lock also turns the subscriber's own restore away at every front-end.
 */
final class NetworkAuthenticationTest {

    private static final int MAX_FAILED = 3;
    private static final double LOCKOUT_SECONDS = 100;
    private static final int FRONT_ENDS = 3;
    private static final PhoneNumber NUMBER = PhoneNumber.of("0100");

    /** One authentication event as a station told it. */
    private record Told(String what, String stationId, double atSeconds) {}

    private static final class Recorder implements AuthListener {
        final List<Told> told = new ArrayList<>();

        @Override
        public void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {
            told.add(new Told(locked ? "rejected while locked" : "failed", stationId, timeSeconds));
        }

        @Override
        public void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {
            told.add(new Told("locked out", stationId, timeSeconds));
        }

        @Override
        public void succeeded(String stationId, PhoneNumber phone, double timeSeconds) {
            told.add(new Told("succeeded", stationId, timeSeconds));
        }

        List<Double> timesOf(String what) {
            return told.stream().filter(t -> t.what().equals(what)).map(Told::atSeconds).toList();
        }

        List<Told> lockOuts() {
            return told.stream().filter(t -> t.what().equals("locked out")).toList();
        }
    }

    /** A run's records in the order the flows ended, and its authentication events. */
    private record Run(List<FlowRecord> records, ReplicationResult result, Recorder auth) {

        List<FlowOutcome> outcomesOf(List<Long> flowIds) {
            return flowIds.stream().map(id -> records.stream().filter(r -> r.flowId() == id).findFirst()
                    .orElseThrow().outcome()).toList();
        }
    }

    /** A store behind every station over clean 10 Mbit/s backhauls of {@code delaySeconds}. */
    private static StorageMode network(double delaySeconds) {
        return StorageMode.Network.uniform(1_000_000_000L,
                new StorageMode.Attachment(BackhaulConfig.lossless(1e7, delaySeconds), RelayMode.STORE_AND_FORWARD));
    }

    private static String station(int i) {
        return "bs-" + i;
    }

    /** {@code FRONT_ENDS} stations of many channels under {@code storage}, locking after 3 for 100 s. */
    private static Simulation.Builder stations(AuthMode mode, StorageMode storage) {
        Simulation.Builder builder = Simulation.builder()
                .protocol(ModelHarness.PROTOCOL.withAuth(new AuthConfig(mode, MAX_FAILED, LOCKOUT_SECONDS)))
                .storage(storage)
                .runLengthSeconds(400);
        for (int i = 0; i < FRONT_ENDS; i++) {
            builder.station(StationConfig.of(station(i), 16, 1_000_000, CLEAN_AIR));
        }
        return builder;
    }

    private static Run run(Simulation.Builder builder) {
        List<FlowRecord> records = new ArrayList<>();
        Recorder auth = new Recorder();
        ReplicationResult result = builder
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                })
                .authListener(auth)
                .engine(new LeanEngine())
                .build().runReplication(0);
        return new Run(records, result, auth);
    }

    /** A wrong guess at the number from a terminal of its own, at {@code station}. */
    private static ScriptedFlow guess(double atSeconds, String station, int attacker) {
        return ScriptedFlow.download(atSeconds, station, PhoneNumber.of(String.format(Locale.ROOT, "06%02d", attacker)),
                NUMBER, String.format(Locale.ROOT, "%04d", attacker));
    }

    /** Station storage with peer fetch over clean 10 Mbit/s backhauls of {@code delaySeconds}. */
    private static StorageMode peerFetch(double delaySeconds) {
        return new StorageMode.Station(Optional.of(BackhaulConfig.lossless(1e7, delaySeconds)));
    }

    /**
     * Network storage over backhauls of {@code delaySeconds}: the number backed up at bs-0 at 0 s, then
     * {@code guesses} wrong guesses, guess g at {@code atSeconds(g)} at {@code frontEnd(g)}.
     */
    private static Simulation.Builder attacked(AuthMode mode, double delaySeconds, int guesses,
            IntToDoubleFunction atSeconds, IntFunction<String> frontEnd) {
        return attacked(mode, network(delaySeconds), guesses, atSeconds, frontEnd);
    }

    /**
     * As {@link #attacked(AuthMode, double, int, IntToDoubleFunction, IntFunction)}, under {@code storage}
     * (under station storage the copy is bs-0's alone).
     */
    private static Simulation.Builder attacked(AuthMode mode, StorageMode storage, int guesses,
            IntToDoubleFunction atSeconds, IntFunction<String> frontEnd) {
        Simulation.Builder builder = stations(mode, storage)
                .scriptedFlow(ScriptedFlow.backup(0, station(0), NUMBER, 1_000, 10, PASSWORD));
        for (int g = 0; g < guesses; g++) {
            builder.scriptedFlow(guess(atSeconds.applyAsDouble(g), frontEnd.apply(g), g));
        }
        return builder;
    }

    /**
     * The sequential attack: nine wrong guesses, 5 s apart, going round the three front-ends. With one
     * count per station each front-end would check three and lock only its own (9 failures, 3 lock-outs);
     * with the store's count the third guess locks the number everywhere and the other six are turned away.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_guessesRoundThreeFrontEnds_lockTheNumberAfterMaxFailedInAll(AuthMode mode) {
        Run run = run(attacked(mode, 0.005, 3 * MAX_FAILED, g -> 20 + 5 * g, g -> station(g % FRONT_ENDS)));
        assertEquals(new AuthStatistics(MAX_FAILED, 2 * MAX_FAILED, 1), run.result().authentication(),
                "maxFailedAttempts guesses in all, not per front-end");
        // Each station tells what it decided, as its own: the third guess was bs-2's, and it locked the number.
        assertEquals(List.of(new Told("locked out", station(2), run.auth().lockOuts().get(0).atSeconds())),
                run.auth().lockOuts());
        for (int i = 0; i < FRONT_ENDS; i++) {
            String id = station(i);
            assertEquals(1, run.auth().told.stream().filter(t -> t.what().equals("failed") && t.stationId().equals(id))
                    .count(), () -> id + " checked one guess: " + run.auth().told);
            assertEquals(2, run.auth().told.stream().filter(t -> t.what().equals("rejected while locked")
                    && t.stationId().equals(id)).count(), () -> id + " turned two away: " + run.auth().told);
        }
    }

    /**
     * The parallel attack: at one instant three attackers per front-end ask, nine in all, and a tenth, a
     * millisecond later, guesses right. Every request (and every challenge's answer) reaches its station
     * before any decision, since each decision waits for the store's look-up across a 20 ms backhaul; the
     * lock is checked again when the look-up answers, so the fourth decision and every later one is turned
     * away as locked, the lucky guess too.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_parallelGuessesAtThreeFrontEnds_theDecisionsAfterTheLockAreRejected(AuthMode mode) {
        Run run = parallelAttack(mode, network(0.020));
        // All ten were in flight together: every decision came after the last request had arrived.
        double firstDecision = run.auth().told.get(0).atSeconds();
        assertTrue(firstDecision > 20.001, () -> "decided at " + firstDecision);
    }

    /**
     * The denial of service: three wrong guesses at bs-0 lock the number; the subscriber's own restore
     * with the right password at bs-1 is turned away as locked, and the same restore at bs-2 after the
     * lock-out ended succeeds.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_ownRestoreAtAnotherFrontEnd_rejectedWhileLockedThenSucceeds(AuthMode mode) {
        Run run = run(attacked(mode, 0.005, MAX_FAILED, g -> 20 + 5 * g, g -> station(0))
                .scriptedFlow(ScriptedFlow.download(60, station(1), PhoneNumber.of("0200"), NUMBER, PASSWORD))
                .scriptedFlow(ScriptedFlow.download(30 + LOCKOUT_SECONDS + 20, station(2), PhoneNumber.of("0201"),
                        NUMBER, PASSWORD)));
        double lockedAt = run.auth().lockOuts().get(0).atSeconds();
        assertTrue(lockedAt > 30 && lockedAt < 31, () -> "locked at " + lockedAt);
        List<FlowOutcome> outcomes = run.records().stream().map(FlowRecord::outcome).toList();
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED, FlowOutcome.SUCCESS), outcomes);
        assertEquals(new AuthStatistics(MAX_FAILED, 1, 1), run.result().authentication());
        assertEquals(new Told("rejected while locked", station(1), run.auth().told.get(MAX_FAILED + 1).atSeconds()),
                run.auth().told.get(MAX_FAILED + 1), "bs-1 turned its own subscriber away as locked");
    }

    /**
     * Station storage, unchanged: the number backed up at every station (each holds its own copy and
     * verifier), the nine guesses round the three stations give each station three failures and a lock of
     * its own (9 failures, 3 lock-outs); and a station keeps its count to itself: three guesses at bs-0 lock
     * bs-0 only, and the subscriber restores at bs-1 at once.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_stationStorage_eachStationKeepsItsOwnCount(AuthMode mode) {
        Simulation.Builder builder = stations(mode, new StorageMode.Station());
        for (int i = 0; i < FRONT_ENDS; i++) {
            builder.scriptedFlow(ScriptedFlow.backup(i, station(i), NUMBER, 1_000, 10, PASSWORD));
        }
        for (int g = 0; g < 3 * MAX_FAILED; g++) {
            builder.scriptedFlow(guess(20 + 5 * g, station(g % FRONT_ENDS), g));
        }
        Run spread = run(builder);
        assertEquals(new AuthStatistics(3 * MAX_FAILED, 0, FRONT_ENDS), spread.result().authentication(),
                "each station checks maxFailedAttempts guesses against its own copy");
        assertEquals(List.of(station(0), station(1), station(2)),
                spread.auth().lockOuts().stream().map(Told::stationId).toList());

        Simulation.Builder own = stations(mode, new StorageMode.Station());
        for (int i = 0; i < FRONT_ENDS; i++) {
            own.scriptedFlow(ScriptedFlow.backup(i, station(i), NUMBER, 1_000, 10, PASSWORD));
        }
        for (int g = 0; g < MAX_FAILED; g++) {
            own.scriptedFlow(guess(20 + 5 * g, station(0), g));
        }
        Run restored = run(own.scriptedFlow(ScriptedFlow.download(60, station(1), PhoneNumber.of("0200"), NUMBER,
                PASSWORD)));
        assertEquals(FlowOutcome.SUCCESS, restored.records().get(restored.records().size() - 1).outcome(),
                "bs-1 does not know of bs-0's lock");
        assertEquals(new AuthStatistics(MAX_FAILED, 0, 1), restored.result().authentication());
    }

    /**
     * Station storage with peer fetch (docs/protocol.md, threat model, "One count per peer-fetch network"):
     * the copy is bs-0's alone, and nine wrong guesses 5 s apart round the three stations are checked
     * against it, at bs-0 itself and across the backhauls at bs-1 and bs-2. With a count per asking station
     * each station would check three and lock only its own (9 failures, 3 lock-outs, checked on the old
     * code); with the network's one count the third guess locks the number at every station.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_peerFetchGuessesRoundThreeStations_lockTheHoldersCopyAfterMaxFailedInAll(AuthMode mode) {
        Run run = run(attacked(mode, peerFetch(0.005), 3 * MAX_FAILED, g -> 20 + 5 * g, g -> station(g % FRONT_ENDS)));
        assertEquals(new AuthStatistics(MAX_FAILED, 2 * MAX_FAILED, 1), run.result().authentication(),
                "maxFailedAttempts guesses in all on the holder's copy, not per asking station");
        assertEquals(List.of(new Told("locked out", station(2), run.auth().lockOuts().get(0).atSeconds())),
                run.auth().lockOuts(), "bs-2 decided the third guess, on bs-0's copy fetched across the backhauls");
        List<FlowOutcome> outcomes = run.records().stream().map(FlowRecord::outcome).toList();
        assertEquals(1 + 3 * MAX_FAILED, outcomes.size(), outcomes::toString);
        assertTrue(outcomes.subList(1, outcomes.size()).stream().allMatch(o -> o == FlowOutcome.AUTH_REJECTED),
                outcomes::toString);
    }

    /**
     * The parallel attack under peer fetch: at one instant three attackers per station ask, and a fourth at
     * bs-1, a millisecond later, guesses right. bs-0 decides its three on its own copy at once and locks the
     * number; bs-1 and bs-2 decide theirs when the holder's copy has crossed a 20 ms backhaul, by then
     * locked (the lock checked again when the look-up answers): the lucky guess is turned away too.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_peerFetchParallelGuesses_theDecisionsAfterTheLockAreRejected(AuthMode mode) {
        parallelAttack(mode, peerFetch(0.020));
    }

    /**
     * Under {@code storage} (over 20 ms backhauls), three wrong guesses per station at 20 s and a right one
     * at bs-1 at 20.001 s: only the backup succeeds, and at most maxFailedAttempts guesses are checked.
     */
    private static Run parallelAttack(AuthMode mode, StorageMode storage) {
        Simulation.Builder builder = attacked(mode, storage, 3 * FRONT_ENDS, g -> 20, g -> station(g % FRONT_ENDS));
        builder.scriptedFlow(ScriptedFlow.download(20.001, station(1), PhoneNumber.of("0699"), NUMBER, PASSWORD));
        Run run = run(builder);
        List<FlowOutcome> outcomes = run.records().stream().map(FlowRecord::outcome).toList();
        assertEquals(1, outcomes.stream().filter(o -> o == FlowOutcome.SUCCESS).count(), outcomes::toString);
        assertEquals(3 * FRONT_ENDS + 1, outcomes.stream().filter(o -> o == FlowOutcome.AUTH_REJECTED).count(),
                () -> "the lucky guess in flight is rejected too: " + outcomes);
        assertEquals(new AuthStatistics(MAX_FAILED, 3 * FRONT_ENDS + 1 - MAX_FAILED, 1), run.result().authentication(),
                "at most maxFailedAttempts guesses are checked before the lock, however many are in flight");
        return run;
    }

    /**
     * The denial of service under peer fetch: three wrong guesses at bs-1, each on bs-0's copy fetched
     * across the backhauls, lock the number; the subscriber's own restore with the right password is
     * turned away as locked at bs-2 (across the backhauls) and at bs-0 (on its own copy), and the same
     * restore at bs-2 after the lock-out ended succeeds.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_peerFetchOwnRestoreAtAnotherStation_rejectedWhileLockedThenSucceeds(AuthMode mode) {
        Run run = run(attacked(mode, peerFetch(0.005), MAX_FAILED, g -> 20 + 5 * g, g -> station(1))
                .scriptedFlow(ScriptedFlow.download(60, station(2), PhoneNumber.of("0200"), NUMBER, PASSWORD))
                .scriptedFlow(ScriptedFlow.download(70, station(0), PhoneNumber.of("0201"), NUMBER, PASSWORD))
                .scriptedFlow(ScriptedFlow.download(30 + LOCKOUT_SECONDS + 20, station(2), PhoneNumber.of("0202"),
                        NUMBER, PASSWORD)));
        List<Told> lockOuts = run.auth().lockOuts();
        assertEquals(1, lockOuts.size(), lockOuts::toString);
        assertEquals(station(1), lockOuts.get(0).stationId());
        double lockedAt = lockOuts.get(0).atSeconds();
        assertTrue(lockedAt > 30 && lockedAt < 31, () -> "locked at " + lockedAt);
        List<FlowOutcome> outcomes = run.records().stream().map(FlowRecord::outcome).toList();
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED, FlowOutcome.SUCCESS),
                outcomes);
        assertEquals(new AuthStatistics(MAX_FAILED, 2, 1), run.result().authentication());
        assertEquals(List.of(new Told("rejected while locked", station(2), 60), new Told("rejected while locked",
                station(0), 70)).stream().map(t -> t.what() + " at " + t.stationId()).toList(),
                run.auth().told.subList(MAX_FAILED + 1, MAX_FAILED + 3).stream().map(t -> t.what() + " at "
                        + t.stationId()).toList(), () -> "both restores turned away as locked: " + run.auth().told);
    }

    /**
     * Station storage without peer fetch keeps a count per station even when one station holds the only
     * copy: guesses at the others find nothing to check ({@code COPY_ELSEWHERE}, no attempt), and three at
     * bs-0 lock bs-0's count alone.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_stationStorageWithoutPeerFetch_guessesElsewhereAreNoAttempts(AuthMode mode) {
        Run run = run(attacked(mode, new StorageMode.Station(), 3 * MAX_FAILED, g -> 20 + 5 * g,
                g -> station(g % FRONT_ENDS)));
        assertEquals(new AuthStatistics(MAX_FAILED, 0, 1), run.result().authentication());
        assertEquals(2 * MAX_FAILED, run.records().stream().filter(r -> r.outcome() == FlowOutcome.COPY_ELSEWHERE)
                .count(), run.records()::toString);
        assertEquals(List.of(station(0)), run.auth().lockOuts().stream().map(Told::stationId).toList());
    }

    /**
     * The bound on landed guesses with resets (docs/protocol.md, threat model, "What a success resets"): a
     * right password resets the count, so under one count per store a success at any station restarts it.
     * The subscriber backs up at bs-0 every 20 s from 10 s to 190 s (ten successes, the first backup at
     * 0 s an enrolment, no attempt); an attacker who times its guesses after each success lands
     * maxFailedAttempts - 1 of them at bs-2 and bs-1 (3 s apart) unlocked, and after the last success
     * maxFailedAttempts, the last of which locks. Measured over every window of
     * lockoutSeconds (each starting at a landed guess, where the excess is largest): the guesses landed
     * never exceed maxFailedAttempts + (maxFailedAttempts - 1) x the successes in the window, the attack
     * reaches that bound, and so lands several times maxFailedAttempts in one lockoutSeconds.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_guessesTimedBetweenTheSubscribersSuccesses_landWithinTheBoundWithResets(AuthMode mode) {
        Simulation.Builder builder = stations(mode, network(0.005))
                .scriptedFlow(ScriptedFlow.backup(0, station(0), NUMBER, 1_000, 10, PASSWORD));
        int successes = 10;
        int attacker = 0;
        for (int i = 0; i < successes; i++) {
            double successAt = 10 + 20 * i;
            builder.scriptedFlow(ScriptedFlow.backup(successAt, station(0), NUMBER, 1_000, 10, PASSWORD));
            int guesses = i < successes - 1 ? MAX_FAILED - 1 : MAX_FAILED;
            for (int g = 1; g <= guesses; g++) {
                builder.scriptedFlow(guess(successAt + 3 * g, station(1 + g % 2), attacker++));
            }
        }
        Run run = run(builder);
        List<Double> landed = run.auth().timesOf("failed");
        List<Double> succeeded = run.auth().timesOf("succeeded");
        assertEquals(successes, succeeded.size(), run.auth().told::toString);
        assertEquals(attacker, landed.size(), () -> "every guess landed: " + run.auth().told);
        assertEquals(1, run.auth().lockOuts().size(), "only the last run of guesses locked the number");
        int largestExcess = Integer.MIN_VALUE;
        int mostLanded = 0;
        for (double start : landed) {
            long inWindow = landed.stream().filter(t -> t >= start && t < start + LOCKOUT_SECONDS).count();
            long successesInWindow = succeeded.stream().filter(t -> t >= start && t < start + LOCKOUT_SECONDS).count();
            long bound = MAX_FAILED + (MAX_FAILED - 1) * successesInWindow;
            assertTrue(inWindow <= bound, () -> inWindow + " guesses landed from " + start + " s, bound " + bound);
            largestExcess = Math.max(largestExcess, (int) (inWindow - bound));
            mostLanded = Math.max(mostLanded, (int) inWindow);
        }
        assertEquals(0, largestExcess, "the timed attack reaches the bound");
        // Five successes fall in a window of 100 s: 3 + 2 x 4 = 11 from the guesses after the fifth-last.
        assertEquals(MAX_FAILED + (MAX_FAILED - 1) * 4, mostLanded);
    }

    /** A network invariant checker locking after 3 for 100 s, fed authentication events by hand. */
    private static NetworkInvariantChecker checker() {
        return new NetworkInvariantChecker(1, new LeanEngine(), (StorageMode.Network) network(0.005),
                RestoreAfter.ANY, new AuthConfig(AuthMode.CHALLENGE_RESPONSE, MAX_FAILED, LOCKOUT_SECONDS));
    }

    @Test
    void invariantChecker_storeCountKept_reportsNothing() {
        NetworkInvariantChecker checker = checker();
        checker.authListener().rejected(station(0), NUMBER, false, 1);
        checker.authListener().rejected(station(1), NUMBER, false, 2);
        checker.authListener().succeeded(station(2), NUMBER, 3);
        checker.authListener().rejected(station(0), NUMBER, false, 4);
        checker.authListener().rejected(station(1), NUMBER, false, 5);
        checker.authListener().rejected(station(2), NUMBER, false, 6);
        checker.authListener().lockedOut(station(2), NUMBER, 6);
        checker.authListener().rejected(station(0), NUMBER, true, 50);
        checker.authListener().succeeded(station(1), NUMBER, 106);
        assertEquals(List.of(), checker.violations());
        assertEquals(1L, checker.counts().get("lock-outs after failures at several stations"));
    }

    /** What a count per front-end tells: the third failure at the store, at bs-2, locks nothing. */
    @Test
    void invariantChecker_countPerFrontEnd_reportsTheMissingLockOut() {
        NetworkInvariantChecker checker = checker();
        for (int g = 0; g < MAX_FAILED + 1; g++) {
            checker.authListener().rejected(station(g % FRONT_ENDS), NUMBER, false, 1 + g);
        }
        assertTrue(checker.violations().stream().anyMatch(v -> v.contains("before 0100 was locked out")),
                checker.violations()::toString);
        assertTrue(checker.violations().stream().anyMatch(v -> v.contains("while the store's count has it locked")),
                checker.violations()::toString);
    }

    /** What a decision on an answer that arrived before the lock, not checked again, tells. */
    @Test
    void invariantChecker_successWhileLocked_isReported() {
        NetworkInvariantChecker checker = checker();
        for (int g = 0; g < MAX_FAILED; g++) {
            checker.authListener().rejected(station(g), NUMBER, false, 1);
        }
        checker.authListener().lockedOut(station(2), NUMBER, 1);
        checker.authListener().succeeded(station(1), NUMBER, 1.02);
        checker.authListener().rejected(station(0), NUMBER, true, 101.5);
        assertEquals(2, checker.violations().size(), checker.violations()::toString);
        assertTrue(checker.violations().get(0).contains("successful attempt on 0100 while the store's count has it"
                + " locked"), checker.violations()::toString);
        assertTrue(checker.violations().get(1).contains("as locked, but the store's count has it unlocked"),
                checker.violations()::toString);
    }

    /**
     * Two drawn network scenarios whose lock-outs span front-ends ({@link NetworkInvariantTest}): seed 146
     * locks a number after failures at several stations, seed 148 has a right password decided at bs-1
     * on a look-up that crossed the backhaul while the number was locked. With a count per front-end both
     * break the checker's store count, and without the lock's check when the look-up answers seed 148's
     * success comes while locked (both tried; in seeds 1 to 1,754 the first broke 41 seeds, the second 6).
     */
    @Test
    void drawnScenarios_lockOutsAcrossFrontEnds_keepTheStoreCount() {
        for (long seed : new long[] {146, 148}) {
            NetworkInvariantChecker checker = NetworkInvariantTest.NetworkScenario.draw(seed).check(new LeanEngine());
            assertEquals(List.of(), checker.violations(), "seed " + seed);
            assertTrue(checker.counts().getOrDefault("lock-outs", 0L) > 0, () -> "seed " + seed + ": " + checker.counts());
        }
        NetworkInvariantChecker spanning = NetworkInvariantTest.NetworkScenario.draw(146).check(new LeanEngine());
        assertTrue(spanning.counts().getOrDefault("lock-outs after failures at several stations", 0L) > 0,
                spanning.counts()::toString);
    }

    /**
     * Two drawn station-storage scenarios with peer fetch ({@link InvariantTest}): seed 72 locks a number
     * after failures at several stations; in seed 93 a station's own count would lock a number after four
     * failures there although a success at another station had reset the network's count in between. With
     * a count per asking station both break the invariant checker's network count (tried: a lock-out
     * missing at the maxFailedAttempts-th failure, a lock-out too early, then a success decided while the
     * network's count has the number locked).
     */
    @Test
    void drawnScenarios_peerFetchLockOutsAcrossStations_keepTheNetworksCount() {
        for (long seed : new long[] {72, 93}) {
            InvariantChecker checker = InvariantTest.check(InvariantScenario.draw(seed), new LeanEngine());
            assertEquals(List.of(), checker.violations(), "seed " + seed);
            assertTrue(checker.counts().getOrDefault("told: lock-outs", 0L) > 0, () -> "seed " + seed + ": "
                    + checker.counts());
        }
        InvariantChecker spanning = InvariantTest.check(InvariantScenario.draw(72), new LeanEngine());
        assertTrue(spanning.counts().getOrDefault("told: lock-outs after failures at several stations", 0L) > 0,
                spanning.counts()::toString);
    }

    @Test
    void guard_frontEndsAskingForDifferentLockouts_isRefused() {
        SubscriberStore[] built = new SubscriberStore[1];
        new LeanEngine().run(1, scheduler -> built[0] = new SubscriberStore(1_000, OutageConfig.NONE,
                Double.POSITIVE_INFINITY, scheduler, new RandomStreams(1, 0), StoreListener.NONE));
        SubscriberStore store = built[0];
        assertTrue(store.guard(MAX_FAILED, LOCKOUT_SECONDS) == store.guard(MAX_FAILED, LOCKOUT_SECONDS),
                "every front-end gets the one count");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.guard(MAX_FAILED + 1, LOCKOUT_SECONDS));
        assertTrue(refused.getMessage().contains("must lock alike"), refused.getMessage());
    }
}
