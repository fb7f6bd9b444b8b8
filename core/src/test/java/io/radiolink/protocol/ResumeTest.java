package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.PROTOCOL;
import static io.radiolink.protocol.ModelHarness.losing;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.LossProcess;
import io.radiolink.validation.FamilyWise;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Reconnection and resume: a flow whose connection drops (or times out) before its complete command
 * connects again after a back-off, as often as the geometric law of independent attempts predicts;
 * resuming from the receiver's verified prefix cuts the bytes sent in vain; the station keeps a partial
 * upload across connections for its hold time only, and a volatile outage loses it.
 */
final class ResumeTest {

    private static final long SIZE = 5_000;
    private static final double MEAN_TIME_TO_FAILURE = 0.5;
    private static final int FLOWS = 1_000;
    /** Flows of the closed-form test. */
    private static final int MANY_FLOWS = 4_000;
    private static final int ATTEMPTS = 30;
    private static final AirInterface DROPPING = CLEAN_AIR.withMeanTimeToFailureSeconds(MEAN_TIME_TO_FAILURE);

    private static ResumeConfig resume(boolean fromOffset) {
        return new ResumeConfig(ATTEMPTS, 0.1, 1, 0.1, 0, fromOffset, 60);
    }

    /** {@link #FLOWS} backups at once, each on its own channel of a station with {@code air}. */
    private static List<FlowRecord> backups(ProtocolConfig protocol, AirInterface air) {
        return backups(protocol, air, FLOWS);
    }

    private static List<FlowRecord> backups(ProtocolConfig protocol, AirInterface air, int flows) {
        return new ModelHarness().protocol(protocol).run(m -> {
            BaseStation station = m.station(StationConfig.of("bs-1", flows, 1_000_000_000, air));
            for (int i = 0; i < flows; i++) {
                m.service().terminals().startBackup(terminalWithData(Integer.toString(10_000 + i), SIZE, true), station);
            }
        }).records;
    }

    /**
     * Restarting from zero, every attempt is the same: it survives to the complete command with
     * a = exp(-T1 / m) (T1 from establishment to the complete command leaving, m the mean time to radio
     * link failure), so the attempts of a flow are geometric, truncated at K attempts; a flow that reached
     * its complete succeeds if the link also survives the complete exchange T2. Both T1 and T2 are
     * measured on a link that never fails. Tolerances: the family-wise rule's two-sided normal quantile
     * ({@link FamilyWise#twoSidedZ}) times the standard errors of the {@value #MANY_FLOWS} flows.
     */
    @Test
    void restartFromZero_attemptsGeometric_successAsPredicted() {
        FlowRecord clean = backups(PROTOCOL, CLEAN_AIR).get(0);
        double t1 = clean.phaseTimes().seconds(FlowPhase.REQUEST) + clean.phaseTimes().seconds(FlowPhase.TRANSFER);
        double t2 = clean.phaseTimes().seconds(FlowPhase.COMPLETE);
        double a = Math.exp(-t1 / MEAN_TIME_TO_FAILURE);
        double reachComplete = 1 - Math.pow(1 - a, ATTEMPTS);
        double success = reachComplete * Math.exp(-t2 / MEAN_TIME_TO_FAILURE);
        double meanAttempts = 0;
        double meanSquare = 0;
        for (int k = 1; k <= ATTEMPTS; k++) {
            double pk = a * Math.pow(1 - a, k - 1) / reachComplete;
            meanAttempts += k * pk;
            meanSquare += (double) k * k * pk;
        }
        double sdAttempts = Math.sqrt(meanSquare - meanAttempts * meanAttempts);

        List<FlowRecord> records = backups(PROTOCOL.withResume(resume(false)), DROPPING, MANY_FLOWS);
        List<FlowRecord> successes = records.stream().filter(r -> r.outcome().isSuccess()).toList();
        assertEquals(success, (double) successes.size() / MANY_FLOWS,
                FamilyWise.twoSidedZ() * Math.sqrt(success * (1 - success) / MANY_FLOWS), "success share");
        double attempts = successes.stream().mapToInt(FlowRecord::attempts).average().orElseThrow();
        assertEquals(meanAttempts, attempts, FamilyWise.twoSidedZ() * sdAttempts / Math.sqrt(successes.size()),
                "attempts per success");
        for (FlowRecord r : records) {
            if (r.attempts() > 1) {
                assertTrue(r.phaseTimes().entered(FlowPhase.BACKOFF));
                assertEquals(0.1 * (r.attempts() - 1), r.phaseTimes().seconds(FlowPhase.BACKOFF), 1e-9,
                        "fixed back-off between attempts");
            }
            if (!r.outcome().isSuccess()) {
                assertTrue(r.outcome() == FlowOutcome.LINK_DROPPED, r.toString());
                assertTrue(r.attempts() == ATTEMPTS || r.endPhase() == FlowPhase.COMPLETE,
                        "a flow gives up only when out of attempts or after its complete command: " + r);
            }
        }
    }

