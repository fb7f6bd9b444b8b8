package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PROTOCOL;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.RandomAccessConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Retries of attempts that got no connection ({@link ResumeConfig#retryAccess}): a blocked or
 * access-failed attempt is followed by another after the back-off of {@link ResumeConfig}'s law while
 * attempts are left, the flow ends with the last attempt's cause when they run out, and the records
 * count these retries apart from first attempts and from reconnections after a drop.
 */
final class AccessRetryTest {

    /** Holds a 100 kbit/s channel for about 0.5 s of set-up and 0.4 s of transfer. */
    private static final long SHORT = 5_000;
    /** Holds the channel for about 90 s: longer than any back-off below. */
    private static final long HOLDS_THE_CHANNEL = 1_000_000;

    private static ProtocolConfig retrying(ResumeConfig resume) {
        return PROTOCOL.withResume(resume.withRetryAccess(true));
    }

    /** Terminal 0100 takes the only channel at 0, 0200 asks for it at 0.1 s; their records in that order. */
    private static List<FlowRecord> secondBackupBlocked(ProtocolConfig protocol, long firstSizeBytes,
            AtomicReference<BaseStation> station) {
        ModelHarness h = new ModelHarness().protocol(protocol).run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 100_000_000, CLEAN_AIR)));
            m.service().terminals().startBackup(terminalWithData("0100", firstSizeBytes, true), station.get());
            m.at(0.1, () -> m.service().terminals().startBackup(terminalWithData("0200", SHORT, true),
                    station.get()));
        });
        return h.records.stream().sorted((a, b) -> Long.compare(a.flowId(), b.flowId())).toList();
    }

    @Test
    void blockedAttempt_retryAccessOff_endsTheFlowBlocked() {
        // Reconnection after drops on, retries of refused attempts off (the default): the claims' behaviour.
        AtomicReference<BaseStation> station = new AtomicReference<>();
        FlowRecord blocked = secondBackupBlocked(PROTOCOL.withResume(new ResumeConfig(5, 2.0, 1, 2.0, 0, true, 60)),
                SHORT, station).get(1);
        assertEquals(FlowOutcome.BLOCKED, blocked.outcome());
        assertEquals(1, blocked.attempts());
        assertEquals(0, blocked.accessRetries());
        assertFalse(blocked.phaseTimes().entered(FlowPhase.BACKOFF));
        assertEquals(0.1, blocked.endSeconds(), 1e-12, "blocked at once");
    }

    @Test
    void blockedAttempt_retryAccess_triesAgainAfterTheBackoffAndSucceeds() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        List<FlowRecord> records = secondBackupBlocked(retrying(new ResumeConfig(3, 2.0, 1, 2.0, 0, true, 60)),
                SHORT, station);
        FlowRecord first = records.get(0);
        FlowRecord retried = records.get(1);
        assertEquals(FlowOutcome.SUCCESS, first.outcome());
        assertTrue(first.endSeconds() < 2.1, "the channel is free again at the retry: " + first.endSeconds());
        assertEquals(FlowOutcome.SUCCESS, retried.outcome(), retried.toString());
        assertEquals(2, retried.attempts());
        assertEquals(1, retried.accessRetries());
        assertEquals(0, retried.reconnections());
        assertEquals(2.0, retried.phaseTimes().seconds(FlowPhase.BACKOFF), 1e-9, "one back-off of 2 s");
        assertEquals(3, station.get().cell().attempts(), "the cell counts the retry as an attempt");
        assertEquals(1, station.get().cell().blockedAttempts());
    }

    /**
     * With the only channel busy for longer than every back-off, each attempt is blocked: the flow makes
     * exactly {@code attempts} of them, waits the back-offs of the law (1, 2, 4, 4 s: doubling, capped at
     * 4) and ends BLOCKED, its last attempt's cause.
     */
    @Test
    void permanentlyBusyChannel_retriesExhausted_exactlyTheLimitThenBlocked() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        FlowRecord blocked = secondBackupBlocked(retrying(new ResumeConfig(5, 1.0, 2, 4.0, 0, true, 60)),
                HOLDS_THE_CHANNEL, station).get(1);
        assertEquals(FlowOutcome.BLOCKED, blocked.outcome());
        assertEquals(FlowPhase.SETUP, blocked.endPhase());
        assertEquals(5, blocked.attempts());
        assertEquals(4, blocked.accessRetries());
        assertEquals(0, blocked.reconnections());
        assertEquals(1 + 2 + 4 + 4, blocked.phaseTimes().seconds(FlowPhase.BACKOFF), 1e-9);
        assertEquals(0.1 + 11, blocked.endSeconds(), 1e-9, "every attempt is blocked at once");
        assertEquals(5, station.get().cell().blockedAttempts());
        assertEquals(1 + 5, station.get().cell().attempts());
    }

    /**
     * Jittered back-offs stay within the law's bounds, (1 - jitter) to (1 + jitter) times the unjittered
     * values, and the same seed gives the same records on both engines.
     */
    @Test
    void jitteredRetries_withinTheLawsBounds_sameOnBothEngines() {
        ProtocolConfig protocol = retrying(new ResumeConfig(5, 1.0, 2, 4.0, 0.5, true, 60));
        List<List<FlowRecord>> runs = new ArrayList<>();
        for (Engine engine : List.of(new LeanEngine(), new DsolEngine())) {
            ModelHarness h = new ModelHarness().protocol(protocol).seed(7).run(engine, m -> {
                BaseStation station = m.station(StationConfig.of("bs-1", 1, 100_000_000, CLEAN_AIR));
                m.service().terminals().startBackup(terminalWithData("0100", HOLDS_THE_CHANNEL, true), station);
                for (int i = 0; i < 20; i++) {
                    m.service().terminals().startBackup(terminalWithData(Integer.toString(200 + i), SHORT, true),
                            station);
                }
            });
            runs.add(h.records);
        }
        assertEquals(runs.get(0), runs.get(1), "the lean and the DSOL engine give the same records");
        double unjittered = 1 + 2 + 4 + 4;
        List<FlowRecord> blocked = runs.get(0).stream().filter(r -> r.outcome() == FlowOutcome.BLOCKED).toList();
        assertEquals(20, blocked.size());
        for (FlowRecord r : blocked) {
            assertEquals(5, r.attempts());
            assertEquals(4, r.accessRetries());
            double waited = r.phaseTimes().seconds(FlowPhase.BACKOFF);
            assertTrue(waited >= 0.5 * unjittered && waited < 1.5 * unjittered, "waited " + waited);
        }
        assertTrue(blocked.stream().map(r -> r.phaseTimes().seconds(FlowPhase.BACKOFF)).distinct().count() > 1,
                "the back-offs are drawn");
    }

    /**
     * Two terminals that start together on a cell with one preamble and one transmission per attempt
     * always collide: without jitter their retries meet in the same slot again, and both end
     * ACCESS_FAILED after every attempt, each retry counted.
     */
    @Test
    void accessFailures_retryAccess_retriedUntilTheLimitThenAccessFailed() {
        AirInterface oneShot = CLEAN_AIR.withRandomAccess(new RandomAccessConfig(0.01, 1, 1, 1));
        ModelHarness h = new ModelHarness().protocol(retrying(new ResumeConfig(4, 0.5, 1, 0.5, 0, true, 60)))
                .run(m -> {
                    BaseStation station = m.station(StationConfig.of("bs-1", 4, 100_000_000, oneShot));
                    m.service().terminals().startBackup(terminalWithData("0100", SHORT, true), station);
                    m.service().terminals().startBackup(terminalWithData("0200", SHORT, true), station);
                });
        assertEquals(2, h.records.size());
        for (FlowRecord r : h.records) {
            assertEquals(FlowOutcome.ACCESS_FAILED, r.outcome());
            assertEquals(4, r.attempts());
            assertEquals(3, r.accessRetries());
            assertEquals(3 * 0.5, r.phaseTimes().seconds(FlowPhase.BACKOFF), 1e-9);
        }
    }

    /**
     * With jittered back-offs the colliding pair's retries mostly land in different slots: a flow
     * either got through on a retry (SUCCESS, every attempt before the last an access retry) or
     * collided on every attempt (ACCESS_FAILED after exactly the limit).
     */
    @Test
    void accessFailures_jitteredRetries_succeedOrExhaustTheLimit() {
        AirInterface oneShot = CLEAN_AIR.withRandomAccess(new RandomAccessConfig(0.01, 1, 1, 1));
        ModelHarness h = new ModelHarness().protocol(retrying(new ResumeConfig(3, 1.0, 1, 1.0, 0.5, true, 60)))
                .run(m -> {
                    for (int pair = 0; pair < 20; pair++) {
                        BaseStation station = m.station(StationConfig.of("bs-" + pair, 2, 100_000_000, oneShot));
                        m.service().terminals().startBackup(terminalWithData("1" + pair, SHORT, true), station);
                        m.service().terminals().startBackup(terminalWithData("2" + pair, SHORT, true), station);
                    }
                });
        assertEquals(40, h.records.size());
        for (FlowRecord r : h.records) {
            assertEquals(r.attempts() - 1, r.accessRetries(), r.toString());
            assertTrue(r.accessRetries() >= 1, "the first attempt collided: " + r);
            assertTrue(r.outcome() == FlowOutcome.SUCCESS
                    || r.outcome() == FlowOutcome.ACCESS_FAILED && r.attempts() == 3, r.toString());
        }
        assertTrue(h.records.stream().anyMatch(r -> r.outcome() == FlowOutcome.SUCCESS), "some retry got through");
    }

    /**
     * A backup whose first connection times out reconnects; its reconnection is blocked by another
     * backup that took the channel during the back-off, and retried until the channel is free: one
     * reconnection, the blocked attempts as access retries (the cell's blocked attempts, all of them
     * this flow's), and one attempt per back-off.
     */
    @Test
    void reconnectionBlocked_retryAccess_countedApartFromTheReconnection() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness().protocol(retrying(new ResumeConfig(12, 1.0, 1, 1.0, 0, true, 60)));
        boolean[] othersStarted = {false};
        h.phaseHook = (flow, phase) -> {
            if (phase == FlowPhase.BACKOFF && !othersStarted[0]) {
                othersStarted[0] = true;
                h.scheduler().post(0.01, () -> h.service().terminals().startBackup(
                        terminalWithData("0200", 50_000, true), station.get()));
            }
        };
        h.run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 100_000_000,
                    CLEAN_AIR.withLossModel(ResumeTest.firstConnectionCarries(21)))));
            m.service().terminals().startBackup(terminalWithData("0100", SHORT, true), station.get());
        });
        FlowRecord first = h.records.stream().filter(r -> r.flowId() == 0).findFirst().orElseThrow();
        FlowRecord other = h.records.stream().filter(r -> r.flowId() == 1).findFirst().orElseThrow();
        assertEquals(FlowOutcome.SUCCESS, other.outcome());
        assertEquals(1, other.attempts());
        assertEquals(FlowOutcome.SUCCESS, first.outcome(), first.toString());
        assertEquals(1, first.reconnections());
        assertTrue(first.accessRetries() >= 1, "the reconnection was blocked: " + first.accessRetries());
        assertEquals(station.get().cell().blockedAttempts(), first.accessRetries());
        assertEquals(2 + first.accessRetries(), first.attempts());
        assertEquals(1.0 * (first.attempts() - 1), first.phaseTimes().seconds(FlowPhase.BACKOFF), 1e-9);
    }

    @Test
    void retries_eachOutcome_dropsAndTimeoutsAlwaysRefusalsOnlyWithRetryAccess() {
        ResumeConfig off = new ResumeConfig(3, 1, 1, 1, 0, false, 0);
        ResumeConfig on = off.withRetryAccess(true);
        assertFalse(off.retryAccess(), "the seven-argument constructor retries no refused attempt");
        for (FlowOutcome outcome : FlowOutcome.values()) {
            boolean dropOrTimeout = outcome == FlowOutcome.LINK_DROPPED || outcome == FlowOutcome.RETRIES_EXHAUSTED;
            boolean refused = outcome == FlowOutcome.BLOCKED || outcome == FlowOutcome.ACCESS_FAILED;
            assertEquals(dropOrTimeout, off.retries(outcome), outcome.name());
            assertEquals(dropOrTimeout || refused, on.retries(outcome), outcome.name());
        }
        assertEquals(off, on.withRetryAccess(false));
        assertFalse(ResumeConfig.OFF.retryAccess());
    }
}
