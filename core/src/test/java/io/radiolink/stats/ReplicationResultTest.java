package io.radiolink.stats;

import static io.radiolink.stats.Records.flow;
import static io.radiolink.stats.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.node.BackupStore;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.StationEffect;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link ReplicationResult} is an immutable, serializable value. */
final class ReplicationResultTest {

    /** A result with something in every part: flows of both kinds, a cell, a store, skipped arrivals. */
    static ReplicationResult sample() {
        return ConnectorRun.run(4, 10, 200, run -> {
            CellListener c = run.cells();
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 20, 23.25).bytes(500).phases(1, 1, 1, 0.125, 0.125)
                    .integrity(IntegrityCheck.VERIFIED).uplink(9, 1).downlink(8, 0).frames(4, 1).control(3, 0).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.LINK_DROPPED, 30, 31).effect(StationEffect.CONFIRMED)
                    .uplink(2, 0).downlink(3, 1).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 40, 42).bytes(500).build());
            RadioCell cell = run.cell("cell-a", 4);
            run.connector().observeCell(cell);
            run.at(5, () -> c.channelSeized(cell, 5));
            run.at(20, () -> {
                c.attempted(cell, false, 20);
                c.channelSeized(cell, 20);
            });
            run.at(24, () -> c.channelReleased(cell, 4, 24));
            run.at(30, () -> c.attempted(cell, true, 30));
            run.at(60, () -> c.channelReleased(cell, 55, 60));
            BackupStore store = run.store(10_000);
            run.at(15, () -> store.reserve(500).orElseThrow());
            run.at(50, () -> run.workload().arrivalSkippedTerminalBusy("cell-a", 50));
        });
    }

    @Test
    void serialization_roundTrip_equalValue() {
        ReplicationResult result = sample();
        ReplicationResult copy = Serialization.roundTrip(result, ReplicationResult.class);
        assertNotSame(result, copy);
        assertEquals(result, copy);
        assertEquals(result.hashCode(), copy.hashCode());
        assertEquals(result.toString(), copy.toString());
    }

    @Test
    void sample_derivedValues_matchTheParts() {
        ReplicationResult result = sample();
        assertEquals(4, result.replication());
        assertEquals(ConnectorRun.SEED, result.seed());
        assertEquals(190.0, result.windowSeconds());
        assertEquals(1, result.stationViewDiffers(FlowKind.DOWNLOAD));
        assertEquals(0.5, result.failureShare(FlowKind.DOWNLOAD));
        assertEquals(0.5, result.blockingProbability());
        assertEquals(1 / 190.0, result.admittedArrivalRatePerSecond(), 1e-15);
        assertEquals(4.0, result.meanHoldingSeconds()); // the channel seized at 5 was seized before warm-up
        assertEquals((50.0 + 4) / 190, result.meanBusyChannels(), 1e-12); // 1 busy over [10, 60], 2 over [20, 24]
        assertEquals(500.0 * 185 / 190, result.storage().meanBytes(), 1e-9); // reserved at 15
        assertEquals(500, result.storage().peakBytes());
        assertEquals(500, result.storage().endBytes());
        assertEquals(1, result.workload().arrivalsSkippedTerminalBusy());
        assertEquals(4, result.totalChannels());
    }

    @Test
    void downloads_copyAtRequest_countedApartWithTheirFailures() {
        ReplicationResult result = ConnectorRun.run(0, 0, 100, run -> {
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 10, 12).bytes(500).copyAtRequest(true)
                    .build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.LINK_DROPPED, 20, 21).copyAtRequest(true).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.NO_BACKUP, 30, 31).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.NO_BACKUP, 40, 41).build());
        });
        FlowCounts downloads = result.flowsOf(FlowKind.DOWNLOAD).counts();

        assertEquals(2, downloads.copyAtRequest());
        assertEquals(1, downloads.failedCopyAtRequest());
        assertEquals(0.5, downloads.failureShareCopyAtRequest());
        assertEquals(0.75, downloads.failureShare());
        assertEquals(0, result.flowsOf(FlowKind.BACKUP).counts().copyAtRequest());
    }

    /**
     * A look-up answered after its download ended (told late) joins the copies at request of the flows
     * counted, by the flow's start as the records: a download started in the window counts, one started before
     * the warm-up does not, whenever its answer came.
     */
    @Test
    void downloads_copyAtRequestToldLate_countedWithTheRecordsByTheFlowsStart() {
        FlowRecord counted = flow(FlowKind.DOWNLOAD, FlowOutcome.RETRIES_EXHAUSTED, 20, 140).build();
        FlowRecord beforeWarmup = flow(FlowKind.DOWNLOAD, FlowOutcome.RETRIES_EXHAUSTED, 5, 125).build();
        ReplicationResult result = ConnectorRun.run(0, 10, 100, run -> {
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 30, 32).bytes(500).copyAtRequest(true)
                    .build());
            report(run.flows(), counted);
            report(run.flows(), beforeWarmup);
            run.flows().lateCopyAtRequest(counted, 220); // after the run length: counted
            run.flows().lateCopyAtRequest(beforeWarmup, 50); // in the window, not its flow
        });
        FlowCounts downloads = result.flowsOf(FlowKind.DOWNLOAD).counts();

        assertEquals(2, downloads.copyAtRequest());
        assertEquals(1, downloads.failedCopyAtRequest());
        assertEquals(0.5, downloads.failureShareCopyAtRequest());
        assertEquals(2, downloads.flows());
    }

    @Test
    void flows_attemptsAfterTheFirst_reconnectionsApartFromAccessRetries() {
        ReplicationResult result = ConnectorRun.run(0, 0, 100, run -> {
            // Two reconnections and one retry after a blocked attempt; three retries after blocking, in vain.
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 10, 12).bytes(500).attempts(4)
                    .accessRetries(1).build());
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.BLOCKED, 20, 21).attempts(4).accessRetries(3)
                    .build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.LINK_DROPPED, 30, 31).attempts(2).build());
        });
        FlowCounts backups = result.flowsOf(FlowKind.BACKUP).counts();
        FlowCounts downloads = result.flowsOf(FlowKind.DOWNLOAD).counts();

        assertEquals(2, backups.reconnections());
        assertEquals(4, backups.accessRetries());
        assertEquals(1, downloads.reconnections());
        assertEquals(0, downloads.accessRetries());
    }

    @Test
    void maps_modified_rejected() {
        ReplicationResult result = sample();
        assertThrows(UnsupportedOperationException.class, () -> result.flows().clear());
        assertThrows(UnsupportedOperationException.class, () -> result.flowTotals().integrity().put(IntegrityCheck.VERIFIED, 0L));
        assertThrows(UnsupportedOperationException.class, () -> result.cells().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> result.flowsOf(FlowKind.BACKUP).counts().outcomes().put(FlowOutcome.SUCCESS, 0L));
        assertThrows(UnsupportedOperationException.class, () -> result.meanBusyChannelsByCell().clear());
    }

    @Test
    void constructor_copiesTheMaps_laterChangesNotSeen() {
        ReplicationResult result = sample();
        Map<FlowKind, FlowStatistics> flows = new EnumMap<>(result.flows());
        TreeMap<String, CellStatistics> cells = new TreeMap<>(result.cells());
        TreeMap<String, CellShare> shares = new TreeMap<>(result.shares());
        ReplicationResult copy = new ReplicationResult(result.replication(), result.seed(), result.warmupSeconds(),
                result.runLengthSeconds(), flows, result.traffic(), cells, result.storage(), result.authentication(),
                result.workload(), result.learnedOutcomes(), result.backhauls(), shares, result.lateStoreEffects());
        flows.put(FlowKind.BACKUP, flows.get(FlowKind.DOWNLOAD));
        cells.clear();
        shares.clear();
        assertEquals(result, copy);
    }

    @Test
    void constructor_kindMissing_rejected() {
        ReplicationResult result = sample();
        Map<FlowKind, FlowStatistics> flows = new EnumMap<>(result.flows());
        flows.remove(FlowKind.DOWNLOAD);
        assertThrows(IllegalArgumentException.class, () -> new ReplicationResult(0, 1, 0, 10, flows,
                result.traffic(), result.cells(), result.storage(), result.authentication(), result.workload(),
                result.learnedOutcomes()));
    }
}