    /**
     * The same drop-heavy link with and without resume: resuming sends only what the station lacks, so
     * the bytes sent in vain shrink (measured: see the assertion's bound) and fewer attempts are needed.
     */
    @Test
    void resumeFromOffset_lowersBytesInVainAndAttempts() {
        List<FlowRecord> restart = backups(PROTOCOL.withResume(resume(false)), DROPPING);
        List<FlowRecord> resumed = backups(PROTOCOL.withResume(resume(true)), DROPPING);
        double vainRestart = restart.stream().mapToLong(FlowRecord::bytesInVain).average().orElseThrow();
        double vainResumed = resumed.stream().mapToLong(FlowRecord::bytesInVain).average().orElseThrow();
        double attemptsRestart = restart.stream().filter(r -> r.outcome().isSuccess())
                .mapToInt(FlowRecord::attempts).average().orElseThrow();
        double attemptsResumed = resumed.stream().filter(r -> r.outcome().isSuccess())
                .mapToInt(FlowRecord::attempts).average().orElseThrow();
        assertTrue(vainResumed < 0.5 * vainRestart, vainResumed + " vs " + vainRestart);
        assertTrue(attemptsResumed < attemptsRestart, attemptsResumed + " vs " + attemptsRestart);
        long successesResumed = resumed.stream().filter(r -> r.outcome().isSuccess()).count();
        long successesRestart = restart.stream().filter(r -> r.outcome().isSuccess()).count();
        assertTrue(successesResumed >= successesRestart, successesResumed + " vs " + successesRestart);
        for (FlowRecord r : resumed) {
            if (r.outcome().isSuccess()) {
                assertEquals(r.data().bytesSent() - SIZE, r.bytesInVain());
            }
        }
    }

