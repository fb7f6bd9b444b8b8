package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.protocol.ModelHarness.AirEvent;
import io.radiolink.radio.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One test per claim of the seed patent: each drives the model and asserts the element its claim
 * adds. Claims 11-18 restate 1-10 as one method; their tests run the whole method (backup, then
 * download by the replacement phone) and assert their element within it.
 */
final class ClaimsTest {

    private static final String A_NUMBER = "01012345678";
    private static final String B_NUMBER = "01099999999";
    private static final double PROPAGATION = ModelHarness.CLEAN_LINK.propagationDelaySeconds();

    /** Everything one run of the whole method (backup at 0 s, download at 100 s) left behind. */
    private record Method(ModelHarness h, BaseStation station, Terminal a, Terminal b, Flow backup,
            Flow download) {}

    private static Method backupThenDownload(Terminal a, Terminal b, String addressed) {
        ModelHarness h = new ModelHarness();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        AtomicReference<Flow> backup = new AtomicReference<>();
        AtomicReference<Flow> download = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            backup.set(m.service().terminals().startBackup(a, station.get()));
            m.at(100, () -> download.set(m.service().terminals().startDownload(b, PhoneNumber.of(addressed), station.get())));
        });
        return new Method(h, station.get(), a, b, backup.get(), download.get());
    }

    private static Method wholeMethod() {
        return backupThenDownload(terminalWithData(A_NUMBER, 1_000, true),
                replacementPhone(B_NUMBER, PASSWORD), A_NUMBER);
    }

    private static List<AirEvent> on(ModelHarness h, Flow flow) {
        return h.air.stream().filter(e -> e.connection().establishedAtSeconds() >= h.record(flow).startSeconds()
                && e.departureSeconds() <= h.record(flow).endSeconds()).toList();
    }

    private static int indexOf(List<AirEvent> events, Class<? extends Message> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i).message())) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(List<AirEvent> events, Class<? extends Message> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i).message())) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- claims 1-10

    @Test
    void claim01_userDataOfFirstTerminalIsStoredAtStationThenDownloadedToSecond() {
        Method m = wholeMethod();
        UserData original = m.a().userData().orElseThrow();

        assertEquals(FlowOutcome.SUCCESS, m.h().record(m.backup()).outcome());
        assertEquals(FlowOutcome.SUCCESS, m.h().record(m.download()).outcome());
        assertEquals(original, m.b().userData().orElseThrow(), "B holds A's user data");
        assertTrue(m.h().record(m.backup()).endSeconds() < m.h().record(m.download()).startSeconds(),
                "the data reached B through the station after the backup ended, not directly");
    }

    @Test
    void claim02_responseAnswersBackupRequestAndDataFollowsOnlyAfterIt() {
        Method m = wholeMethod();
        List<AirEvent> events = on(m.h(), m.backup());

        assertTrue(events.get(0).message() instanceof BackupRequest, "first unit is A's backup request");
        assertEquals(Side.TERMINAL, events.get(0).sender());
        AirEvent response = events.get(indexOf(events, BackupResponse.class));
        assertEquals(Side.STATION, response.sender());
        assertEquals(Admission.ACCEPTED, ((BackupResponse) response.message()).admission());
        AirEvent firstData = events.get(indexOf(events, DataFrame.class));
        assertTrue(firstData.departureSeconds() > response.departureSeconds() + PROPAGATION,
                "A sends data only once the response arrived");

        // A response that is not an acceptance is not "identified": no data follows it.
        ModelHarness rejected = new ModelHarness();
        rejected.run(h -> h.service().terminals().startBackup(terminalWithData(A_NUMBER, 5_000, true),
                h.station(StationConfig.of("bs-1", 1, 1_000, CLEAN_AIR))));
        assertEquals(FlowOutcome.STORAGE_FULL, rejected.records.get(0).outcome());
        assertTrue(rejected.sent(DataFrame.class).isEmpty());
    }

    @Test
    void claim02_stationStoresTheBackedUpData() {
        ModelHarness h = new ModelHarness();
        Terminal a = terminalWithData(A_NUMBER, 2_345, true);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
        });
        assertEquals(a.userData().orElseThrow(), station.get().store().find(a.phoneNumber()).orElseThrow().data());
        assertEquals(2_345, station.get().store().committedBytes());
    }

    @Test
    void claim03_backupConnectionIsReleasedAfterMutualCompleteCommands() {
        Method m = wholeMethod();
        List<AirEvent> events = on(m.h(), m.backup());
        FlowRecord backup = m.h().record(m.backup());

        int lastData = lastIndexOf(events, DataFrame.class);
        int terminalComplete = indexOf(events, TerminalComplete.class);
        int stationComplete = indexOf(events, StationComplete.class);
        assertTrue(lastData < terminalComplete && terminalComplete < stationComplete,
                "data, then A's complete, then the station's complete");
        assertEquals(StationEffect.COMMITTED, backup.stationEffect());
        double stationCompleteLeft = events.get(stationComplete).departureSeconds();
        assertTrue(m.station().store().find(m.a().phoneNumber()).isEmpty(), "cleared later by the download");
        double release = m.h().phaseStart(m.backup(), FlowPhase.RELEASE);
        assertTrue(release >= stationCompleteLeft + PROPAGATION, "release starts once the station's complete arrived");
        assertEquals(release + CLEAN_AIR.releaseDelaySeconds(), backup.endSeconds(), 1e-12);
        assertEquals(FlowPhase.RELEASE, backup.endPhase());
        assertEquals(0, m.station().cell().busyChannels(), "the radio channel is free again");
    }

    @Test
    void claim04_backupRequestIsSentOnlyAfterMaintenancePasswordWasEntered() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, false);
        ModelHarness h = new ModelHarness();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.at(10, () -> {
                a.enterMaintenancePassword("2468");
                m.service().terminals().startBackup(a, station.get());
            });
        });

        assertEquals(FlowOutcome.PASSWORD_NOT_ENTERED, h.records.get(0).outcome());
        assertEquals(0, h.records.get(0).uplink().unitsSent());
        assertEquals(1, station.get().cell().attempts(), "only the attempt with the password connected");
        List<AirEvent> requests = h.sent(BackupRequest.class);
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).departureSeconds() > 10);
        assertEquals("2468", ((BackupRequest) requests.get(0).message()).password());
        assertEquals(FlowOutcome.SUCCESS, h.records.get(1).outcome());
    }

    @Test
    void claim05_userDataTravelsWithPhoneNumberAndIsStoredUnderIt() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal other = terminalWithData("0317", 3_000, true);
        ModelHarness h = new ModelHarness();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.service().terminals().startBackup(other, station.get());
        });

        List<AirEvent> requests = h.sent(BackupRequest.class);
        assertEquals(PhoneNumber.of(A_NUMBER), ((BackupRequest) requests.get(0).message()).phoneNumber());
        assertSame(a.userData().orElseThrow(), ((BackupRequest) requests.get(0).message()).data());
        assertEquals(a.userData().orElseThrow(), station.get().store().find(PhoneNumber.of(A_NUMBER)).orElseThrow().data());
        assertEquals(other.userData().orElseThrow(), station.get().store().find(PhoneNumber.of("0317")).orElseThrow().data());
        assertTrue(station.get().store().find(PhoneNumber.of(B_NUMBER)).isEmpty());
    }

    @Test
    void claim06_downloadRequestIsAnsweredWithUserDataWhichSecondTerminalStores() {
        Method m = wholeMethod();
        List<AirEvent> events = on(m.h(), m.download());

        assertTrue(events.get(0).message() instanceof DownloadRequest, "first unit is B's download request");
        assertEquals(Side.TERMINAL, events.get(0).sender());
        assertTrue(events.stream().filter(e -> e.message() instanceof DataFrame)
                .allMatch(e -> e.sender() == Side.STATION), "the station sends the user data");
        assertEquals(ModelHarness.CLEAN_LINK.framesFor(1_000),
                events.stream().filter(e -> e.message() instanceof DataFrame).count());
        assertEquals(m.a().userData(), m.b().userData(), "B stored the user data");
    }

    @Test
    void claim07_downloadConnectionEndsAfterMutualCompleteOnceSecondTerminalStoredData() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        List<Boolean> storedWhenCompleteSent = new ArrayList<>();
        ModelHarness h = new ModelHarness();
        h.phaseHook = (flow, phase) -> {
            if (flow.kind() == FlowKind.DOWNLOAD && phase == FlowPhase.COMPLETE) {
                storedWhenCompleteSent.add(b.userData().isPresent());
            }
        };
        AtomicReference<Flow> download = new AtomicReference<>();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.at(100, () -> download.set(m.service().terminals().startDownload(b, a.phoneNumber(), station.get())));
        });

        assertEquals(List.of(true), storedWhenCompleteSent, "B stored the data before its complete command");
        List<AirEvent> events = on(h, download.get());
        int lastData = lastIndexOf(events, DataFrame.class);
        int terminalComplete = indexOf(events, TerminalComplete.class);
        int stationComplete = indexOf(events, StationComplete.class);
        assertTrue(lastData < terminalComplete && terminalComplete < stationComplete);
        assertEquals(Side.TERMINAL, events.get(terminalComplete).sender());
        assertEquals(Side.STATION, events.get(stationComplete).sender());
        FlowRecord record = h.record(download.get());
        assertEquals(FlowPhase.RELEASE, record.endPhase());
        assertTrue(h.phaseStart(download.get(), FlowPhase.RELEASE)
                >= events.get(stationComplete).departureSeconds() + PROPAGATION);
        assertEquals(0, station.get().cell().busyChannels());
    }

    @Test
    void claim08_stationClearsHandedOverDataWhenDownloadConnectionEnds() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        List<Boolean> copyPresentAtRelease = new ArrayList<>();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.phaseHook = (flow, phase) -> {
            if (flow.kind() == FlowKind.DOWNLOAD && phase == FlowPhase.RELEASE) {
                copyPresentAtRelease.add(station.get().store().find(a.phoneNumber()).isPresent());
            }
        };
        AtomicReference<Flow> download = new AtomicReference<>();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.at(100, () -> download.set(m.service().terminals().startDownload(b, a.phoneNumber(), station.get())));
        });

        assertEquals(List.of(true), copyPresentAtRelease, "kept until the connection ended");
        assertTrue(station.get().store().find(a.phoneNumber()).isEmpty(), "cleared once it ended");
        assertEquals(0, station.get().store().committedBytes());
        assertEquals(StationEffect.CLEARED, h.record(download.get()).stationEffect());
    }

    @Test
    void claim08_copyIsKeptWhenDownloadEndsWithoutSecondTerminalsComplete() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        // The downlink delivers the response, then loses everything: the station's ARQ gives up.
        StationConfig lossyDownlink = StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR.withLinks(
                ModelHarness.CLEAN_LINK,
                ModelHarness.CLEAN_LINK.withLossModel(ModelHarness.losing(i -> i > 0))));
        AtomicReference<BaseStation> station = new AtomicReference<>();
        AtomicReference<Flow> download = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(lossyDownlink));
            BackupStore store = station.get().store();
            store.commit(store.reserve(1_000).orElseThrow(), a.phoneNumber(), a.userData().orElseThrow(),
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0.0);
            download.set(m.service().terminals().startDownload(b, a.phoneNumber(), station.get()));
        });

        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, h.record(download.get()).outcome());
        assertEquals(StationEffect.NONE, h.record(download.get()).stationEffect());
        assertEquals(a.userData().orElseThrow(), station.get().store().find(a.phoneNumber()).orElseThrow().data(),
                "an unconfirmed download clears nothing");
    }

    @Test
    void claim09_downloadRequestIsSentOnlyWithMaintenancePassword() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal noPassword = replacementPhone(B_NUMBER, null);
        Terminal wrongPassword = replacementPhone("0555", "0000");
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.at(100, () -> m.service().terminals().startDownload(noPassword, a.phoneNumber(), station.get()));
            m.at(200, () -> m.service().terminals().startDownload(wrongPassword, a.phoneNumber(), station.get()));
        });

        assertEquals(FlowOutcome.PASSWORD_NOT_ENTERED, h.records.get(1).outcome());
        assertEquals(0, h.records.get(1).uplink().unitsSent());
        assertEquals(1, h.sent(DownloadRequest.class).size(), "only the terminal with a password asked");
        assertEquals(FlowOutcome.AUTH_REJECTED, h.records.get(2).outcome());
        assertEquals(Admission.AUTH_REJECTED,
                ((DownloadResponse) h.sent(DownloadResponse.class).get(0).message()).admission());
        assertTrue(h.sent(DataFrame.class).stream().allMatch(e -> e.sender() == Side.TERMINAL),
                "a wrong password gets no data");
        assertTrue(noPassword.userData().isEmpty());
        assertTrue(wrongPassword.userData().isEmpty());
        assertTrue(station.get().store().find(a.phoneNumber()).isPresent());
    }

    @Test
    void claim10_downloadIsAddressedByThePhoneNumberOfTheStoredData() {
        Terminal a1 = terminalWithData("0100", 1_000, true);
        Terminal a2 = terminalWithData("0200", 2_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a1, station.get());
            m.service().terminals().startBackup(a2, station.get());
            m.at(100, () -> m.service().terminals().startDownload(b, PhoneNumber.of("0200"), station.get()));
        });

        DownloadRequest request = (DownloadRequest) h.sent(DownloadRequest.class).get(0).message();
        assertEquals(PhoneNumber.of("0200"), request.phoneNumber());
        assertEquals(a2.userData(), b.userData());
        assertNotEquals(a1.userData(), b.userData());
        assertTrue(station.get().store().find(PhoneNumber.of("0100")).isPresent(), "the other number's copy is untouched");
    }

    // ---------------------------------------------------------------- claims 11-18: the method as a whole

    @Test
    void claim11_backupAndDownloadRunAsOneMethodInClaimedOrder() {
        Method m = wholeMethod();
        List<Class<?>> firstOfEach = new ArrayList<>();
        for (AirEvent e : m.h().air) {
            Class<?> type = e.message().getClass();
            if (!firstOfEach.contains(type) && type != Message.Ack.class && type != TerminalComplete.class
                    && type != StationComplete.class) {
                firstOfEach.add(type);
            }
        }
        assertEquals(List.of(BackupRequest.class, BackupResponse.class, DataFrame.class,
                DownloadRequest.class, DownloadResponse.class), firstOfEach);
        assertEquals(m.a().userData(), m.b().userData());
        assertNotEquals(m.a().phoneNumber(), m.b().phoneNumber(), "a second terminal downloads");
    }

    @Test
    void claim12_backupRadioConnectionEndsAfterMutualCompleteWithinTheMethod() {
        Method m = wholeMethod();
        FlowRecord backup = m.h().record(m.backup());
        List<AirEvent> events = on(m.h(), m.backup());

        assertEquals(Side.STATION, events.get(events.size() - 1).sender());
        assertTrue(events.get(events.size() - 1).message() instanceof StationComplete,
                "the station's complete is the last unit of the backup connection");
        assertTrue(events.get(events.size() - 2).message() instanceof TerminalComplete);
        assertTrue(backup.endSeconds() < m.h().record(m.download()).startSeconds());
        assertEquals(FlowOutcome.SUCCESS, backup.outcome());
    }

    @Test
    void claim13_withoutMaintenancePasswordNoBackupIsMadeSoNothingCanBeDownloaded() {
        Method m = backupThenDownload(terminalWithData(A_NUMBER, 1_000, false),
                replacementPhone(B_NUMBER, PASSWORD), A_NUMBER);

        assertEquals(FlowOutcome.PASSWORD_NOT_ENTERED, m.h().record(m.backup()).outcome());
        assertTrue(m.h().sent(BackupRequest.class).isEmpty());
        assertEquals(FlowOutcome.NO_BACKUP, m.h().record(m.download()).outcome());
        assertTrue(m.b().userData().isEmpty());
    }

    @Test
    void claim14_backupIsStoredUnderFirstTerminalsPhoneNumber() {
        Method right = wholeMethod();
        Method wrongNumber = backupThenDownload(terminalWithData(A_NUMBER, 1_000, true),
                replacementPhone(B_NUMBER, PASSWORD), B_NUMBER);

        assertEquals(PhoneNumber.of(A_NUMBER),
                ((BackupRequest) right.h().sent(BackupRequest.class).get(0).message()).phoneNumber());
        assertEquals(FlowOutcome.SUCCESS, right.h().record(right.download()).outcome());
        assertEquals(FlowOutcome.NO_BACKUP, wrongNumber.h().record(wrongNumber.download()).outcome(),
                "nothing is stored under the replacement phone's own number");
        assertTrue(wrongNumber.station().store().find(PhoneNumber.of(A_NUMBER)).isPresent());
    }

    @Test
    void claim15_downloadConnectionEndsAfterMutualCompleteWithinTheMethod() {
        Method m = wholeMethod();
        List<AirEvent> events = on(m.h(), m.download());
        FlowRecord download = m.h().record(m.download());

        assertTrue(events.get(events.size() - 1).message() instanceof StationComplete);
        assertTrue(events.get(events.size() - 2).message() instanceof TerminalComplete);
        assertEquals(FlowPhase.RELEASE, download.endPhase());
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(0, m.station().cell().busyChannels());
    }

    @Test
    void claim16_clearedDataCannotBeDownloadedAgain() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        Terminal c = replacementPhone("0777", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(a, station.get());
            m.at(100, () -> m.service().terminals().startDownload(b, a.phoneNumber(), station.get()));
            m.at(200, () -> m.service().terminals().startDownload(c, a.phoneNumber(), station.get()));
        });

        assertEquals(FlowOutcome.SUCCESS, h.records.get(1).outcome());
        assertEquals(StationEffect.CLEARED, h.records.get(1).stationEffect());
        assertEquals(FlowOutcome.NO_BACKUP, h.records.get(2).outcome());
        assertEquals(0, station.get().store().committedBytes());
    }

    @Test
    void claim16_stationThatKeepsCopiesByPolicyStillServesThem() {
        Terminal a = terminalWithData(A_NUMBER, 1_000, true);
        Terminal b = replacementPhone(B_NUMBER, PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR).withClearAfterDownload(false)));
            m.service().terminals().startBackup(a, station.get());
            m.at(100, () -> m.service().terminals().startDownload(b, a.phoneNumber(), station.get()));
        });

        assertEquals(StationEffect.CONFIRMED, h.records.get(1).stationEffect());
        assertTrue(station.get().store().find(a.phoneNumber()).isPresent());
    }

    @Test
    void claim17_downloadNeedsTheMaintenancePasswordGivenWithTheBackup() {
        Method wrong = backupThenDownload(terminalWithData(A_NUMBER, 1_000, true),
                replacementPhone(B_NUMBER, "not-" + PASSWORD), A_NUMBER);
        Method right = wholeMethod();

        assertEquals(FlowOutcome.AUTH_REJECTED, wrong.h().record(wrong.download()).outcome());
        assertTrue(wrong.b().userData().isEmpty());
        assertTrue(wrong.station().store().find(PhoneNumber.of(A_NUMBER)).isPresent(),
                "a rejected download clears nothing");
        assertEquals(FlowOutcome.SUCCESS, right.h().record(right.download()).outcome());
    }

    @Test
    void claim18_replacementPhoneAddressesTheDownloadByTheFirstTerminalsNumber() {
        Method m = wholeMethod();
        DownloadRequest request = (DownloadRequest) m.h().sent(DownloadRequest.class).get(0).message();

        assertEquals(m.a().phoneNumber(), request.phoneNumber());
        assertNotEquals(m.b().phoneNumber(), request.phoneNumber());
        assertEquals(m.a().phoneNumber(), m.h().record(m.download()).addressedNumber());
        assertEquals(m.b().phoneNumber(), m.h().record(m.download()).terminalNumber());
        assertFalse(m.b().userData().isEmpty());
    }
}
