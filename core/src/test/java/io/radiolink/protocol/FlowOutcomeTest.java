package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.CLEAN_LINK;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.losing;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.BaseStation;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.simulation.Simulation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of the closed list, each produced by a scenario that forces it, and reported as such;
 * also the flows where the station's view differs from the terminal's.
 */
final class FlowOutcomeTest {

    private static final Set<FlowOutcome> SEEN = EnumSet.noneOf(FlowOutcome.class);

    @AfterAll
    static void everyOutcomeWasForced() {
        assertEquals(EnumSet.allOf(FlowOutcome.class), SEEN, "a test per outcome of the closed list");
    }

    private static StationConfig station(int channels, long capacity, AirInterface air) {
        return StationConfig.of("bs-1", channels, capacity, air);
    }

    /** Runs {@code script} on one station and returns every record, in end order. */
    private static List<FlowRecord> run(StationConfig config, BiConsumer<ModelHarness, BaseStation> script) {
        ModelHarness h = new ModelHarness();
        h.run(m -> script.accept(m, m.station(config)));
        h.records.forEach(r -> SEEN.add(r.outcome()));
        return h.records;
    }

    private static FlowRecord only(List<FlowRecord> records) {
        assertEquals(1, records.size());
        return records.get(0);
    }

    @Test
    void success_cleanLink_backupAndDownloadSucceed() {
        List<FlowRecord> records = run(station(1, 10_000, CLEAN_AIR), (h, bs) -> {
            Terminal a = terminalWithData("0100", 1_000, true);
            h.service().terminals().startBackup(a, bs);
            h.at(50, () -> h.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), bs));
        });
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.SUCCESS), records.stream().map(FlowRecord::outcome).toList());
        assertFalse(records.get(0).stationViewDiffers());
    }

    @Test
    void passwordNotEntered_noPassword_nothingSent() {
        FlowRecord r = only(run(station(1, 10_000, CLEAN_AIR),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, false), bs)));
        assertEquals(FlowOutcome.PASSWORD_NOT_ENTERED, r.outcome());
        assertEquals(0, r.durationSeconds());
        assertEquals(0, r.uplink().unitsSent() + r.downlink().unitsSent());
    }

    @Test
    void blocked_allChannelsBusy_secondAttemptBlockedAtOnce() {
        List<FlowRecord> records = run(station(1, 10_000, CLEAN_AIR), (h, bs) -> {
            h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs);
            h.at(0.1, () -> h.service().terminals().startBackup(terminalWithData("0200", 1_000, true), bs));
        });
        FlowRecord blocked = records.get(0);
        assertEquals(FlowOutcome.BLOCKED, blocked.outcome());
        assertEquals(0.1, blocked.startSeconds());
        assertEquals(0.0, blocked.durationSeconds());
        assertEquals(FlowOutcome.SUCCESS, records.get(1).outcome());
    }

    @Test
    void setupFailed_setupAlwaysFails_failsAfterSetupDelay() {
        FlowRecord r = only(run(station(1, 10_000, CLEAN_AIR.withSetup(0.5, 1.0)),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        assertEquals(FlowOutcome.SETUP_FAILED, r.outcome());
        assertEquals(0.5, r.durationSeconds(), 1e-12);
        assertEquals(FlowPhase.SETUP, r.endPhase());
    }

    @Test
    void authRejected_secondBackupWithOtherPassword_rejectedAndCopyKept() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        Terminal first = terminalWithData("0100", 1_000, true);
        List<FlowRecord> records = run(station(1, 10_000, CLEAN_AIR), (h, bs) -> {
            station.set(bs);
            h.service().terminals().startBackup(first, bs);
            Terminal impostor = terminalWithData("0100", 2_000, false);
            impostor.enterMaintenancePassword("guess");
            h.at(50, () -> h.service().terminals().startBackup(impostor, bs));
        });
        assertEquals(FlowOutcome.AUTH_REJECTED, records.get(1).outcome());
        assertEquals(0, records.get(1).data().framesSent());
        assertEquals(first.userData().orElseThrow(), station.get().store().find(first.phoneNumber()).orElseThrow().data());
    }

    @Test
    void storageFull_backupLargerThanFreeSpace_rejectedWithoutData() {
        FlowRecord r = only(run(station(1, 999, CLEAN_AIR),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        assertEquals(FlowOutcome.STORAGE_FULL, r.outcome());
        assertEquals(FlowPhase.RELEASE, r.endPhase());
        assertEquals(0, r.data().framesSent());
    }

    @Test
    void noBackup_downloadOfUnknownNumber_rejected() {
        FlowRecord r = only(run(station(1, 10_000, CLEAN_AIR),
                (h, bs) -> h.service().terminals().startDownload(replacementPhone("0200", PASSWORD),
                        PhoneNumber.of("0100"), bs)));
        assertEquals(FlowOutcome.NO_BACKUP, r.outcome());
        assertEquals(0, r.data().framesSent());
    }

    @Test
    void copyElsewhere_downloadAtAStationWithoutTheCopyAnotherHolds_refusedNamingIt() {
        List<FlowRecord> records = new ArrayList<>();
        Terminal a = terminalWithData("0100", 1_000, true);
        Simulation.builder().protocol(ModelHarness.PROTOCOL).airInterface(CLEAN_AIR).runLengthSeconds(100)
                .station("bs-1", 1, 10_000).station("bs-2", 1, 10_000)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                })
                .script(model -> {
                    model.service().terminals().startBackup(a, model.station("bs-1"));
                    model.scheduler().scheduleAt(50, () -> model.service().terminals().startDownload(
                            replacementPhone("0200", PASSWORD), a.phoneNumber(), model.station("bs-2")));
                    model.scheduler().scheduleAt(60, () -> model.service().terminals().startDownload(
                            replacementPhone("0201", PASSWORD), PhoneNumber.of("0999"), model.station("bs-2")));
                }).build().run();
        records.forEach(r -> SEEN.add(r.outcome()));
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.COPY_ELSEWHERE, FlowOutcome.NO_BACKUP),
                records.stream().map(FlowRecord::outcome).toList(), "a number no station holds is NO_BACKUP");
        assertEquals(0, records.get(1).data().framesSent());
        assertEquals(StationEffect.NONE, records.get(1).stationEffect());
    }

    @Test
    void storeUnavailable_networkStorageBackhaulDown_refusedWithoutData() {
        List<FlowRecord> records = new ArrayList<>();
        OutageConfig down = OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(0, 100)), true);
        StorageMode.Network network = StorageMode.Network.uniform(1_000_000, new StorageMode.Attachment(
                BackhaulConfig.lossless(1e9, 0.001).withOutages(down), RelayMode.STORE_AND_FORWARD));
        Simulation.builder().protocol(ModelHarness.PROTOCOL).airInterface(CLEAN_AIR).runLengthSeconds(100)
                .station("bs-1", 1, 10_000).storage(network)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                })
                .script(model -> model.service().terminals().startBackup(terminalWithData("0100", 1_000, true),
                        model.station("bs-1")))
                .build().run();
        records.forEach(r -> SEEN.add(r.outcome()));
        FlowRecord r = only(records);
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, r.outcome());
        assertEquals(0, r.data().framesSent());
        assertEquals(StationEffect.NONE, r.stationEffect());
    }

    @Test
    void retriesExhausted_uplinkDeadAfterRequest_terminalGivesUpOnData() {
        // Uplink unit 0 (the request) arrives; every later one is lost.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withLossModel(losing(i -> i > 0)), CLEAN_LINK);
        FlowRecord r = only(run(station(1, 10_000, air),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        ArqConfig arq = ModelHarness.PROTOCOL.arq();
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(FlowPhase.RELEASE, r.endPhase());
        // The whole window (8 frames) is in flight; frame 0 times out first in every round, so when its
        // retries run out every frame of the window has been retransmitted retryLimit times.
        assertEquals((long) arq.windowFrames() * arq.retryLimit(), r.data().framesRetransmitted());
        assertEquals(StationEffect.NONE, r.stationEffect());
    }

    @Test
    void retriesExhausted_requestNeverAnswered_terminalGivesUpOnControl() {
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withLossModel(losing(i -> true)), CLEAN_LINK);
        FlowRecord r = only(run(station(1, 10_000, air),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        ControlConfig control = ModelHarness.PROTOCOL.control();
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(1 + control.retryLimit(), r.control().messagesSent());
        assertEquals(control.retryLimit(), r.control().messagesRetransmitted());
        assertEquals(FlowPhase.RELEASE, r.endPhase());
    }

    @Test
    void retriesExhausted_downlinkDeadAfterResponse_stationGivesUpAndReleases() {
        // Downlink unit 0 (the response) arrives; every later one is lost. The copy is put in the store
        // directly, so the station's only connection is the download's.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK, CLEAN_LINK.withLossModel(losing(i -> i > 0)));
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(station(1, 10_000, air)));
            var store = station.get().store();
            Terminal a = terminalWithData("0100", 1_000, true);
            store.commit(store.reserve(1_000).orElseThrow(), a.phoneNumber(), a.userData().orElseThrow(),
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0);
            m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), station.get());
        });
        FlowRecord r = h.records.get(0);
        SEEN.add(r.outcome());
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(FlowPhase.TRANSFER, r.endPhase(), "the station released during the transfer");
        assertTrue(station.get().store().find(PhoneNumber.of("0100")).isPresent());
    }

    @Test
    void linkDropped_shortTimeToFailure_flowEndsAtTheDrop() {
        // A 100 kB backup takes ~9 s on the clean link; the mean time to failure is 1 s.
        FlowRecord r = only(run(station(1, 1_000_000, CLEAN_AIR.withMeanTimeToFailureSeconds(1.0)),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 100_000, true), bs)));
        assertEquals(FlowOutcome.LINK_DROPPED, r.outcome());
        assertTrue(r.endPhase() != FlowPhase.RELEASE);
        assertEquals(StationEffect.NONE, r.stationEffect());
    }

    @Test
    void stationViewDiffers_backupWhoseStationCompleteIsAlwaysLost_committedButTerminalFails() {
        int frames = CLEAN_LINK.framesFor(1_000);
        // Downlink units: 0 response, 1..frames acknowledgements, then the station's complete commands.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK, CLEAN_LINK.withLossModel(losing(i -> i > frames)));
        FlowRecord r = only(run(station(1, 10_000, air),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(StationEffect.COMMITTED, r.stationEffect());
        assertTrue(r.stationViewDiffers());
        assertEquals(FlowPhase.RELEASE, r.endPhase());
    }

    @Test
    void stationViewDiffers_downloadWhoseStationCompleteIsAlwaysLost_clearedButTerminalFailsHoldingData() {
        int frames = CLEAN_LINK.framesFor(1_000);
        // Downlink units: 0 response, 1..frames data, then the station's complete commands.
        LinkConfig downlink = CLEAN_LINK.withLossModel(losing(i -> i > frames));
        AtomicReference<BaseStation> station = new AtomicReference<>();
        Terminal b = replacementPhone("0200", PASSWORD);
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(station(1, 10_000, CLEAN_AIR.withLinks(CLEAN_LINK, downlink))));
            var store = station.get().store();
            Terminal a = terminalWithData("0100", 1_000, true);
            store.commit(store.reserve(1_000).orElseThrow(), a.phoneNumber(), a.userData().orElseThrow(),
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0);
            m.service().terminals().startDownload(b, a.phoneNumber(), station.get());
        });
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, r.outcome());
        assertEquals(StationEffect.CLEARED, r.stationEffect());
        assertTrue(r.stationViewDiffers());
        assertTrue(b.userData().isPresent(), "the station cleared only what B had confirmed storing");
    }

    @Test
    void stationDown_outageDuringTransfer_flowEndsAtTheOutage() {
        // A 100 kB backup takes ~9 s on the clean link; the station goes down 5 s in.
        StationConfig config = station(1, 1_000_000, CLEAN_AIR).withOutages(io.radiolink.node.OutageConfig.scheduled(
                java.util.List.of(new io.radiolink.node.OutageConfig.DownPeriod(5, 60)), true));
        FlowRecord r = only(run(config, (h, bs) -> {
            bs.scheduleOutages(100);
            h.service().terminals().startBackup(terminalWithData("0100", 100_000, true), bs);
        }));
        assertEquals(FlowOutcome.STATION_DOWN, r.outcome());
        assertEquals(5.0, r.endSeconds());
        assertEquals(FlowPhase.TRANSFER, r.endPhase());
    }

    @Test
    void accessFailed_onePreambleTwoAttemptsInOneSlot_bothCollideAndGiveUp() {
        AirInterface air = CLEAN_AIR.withRandomAccess(new io.radiolink.radio.RandomAccessConfig(0.01, 1, 1, 1));
        List<FlowRecord> records = run(station(4, 10_000, air), (h, bs) -> {
            h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs);
            h.service().terminals().startBackup(terminalWithData("0200", 1_000, true), bs);
        });
        assertEquals(List.of(FlowOutcome.ACCESS_FAILED, FlowOutcome.ACCESS_FAILED),
                records.stream().map(FlowRecord::outcome).toList());
        assertEquals(0.01, records.get(0).endSeconds(), 1e-12, "at the first access slot");
        assertEquals(FlowPhase.SETUP, records.get(0).endPhase());
    }

    @Test
    void integrityMismatch_undetectedCorruption_backupRejectedAtTheDigest() {
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withCorruption(new io.radiolink.radio.Corruption(0.5, 1.0)),
                CLEAN_LINK);
        FlowRecord r = only(run(station(1, 10_000, air),
                (h, bs) -> h.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)));
        assertEquals(FlowOutcome.INTEGRITY_MISMATCH, r.outcome());
        assertEquals(FlowPhase.RELEASE, r.endPhase());
    }
}