    /**
     * The second attempt of a resumed backup starts at the frame the station reports, which is where the
     * first attempt's received frames end; restarting, it starts at 0. The partial upload's staging space
     * stays reserved between the attempts and is committed at the end.
     */
    @Test
    void partialUploadKeptAcrossConnections_secondAttemptStartsAtStationsPrefix() {
        for (boolean fromOffset : new boolean[] {false, true}) {
            AtomicReference<BaseStation> station = new AtomicReference<>();
            // The uplink of the first connection carries the request and 20 data frames, then loses
            // everything: the terminal's ARQ gives up (a timeout) and it reconnects.
            ModelHarness h = new ModelHarness().protocol(PROTOCOL.withResume(
                    new ResumeConfig(3, 1.0, 2, 10, 0, fromOffset, 60))).run(m -> {
                station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, CLEAN_AIR.withLossModel(firstConnectionCarries(21)))));
                m.service().terminals().startBackup(terminalWithData("0100", SIZE, true), station.get());
            });
            FlowRecord r = h.records.get(0);
            assertEquals(FlowOutcome.SUCCESS, r.outcome(), r.toString());
            assertEquals(2, r.attempts());
            List<Message.BackupResponse> responses = h.sent(Message.BackupResponse.class).stream()
                    .map(e -> (Message.BackupResponse) e.message()).toList();
            int resumedAt = responses.get(responses.size() - 1).resumeFromFrame();
            assertEquals(fromOffset ? 20 : 0, resumedAt, "frames 0-19 arrived on the first connection");
            assertEquals(SIZE - 100L * resumedAt, r.data().bytesSent() - bytesOfFirstConnection(h));
            assertEquals(SIZE, station.get().store().committedBytes());
            assertEquals(0, station.get().store().stagedBytes());
        }
    }

    /**
     * Each direction of the first connection carries its first {@code units} units and then loses
     * everything; later connections lose nothing.
     */
    static LossModel firstConnectionCarries(int units) {
        return new LossModel() {
            private int processes;

            @Override
            public LossProcess newProcess(RandomGenerator random) {
                boolean first = processes++ < 2; // uplink and downlink of the first connection
                int[] index = {0};
                return () -> first && index[0]++ >= units;
            }

            @Override
            public double stationaryLossProbability() {
                return Double.NaN;
            }
        };
    }

    /** Payload bytes of the data frames put on the first connection's uplink. */
    private static long bytesOfFirstConnection(ModelHarness h) {
        Object first = h.air.get(0).connection();
        return h.sent(Message.DataFrame.class).stream().filter(e -> e.connection() == first)
                .mapToLong(e -> e.bytes() - 10).sum();
    }

    @Test
    void partialUpload_releasedWhenItsHoldEnds_lostInAVolatileOutage() {
        // One attempt only: the flow fails and the station keeps the partial upload for 5 s.
        ResumeConfig keepFiveSeconds = new ResumeConfig(1, 0, 1, 0, 0, true, 5);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        long[] stagedDuringHold = {-1};
        ModelHarness h = new ModelHarness().protocol(PROTOCOL.withResume(keepFiveSeconds)).run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, CLEAN_AIR.withLossModel(losing(i -> i > 20)))));
            m.service().terminals().startBackup(terminalWithData("0100", SIZE, true), station.get());
            m.at(20, () -> stagedDuringHold[0] = station.get().store().stagedBytes());
        });
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, h.records.get(0).outcome());
        double ended = h.records.get(0).endSeconds();
        assertTrue(ended < 15, "the flow ends well before t = 20 s: " + ended);
        assertEquals(0, station.get().store().stagedBytes(), "released when the hold ended");
        assertTrue(ended + 5 > 20 || stagedDuringHold[0] == 0);

        // Kept longer, the partial upload is lost with a volatile store's contents.
        ResumeConfig keepLong = new ResumeConfig(1, 0, 1, 0, 0, true, 1_000);
        StationConfig volatileStation = StationConfig.of("bs-1", 1, 1_000_000, CLEAN_AIR.withLossModel(losing(i -> i > 20))).withOutages(OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(50, 60)), false));
        long[] parkedBefore = {-1};
        new ModelHarness().protocol(PROTOCOL.withResume(keepLong)).run(m -> {
            station.set(m.station(volatileStation));
            station.get().scheduleOutages(100);
            m.service().terminals().startBackup(terminalWithData("0100", SIZE, true), station.get());
            m.at(40, () -> parkedBefore[0] = station.get().store().parkedReservations());
        });
        assertEquals(1, parkedBefore[0]);
        assertEquals(0, station.get().store().parkedReservations());
        assertEquals(0, station.get().store().stagedBytes());
    }

    /**
     * A download dropped midway resumes from the terminal's verified prefix; if a newer backup of the
     * number committed between the attempts, the station starts from 0 and the terminal ends with the
     * newer data, whole.
     */
    @Test
    void downloadResumesFromTerminalsPrefix_restartsWhenTheStoredCopyChanged() {
        for (boolean replacedMeanwhile : new boolean[] {false, true}) {
            PhoneNumber number = PhoneNumber.of("0100");
            UserData first = UserData.synthetic(SIZE, 5, 1);
            UserData newer = UserData.synthetic(SIZE, 5, 2);
            Terminal b = replacementPhone("0200", PASSWORD);
            ModelHarness h = new ModelHarness().protocol(PROTOCOL.withResume(
                    new ResumeConfig(3, 1.0, 1, 1.0, 0, true, 60))).run(m -> {
                BaseStation station = m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR.withLossModel(firstConnectionCarries(21))));
                BackupStore store = station.store();
                store.commit(store.reserve(SIZE).orElseThrow(), number, first, PasswordVerifier.of(number, PASSWORD), 0);
                m.service().terminals().startDownload(b, number, station);
                if (replacedMeanwhile) {
                    m.phaseHook = (flow, phase) -> {
                        if (phase == FlowPhase.BACKOFF) {
                            store.commit(store.reserve(SIZE).orElseThrow(), number, newer,
                                    PasswordVerifier.of(number, PASSWORD), m.scheduler().nowSeconds());
                        }
                    };
                }
            });
            FlowRecord r = h.records.get(0);
            assertEquals(FlowOutcome.SUCCESS, r.outcome(), r.toString());
            assertEquals(2, r.attempts());
            assertEquals(replacedMeanwhile ? newer : first, b.userData().orElseThrow());
            Message.DownloadResponse last = (Message.DownloadResponse) h.sent(Message.DownloadResponse.class)
                    .get(h.sent(Message.DownloadResponse.class).size() - 1).message();
            assertEquals(replacedMeanwhile ? 0 : 20, last.startFrame(), "the first 20 frames arrived");
        }
    }

    /**
     * Back-off before attempt k + 1 is min(max, base * multiplier^(k-1)) without jitter; with jitter j it
     * spreads uniformly over +-j around that value.
     */
    @Test
    void backoff_growsToItsCap_jitterSpreadsAroundIt() {
        ResumeConfig config = new ResumeConfig(6, 0.5, 2, 3, 0, false, 0);
        assertEquals(0.5, config.backoffSeconds(1));
        assertEquals(1.0, config.backoffSeconds(2));
        assertEquals(2.0, config.backoffSeconds(3));
        assertEquals(3.0, config.backoffSeconds(4));
        assertEquals(3.0, config.backoffSeconds(60));
        assertEquals(0.0, new ResumeConfig(60, 0, 2, 0, 0, false, 0).backoffSeconds(59));

        // Every attempt times out at once (the uplink loses everything): five back-offs per flow.
        AirInterface silent = CLEAN_AIR.withLossModel(losing(i -> true));
        for (double jitter : new double[] {0.0, 0.5}) {
            ResumeConfig jittered = new ResumeConfig(6, 0.5, 2, 3, jitter, false, 0);
            ModelHarness h = new ModelHarness().protocol(PROTOCOL.withResume(jittered)).run(m -> {
                BaseStation station = m.station(StationConfig.of("bs-1", 200, 1_000_000, silent));
                for (int i = 0; i < 200; i++) {
                    m.service().terminals().startBackup(terminalWithData(Integer.toString(1000 + i), SIZE, true), station);
                }
            });
            double unjittered = 0.5 + 1 + 2 + 3 + 3;
            double mean = h.records.stream().mapToDouble(r -> r.phaseTimes().seconds(FlowPhase.BACKOFF)).average()
                    .orElseThrow();
            for (FlowRecord r : h.records) {
                assertEquals(6, r.attempts());
                assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
                double backoff = r.phaseTimes().seconds(FlowPhase.BACKOFF);
                assertTrue(backoff >= unjittered * (1 - jitter) - 1e-9 && backoff <= unjittered * (1 + jitter) + 1e-9,
                        backoff + " outside the jitter band");
            }
            // Sum of five uniform back-offs: sd = jitter * sqrt(sum of squares / 3); the family-wise rule's
            // two-sided quantile of standard errors (without jitter the tolerance is zero: exact).
            double sd = jitter * Math.sqrt((0.25 + 1 + 4 + 9 + 9) / 3);
            assertEquals(unjittered, mean, FamilyWise.twoSidedZ() * sd / Math.sqrt(200) + 1e-9);
        }
    }

    /** A terminal that sent its complete command does not reconnect: it cannot tell whether to send again. */
    @Test
    void noReconnectAfterTheCompleteCommand() {
        // Downlink: the response and 50 acknowledgements get through, every StationComplete is lost.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_AIR.uplink(),
                CLEAN_AIR.downlink().withLossModel(losing(i -> i > 50)));
        FlowRecord r = new ModelHarness().protocol(PROTOCOL.withResume(new ResumeConfig(5, 1, 1, 1, 0, true, 60)))
                .run(m -> m.service().terminals().startBackup(terminalWithData("0100", SIZE, true), m.station(air)))
                .records.get(0);
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(1, r.attempts());
        assertEquals(StationEffect.COMMITTED, r.stationEffect());
    }
}
