package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.AirListener;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.FlowRecords;
import io.radiolink.simulation.StatsConnector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics wired to a real station and service agree with the flow records the model wrote. */
final class ModelWiringTest {

    private static final double RUN_LENGTH_SECONDS = 10_000;

    @Test
    void statistics_backupThenDownload_agreeWithTheRecords() {
        List<FlowRecord> records = new ArrayList<>();
        StatsConnector[] statistics = new StatsConnector[1];
        new DsolEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            StatsConnector c = new StatsConnector(scheduler, 0, 1, 0, RUN_LENGTH_SECONDS);
            statistics[0] = c;
            BaseStation station = new BaseStation(StationConfig.of("cell-1", 2, 1L << 30, Profile.LTE.airInterface()),
                    scheduler, new RandomStreams(1, 0), c.stationListeners(AirListener.NONE));
            c.observeCell(station.cell());
            BackupService service = new BackupService(scheduler, Profile.LTE.protocolConfig(), new FlowRecords(new FlowListener() {
                @Override
                public void flowStarted(Flow flow, double timeSeconds) {
                    c.flowListener().flowStarted(flow, timeSeconds);
                }

                @Override
                public void flowEnded(Flow flow, FlowRecord record) {
                    c.flowListener().flowEnded(flow, record);
                    records.add(record);
                }
            }, scheduler::nowSeconds));
            Terminal oldPhone = new Terminal(PhoneNumber.of("01012345678"), UserData.synthetic(200_000, 50, 1));
            oldPhone.enterMaintenancePassword("0000");
            service.terminals().startBackup(oldPhone, station);
            Terminal newPhone = Terminal.empty(PhoneNumber.of("01087654321"));
            newPhone.enterMaintenancePassword("0000");
            scheduler.schedule(600, () -> service.terminals().startDownload(newPhone, oldPhone.phoneNumber(), station));
        });
        ReplicationResult result = statistics[0].finish();

        assertEquals(2, records.size());
        FlowRecord backup = records.get(0);
        FlowRecord download = records.get(1);
        assertEquals(FlowOutcome.SUCCESS, backup.outcome());
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(backup.durationSeconds(), result.flowsOf(FlowKind.BACKUP).completionMeanSeconds());
        assertEquals(download.durationSeconds(), result.flowsOf(FlowKind.DOWNLOAD).completionMeanSeconds());
        assertEquals(0, result.flowTotals().unfinished());
        // a flow holds its channel from its connection request to the end of its release
        double held = backup.durationSeconds() + download.durationSeconds();
        assertEquals(2, result.cellTotals().attempts());
        assertEquals(0.0, result.blockingProbability());
        assertEquals(held / 2, result.meanHoldingSeconds(), 1e-12);
        assertEquals(held / RUN_LENGTH_SECONDS, result.meanBusyChannels(), 1e-12);
        assertEquals(2, result.totalChannels());
        // 200 kB from the backup's acceptance until the download's release cleared it
        assertEquals(0, result.storage().endBytes());
        assertEquals(200_000, result.storage().peakBytes());
        // reserved when the request reached the station: after set-up, before the response reached the terminal
        double setupEnd = backup.startSeconds() + backup.phaseTimes().seconds(FlowPhase.SETUP);
        double requestEnd = setupEnd + backup.phaseTimes().seconds(FlowPhase.REQUEST);
        double meanBytes = result.storage().meanBytes();
        assertTrue(meanBytes > 200_000 * (download.endSeconds() - requestEnd) / RUN_LENGTH_SECONDS, "" + meanBytes);
        assertTrue(meanBytes < 200_000 * (download.endSeconds() - setupEnd) / RUN_LENGTH_SECONDS, "" + meanBytes);
    }
}
