package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.AuthStatistics;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.ScriptedFlow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication without the password on the air (challenge-response, unkeyed and SIM-keyed) and lock-out
 * after failed attempts: each switched off and on, with its effect on the flows and the statistics. Attacks
 * on the air are in {@link AirAttackTest}.
 */
final class AuthenticationTest {

    private static ModelHarness backupThenDownload(AuthConfig auth, String typedAtDownload) {
        return new ModelHarness().protocol(ModelHarness.PROTOCOL.withAuth(auth)).run(m -> {
            BaseStation bs = m.station(CLEAN_AIR);
            Terminal a = terminalWithData("0100", 1_000, true);
            m.service().terminals().startBackup(a, bs);
            m.at(50, () -> m.service().terminals().startDownload(replacementPhone("0200", typedAtDownload), a.phoneNumber(), bs));
        });
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"CHALLENGE_RESPONSE", "SIM_KEYED"})
    void challengeResponse_rightPassword_succeedsWithoutThePasswordOnTheAir(AuthMode mode) {
        ModelHarness h = backupThenDownload(new AuthConfig(mode, 0, 0), PASSWORD);
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.SUCCESS), h.records.stream().map(FlowRecord::outcome).toList());
        h.sent(BackupRequest.class).forEach(e -> assertNull(((BackupRequest) e.message()).password()));
        h.sent(DownloadRequest.class).forEach(e -> assertNull(((DownloadRequest) e.message()).password()));
        List<ChallengeResponse> answers = h.sent(ChallengeResponse.class).stream()
                .map(e -> (ChallengeResponse) e.message()).toList();
        assertEquals(2, answers.size());
        assertNotNull(answers.get(0).enrolment(), "the backup enrols its verifier, sealed");
        assertNull(answers.get(1).enrolment(), "a download enrols nothing");
    }

    @Test
    void toString_requests_neverShowThePassword() {
        ModelHarness h = backupThenDownload(AuthConfig.CLAIMED, PASSWORD);
        assertEquals(PASSWORD, ((BackupRequest) h.sent(BackupRequest.class).get(0).message()).password());
        assertTrue(h.air.stream().noneMatch(e -> e.message().toString().contains(PASSWORD)), h.air.toString());
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"CHALLENGE_RESPONSE", "SIM_KEYED"})
    void challengeResponse_addsOneRoundTripToTheRequestPhase(AuthMode mode) {
        double claimed = backupThenDownload(AuthConfig.CLAIMED, PASSWORD).records.get(0).phaseTimes()
                .seconds(FlowPhase.REQUEST);
        double challenged = backupThenDownload(new AuthConfig(mode, 0, 0), PASSWORD).records.get(0).phaseTimes()
                .seconds(FlowPhase.REQUEST);
        double controlFrame = ModelHarness.CLEAN_LINK.transmissionSeconds(ModelHarness.CLEAN_LINK.controlFrameBytes());
        double roundTrip = 2 * (controlFrame + ModelHarness.CLEAN_LINK.propagationDelaySeconds());
        assertEquals(claimed + roundTrip, challenged, 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"CHALLENGE_RESPONSE", "SIM_KEYED"})
    void challengeResponse_wrongPassword_rejectedWithoutData(AuthMode mode) {
        ModelHarness h = backupThenDownload(new AuthConfig(mode, 0, 0), "not-" + PASSWORD);
        FlowRecord download = h.records.get(1);
        assertEquals(FlowOutcome.AUTH_REJECTED, download.outcome());
        assertEquals(0, download.data().framesSent());
    }

    /** Replication 0 of {@code simulation}, each ended flow's record added to {@code records}. */
    private static ReplicationResult run(Simulation.Builder simulation, List<FlowRecord> records) {
        return simulation
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                })
                .build()
                .runReplication(0);
    }

    /** Backup at 0 s (retention 60 s), three wrong downloads, then the right one while locked and after. */
    private static ReplicationResult lockoutRun(AuthMode mode, int maxFailedAttempts, List<FlowRecord> records) {
        PhoneNumber a = PhoneNumber.of("0100");
        PhoneNumber thief = PhoneNumber.of("0666");
        return run(Simulation.builder()
                .protocol(ModelHarness.PROTOCOL.withAuth(new AuthConfig(mode, maxFailedAttempts, 100)))
                .station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR).withRetentionSeconds(60))
                .scriptedFlow(ScriptedFlow.backup(0, "bs-1", a, 1_000, 10, PASSWORD))
                .scriptedFlow(ScriptedFlow.download(20, "bs-1", thief, a, "1111"))
                .scriptedFlow(ScriptedFlow.download(25, "bs-1", thief, a, "2222"))
                .scriptedFlow(ScriptedFlow.download(30, "bs-1", thief, a, "3333"))
                .scriptedFlow(ScriptedFlow.download(35, "bs-1", PhoneNumber.of("0200"), a, PASSWORD))
                .scriptedFlow(ScriptedFlow.download(100, "bs-1", thief, a, "4444")) // copy expired at ~61 s
                .scriptedFlow(ScriptedFlow.download(200, "bs-1", thief, a, "5555")) // lock over at 130 s
                .runLengthSeconds(300), records);
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_afterThreeFailures_rejectsEvenTheRightPasswordAndRevealsNothing(AuthMode mode) {
        List<FlowRecord> records = new ArrayList<>();
        ReplicationResult result = lockoutRun(mode, 3, records);
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED, FlowOutcome.NO_BACKUP),
                records.stream().map(FlowRecord::outcome).toList());
        // At 100 s nothing is stored, but a locked number gets the same answer as a wrong password.
        assertEquals(new AuthStatistics(3, 2, 1), result.authentication());
    }

    /**
     * Guesses in parallel: four terminals ask for the copy at once, three with wrong PINs, the last (a
     * millisecond later) with the right one. Under a challenge all four requests are challenged before the
     * first answer arrives, so the last answer is decided after the third failure locked the number.
     */
    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_parallelGuesses_theAnswerAfterTheLockIsRejected(AuthMode mode) {
        PhoneNumber a = PhoneNumber.of("0100");
        List<FlowRecord> records = new ArrayList<>();
        Simulation.Builder builder = Simulation.builder()
                .protocol(ModelHarness.PROTOCOL.withAuth(new AuthConfig(mode, 3, 100)))
                .station(StationConfig.of("bs-1", 4, 1_000_000, CLEAN_AIR))
                .scriptedFlow(ScriptedFlow.backup(0, "bs-1", a, 1_000, 10, PASSWORD));
        for (int i = 1; i <= 3; i++) {
            builder.scriptedFlow(ScriptedFlow.download(20, "bs-1", PhoneNumber.of("066" + i), a, "111" + i));
        }
        ReplicationResult result = run(builder
                .scriptedFlow(ScriptedFlow.download(20.001, "bs-1", PhoneNumber.of("0664"), a, PASSWORD))
                .runLengthSeconds(60), records);
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED), records.stream().map(FlowRecord::outcome).toList(),
                "at most maxFailedAttempts guesses land before the lock");
        assertEquals(new AuthStatistics(3, 1, 1), result.authentication());
    }

    @ParameterizedTest
    @EnumSource(AuthMode.class)
    void lockout_off_rightPasswordStillWorks(AuthMode mode) {
        List<FlowRecord> records = new ArrayList<>();
        ReplicationResult result = lockoutRun(mode, 0, records);
        assertEquals(FlowOutcome.SUCCESS, records.get(4).outcome());
        assertEquals(FlowOutcome.NO_BACKUP, records.get(5).outcome(), "cleared by the successful restore");
        assertEquals(new AuthStatistics(3, 0, 0), result.authentication());
    }
}
