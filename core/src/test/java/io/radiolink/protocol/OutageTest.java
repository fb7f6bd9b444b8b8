package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.OutageConfig.DownPeriod;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.CellStatistics;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.validation.FamilyWise;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Station outages: flows in progress end with STATION_DOWN, attempts while down fail at once, a
 * persistent store keeps its copies and a volatile one loses them (counted), and the statistics report
 * outages and downtime. Switched off (no outages) nothing of this happens.
 */
final class OutageTest {

    private static StationConfig station(OutageConfig outages) {
        return StationConfig.of("bs-1", 2, 10_000_000, CLEAN_AIR).withOutages(outages);
    }

    @Test
    void attempts_whileDownOrInSetUp_failWithStationDownAndAreServedAfter() {
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation bs = m.station(station(OutageConfig.scheduled(List.of(new DownPeriod(10.2, 20)), true)));
            bs.scheduleOutages(100);
            m.at(10, () -> m.service().terminals().startBackup(terminalWithData("0100", 1_000, true), bs)); // in set-up at 10.2
            m.at(15, () -> m.service().terminals().startBackup(terminalWithData("0200", 1_000, true), bs)); // station down
            m.at(25, () -> m.service().terminals().startBackup(terminalWithData("0300", 1_000, true), bs)); // up again
        });
        assertEquals(List.of(FlowOutcome.STATION_DOWN, FlowOutcome.STATION_DOWN, FlowOutcome.SUCCESS),
                h.records.stream().map(FlowRecord::outcome).toList());
        assertEquals(10.2, h.records.get(0).endSeconds());
        assertEquals(FlowPhase.SETUP, h.records.get(0).endPhase());
        assertEquals(0.0, h.records.get(1).durationSeconds());
    }

    @Test
    void storage_persistentKeepsCopies_volatileLosesThemAndDownloadsFindNothing() {
        for (boolean persistent : new boolean[] {true, false}) {
            Terminal a = terminalWithData("0100", 1_000, true);
            AtomicReference<BaseStation> station = new AtomicReference<>();
            ModelHarness h = new ModelHarness().run(m -> {
                station.set(m.station(station(OutageConfig.scheduled(List.of(new DownPeriod(50, 60)), persistent))));
                station.get().scheduleOutages(100);
                m.service().terminals().startBackup(a, station.get());
                m.at(70, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(),
                        station.get()));
            });
            assertEquals(FlowOutcome.SUCCESS, h.records.get(0).outcome());
            assertEquals(persistent ? FlowOutcome.SUCCESS : FlowOutcome.NO_BACKUP, h.records.get(1).outcome(),
                    "persistent=" + persistent);
        }
    }

    @Test
    void confirmedDownload_stationDownDuringRelease_outcomeKeptAndCopyCleared() {
        Terminal a = terminalWithData("0100", 1_000, true);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        List<Double> releaseStarts = new java.util.ArrayList<>();
        ModelHarness h = new ModelHarness();
        h.phaseHook = (flow, phase) -> {
            if (flow.kind() == FlowKind.DOWNLOAD && phase == FlowPhase.RELEASE) {
                releaseStarts.add(h.scheduler().nowSeconds());
            }
        };
        // First find when the download's release starts on a station that never goes down, then put an
        // outage inside that release (the release takes 0.1 s).
        h.run(m -> {
            BaseStation bs = m.station(station(OutageConfig.NONE));
            m.service().terminals().startBackup(a, bs);
            m.at(50, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), bs));
        });
        double outageAt = releaseStarts.get(0) + 0.05;
        ModelHarness again = new ModelHarness().run(m -> {
            station.set(m.station(station(OutageConfig.scheduled(List.of(new DownPeriod(outageAt, 200)), true))));
            station.get().scheduleOutages(300);
            m.service().terminals().startBackup(terminalWithData("0100", 1_000, true), station.get());
            m.at(50, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(),
                    station.get()));
        });
        FlowRecord download = again.records.get(1);
        assertEquals(FlowOutcome.SUCCESS, download.outcome(), "decided before the outage");
        assertEquals(outageAt, download.endSeconds(), 1e-12);
        assertEquals(StationEffect.CLEARED, download.stationEffect());
        assertTrue(station.get().store().find(a.phoneNumber()).isEmpty());
    }

    private static Simulation day(StationConfig station) {
        return Simulation.builder()
                .profile(io.radiolink.profile.Profile.LTE)
                .station(station)
                .workload(WorkloadConfig.backupsOnly(100_000, 0.5, new Distribution.Fixed(200_000)))
                .runLengthSeconds(20_000)
                .warmupSeconds(1_000)
                .replications(6)
                .seed(3)
                .build();
    }

    @Test
    void statistics_randomOutages_downShareMatchesMeansAndOutagesCostFlows() {
        double meanUp = 300;
        double meanDown = 100;
        StationConfig stable = StationConfig.of("bs-1", 20, Long.MAX_VALUE, io.radiolink.profile.Profile.LTE.airInterface());
        var withOutages = day(stable.withOutages(OutageConfig.random(meanUp, meanDown, false))).run(2);
        var without = day(stable).run(2);

        double[] downShares = withOutages.replications().stream()
                .mapToDouble(r -> r.cells().get("bs-1").downShare()).toArray();
        io.radiolink.stats.Estimate share = FamilyWise.estimate(downShares);
        // Alternating renewal process: the long-run share of time down is E[down] / (E[up] + E[down]);
        // tolerance: the t interval across the replications at the family-wise rule's per-check confidence
        // (the 1,000 s warm-up is 2.5 mean cycles).
        assertEquals(meanDown / (meanUp + meanDown), share.mean(), share.halfWidth(), share.toString());
        ReplicationResult first = withOutages.replications().get(0);
        CellStatistics cell = first.cells().get("bs-1");
        assertTrue(cell.counts().outages() > 20, "about 19,000 s / 400 s outages: " + cell.counts().outages());
        assertTrue(first.count(FlowKind.BACKUP, FlowOutcome.STATION_DOWN) > 0);
        assertTrue(first.storage().counts().copiesLost() > 0, "a volatile store loses copies");
        assertEquals(0, without.summary().cellTotals().outages());
        assertEquals(0, without.replications().get(0).count(FlowKind.BACKUP, FlowOutcome.STATION_DOWN));
        assertTrue(withOutages.summary().flowsOf(FlowKind.BACKUP).failureShare().mean()
                > without.summary().flowsOf(FlowKind.BACKUP).failureShare().mean() + 0.1,
                "outages a quarter of the time fail far more backups");
    }
}
