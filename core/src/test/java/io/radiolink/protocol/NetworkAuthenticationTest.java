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
import io.radiolink.workload.ScriptedFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * Network storage over backhauls of {@code delaySeconds}: the number backed up at bs-0 at 0 s, then
     * {@code guesses} wrong guesses, guess g at {@code atSeconds(g)} at {@code frontEnd(g)}.
     */
    private static Simulation.Builder attacked(AuthMode mode, double delaySeconds, int guesses,
            IntToDoubleFunction atSeconds, IntFunction<String> frontEnd) {
        Simulation.Builder builder = stations(mode, network(delaySeconds))
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
        Simulation.Builder builder = attacked(mode, 0.020, 3 * FRONT_ENDS, g -> 20, g -> station(g % FRONT_ENDS));
        builder.scriptedFlow(ScriptedFlow.download(20.001, station(1), PhoneNumber.of("0699"), NUMBER, PASSWORD));
        Run run = run(builder);
        List<FlowOutcome> outcomes = run.records().stream().map(FlowRecord::outcome).toList();
        assertEquals(1, outcomes.stream().filter(o -> o == FlowOutcome.SUCCESS).count(), outcomes::toString);
        assertEquals(3 * FRONT_ENDS + 1, outcomes.stream().filter(o -> o == FlowOutcome.AUTH_REJECTED).count(),
                () -> "the lucky guess in flight is rejected too: " + outcomes);
        assertEquals(new AuthStatistics(MAX_FAILED, 3 * FRONT_ENDS + 1 - MAX_FAILED, 1), run.result().authentication(),
                "at most maxFailedAttempts guesses are checked before the lock, however many are in flight");
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
