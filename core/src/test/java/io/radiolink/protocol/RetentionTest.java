package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Versioned backups with a retention period: a copy nobody restores or replaces expires at commit +
 * retention; replacing it starts a new period; a download in progress keeps the copy it was handed.
 * Switched off (infinite retention), copies stay.
 */
final class RetentionTest {

    private static List<FlowRecord> backupThenRestoreAt(double retentionSeconds, double restoreAt,
            AtomicReference<BaseStation> station) {
        Terminal a = terminalWithData("0100", 1_000, true);
        ModelHarness h = new ModelHarness().run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR).withRetentionSeconds(retentionSeconds)));
            m.service().terminals().startBackup(a, station.get());
            m.at(restoreAt, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(),
                    station.get()));
        });
        return h.records;
    }

    @Test
    void restore_beforeOrAfterRetention_succeedsOrFindsNothing() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        assertEquals(FlowOutcome.SUCCESS, backupThenRestoreAt(100, 50, station).get(1).outcome());
        assertEquals(FlowOutcome.NO_BACKUP, backupThenRestoreAt(100, 150, station).get(1).outcome());
        assertEquals(0, station.get().store().committedBytes(), "the expired copy's space is free");
        assertEquals(FlowOutcome.SUCCESS, backupThenRestoreAt(Double.POSITIVE_INFINITY, 10_000, station).get(1).outcome(),
                "without retention copies stay");
    }

    @Test
    void replacement_startsANewRetentionPeriod() {
        Terminal a = terminalWithData("0100", 1_000, true);
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation bs = m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR).withRetentionSeconds(100));
            m.service().terminals().startBackup(a, bs);
            m.at(80, () -> {
                a.store(UserData.synthetic(2_000, 3, 9));
                m.service().terminals().startBackup(a, bs);
            });
            m.at(150, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), bs));
        });
        assertEquals(FlowOutcome.SUCCESS, h.records.get(2).outcome(), "the second copy lives until ~181 s");
        assertEquals(2_000, h.records.get(2).userDataBytes());
    }

    @Test
    void download_copyExpiresDuringIt_downloadKeepsItsCopyAndClearsNothing() {
        // 200 kB take ~18 s on the clean link; the copy (committed at ~18.9 s) expires at ~118.9 s.
        Terminal a = terminalWithData("0100", 200_000, true);
        Terminal b = replacementPhone("0200", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness().run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR).withRetentionSeconds(100)));
            m.service().terminals().startBackup(a, station.get());
            m.at(110, () -> m.service().terminals().startDownload(b, a.phoneNumber(), station.get()));
        });
        FlowRecord download = h.records.get(1);
        assertTrue(download.startSeconds() < h.records.get(0).endSeconds() + 100 && download.endSeconds() > 120);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(a.userData(), b.userData());
        assertEquals(StationEffect.CONFIRMED, download.stationEffect(), "the copy had expired: nothing to clear");
        assertEquals(0, station.get().store().committedBytes());
    }

    @Test
    void statistics_retentionOn_copiesExpireAndRestoresFail_off_none() {
        SimulationResult on = day(600);
        SimulationResult off = day(Double.POSITIVE_INFINITY);
        assertTrue(on.summary().storage().counts().copiesExpired() > 0);
        assertEquals(0, off.summary().storage().counts().copiesExpired());
        long onNoBackup = on.summary().flowsOf(FlowKind.DOWNLOAD).counts().count(FlowOutcome.NO_BACKUP);
        long offNoBackup = off.summary().flowsOf(FlowKind.DOWNLOAD).counts().count(FlowOutcome.NO_BACKUP);
        assertTrue(onNoBackup > offNoBackup + 50, "restores after a mean 30 min miss a 10 min retention: "
                + onNoBackup + " vs " + offNoBackup);
        assertTrue(on.summary().storage().meanBytes().mean() < off.summary().storage().meanBytes().mean(),
                "expiry keeps the store emptier");
    }

    private static SimulationResult day(double retentionSeconds) {
        return Simulation.builder()
                .profile(Profile.LTE)
                .station(StationConfig.of("bs-1", 20, Long.MAX_VALUE, Profile.LTE.airInterface())
                        .withRetentionSeconds(retentionSeconds))
                .workload(WorkloadConfig.backupsOnly(100_000, 0.1, new Distribution.Fixed(100_000))
                        .withRestores(0.5, new Distribution.Exponential(1_800)))
                .runLengthSeconds(7_200)
                .replications(2)
                .seed(8)
                .build()
                .run();
    }
}
