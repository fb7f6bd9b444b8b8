package io.radiolink.stats;

import static io.radiolink.stats.Records.flow;
import static io.radiolink.stats.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.StationEffect;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The merge of three replications over [0, 100], checked by hand:
 *
 * <pre>
 * replication  backup durations  failures  attempts (blocked)  stored bytes from t=50
 * 0            2, 4              1         4 (1)               100
 * 1            5                 0         2 (0)               300
 * 2            -                 1         0                   0
 * </pre>
 *
 * <p>Each failed backup is committed by the store after it ended (a late store effect).
 */
final class ExperimentSummaryTest {

    private static final double EPS = 1e-9;

    private static ReplicationResult replication(int index, double[] backupSeconds, int failures, int attempts,
            int blocked, long storedBytes) {
        return ConnectorRun.run(index, 0, 100, run -> {
            CellListener c = run.cells();
            double start = 1;
            for (double seconds : backupSeconds) {
                report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, start, start + seconds).build());
                start += 10;
            }
            for (int i = 0; i < failures; i++) {
                FlowRecord failed = flow(FlowKind.BACKUP, FlowOutcome.LINK_DROPPED, start, start + 1).build();
                report(run.flows(), failed);
                // The store committed it after the flow ended.
                run.flows().lateStoreEffect(failed, StationEffect.COMMITTED, start + 2);
                start += 10;
            }
            RadioCell cell = run.cell("a", 2);
            run.connector().observeCell(cell);
            for (int i = 0; i < attempts; i++) {
                c.attempted(cell, i < blocked, i);
            }
            BackupStore store = run.store(1_000);
            if (storedBytes > 0) {
                run.at(50, () -> store.reserve(storedBytes).orElseThrow());
            }
        });
    }

    private static List<ReplicationResult> threeReplications() {
        return List.of(
                replication(0, new double[] {2, 4}, 1, 4, 1, 100),
                replication(1, new double[] {5}, 0, 2, 0, 300),
                replication(2, new double[] {}, 1, 0, 0, 0));
    }

    @Test
    void of_threeReplications_estimatesFromPerReplicationValues() {
        ExperimentSummary summary = ExperimentSummary.of(threeReplications());
        assertEquals(3, summary.replications());
        assertEquals(0.0, summary.warmupSeconds());
        assertEquals(100.0, summary.runLengthSeconds());

        FlowSummary backups = summary.flowsOf(FlowKind.BACKUP);
        assertEquals(3, backups.counts().count(FlowOutcome.SUCCESS));
        assertEquals(2, backups.counts().count(FlowOutcome.LINK_DROPPED));
        assertEquals(5, backups.counts().flows());
        // means 3 and 5 (replication 2 has none: skipped): s = sqrt(2), so the half-width is t(0.975, 1)
        assertEquals(new Estimate(4.0, backups.completionSeconds().halfWidth(), 2, 0.95), backups.completionSeconds());
        assertEquals(12.706204736, backups.completionSeconds().halfWidth(), EPS);
        // shares 1/3, 0, 1: t(0.975, 2) * s / sqrt(3)
        assertEquals(4.0 / 9, backups.failureShare().mean(), EPS);
        assertEquals(1.264861011, backups.failureShare().halfWidth(), EPS);
        assertEquals(3, backups.failureShare().n());
        // SETUP holds each whole flow here: (2 + 4 + 1) / 3, 5, 1
        assertEquals(Estimate.of(new double[] {7.0 / 3, 5, 1}), backups.phaseSeconds().get(FlowPhase.SETUP));
        assertEquals(0, backups.phaseSeconds().get(FlowPhase.TRANSFER).n());
        // pooled 2, 4, 5: nearest rank
        assertEquals(4.0, backups.completionP50Seconds(), 4e-3);
        assertEquals(5.0, backups.completionP95Seconds(), 5e-3);
        assertEquals(5.0, backups.completionP99Seconds(), 5e-3);
        assertEquals(3, backups.completionHistogram().count());

        FlowSummary downloads = summary.flowsOf(FlowKind.DOWNLOAD);
        assertEquals(0, downloads.counts().flows());
        assertEquals(0, downloads.failureShare().n());
        assertTrue(Double.isNaN(downloads.failureShare().mean()));
        assertTrue(Double.isNaN(downloads.completionP50Seconds()));

        // 0.25, 0 and an undefined value (no attempts)
        assertEquals(0.125, summary.blockingProbability().mean(), EPS);
        assertEquals(1.588275593, summary.blockingProbability().halfWidth(), EPS);
        assertEquals(2, summary.blockingProbability().n());
        assertEquals(Estimate.of(new double[] {0.03, 0.02, 0.0}), summary.admittedArrivalRatePerSecond());
        assertEquals(Estimate.of(new double[] {50, 150, 0}), summary.storage().meanBytes());
        assertEquals(300, summary.storage().peakBytes());
        assertEquals(6, summary.cellTotals().attempts());
        assertEquals(1, summary.cellTotals().blockedAttempts());
        assertEquals(2, summary.totalChannels());
        CellSummary cell = summary.cells().get("a");
        assertEquals(6, cell.counts().attempts());
        assertEquals(summary.blockingProbability(), cell.blockingProbability());
        assertEquals(3, cell.meanBusyChannels().n());
        assertEquals(0, summary.flowTotals().unfinished());
        assertEquals(2, summary.lateStoreEffects().count(FlowKind.BACKUP, StationEffect.COMMITTED), "summed: 1 + 0 + 1");
        assertEquals(0, summary.lateStoreEffects().of(FlowKind.DOWNLOAD));
    }

    @Test
    void of_otherConfidence_usedByEveryEstimate() {
        ExperimentSummary summary = ExperimentSummary.of(threeReplications(), 0.99);
        assertEquals(7.957092645, summary.blockingProbability().halfWidth(), EPS); // t(0.995, 1) = 63.65674116
        assertEquals(0.99, summary.flowsOf(FlowKind.BACKUP).completionSeconds().confidence());
    }

    @Test
    void of_shuffledInput_sameSummary() {
        List<ReplicationResult> results = new ArrayList<>(threeReplications());
        results.add(replication(3, new double[] {0.1, 0.7, 3.3}, 2, 9, 4, 999));
        results.add(replication(4, new double[] {1.1}, 0, 1, 1, 1));
        ExperimentSummary expected = ExperimentSummary.of(results);
        Random random = new Random(5);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(results, random);
            assertEquals(expected, ExperimentSummary.of(results));
        }
    }

    @Test
    void serialization_roundTrip_equalValue() {
        ExperimentSummary summary = ExperimentSummary.of(threeReplications());
        assertEquals(summary, Serialization.roundTrip(summary, ExperimentSummary.class));
    }

    @Test
    void of_badInput_rejected() {
        List<ReplicationResult> results = threeReplications();
        assertThrows(IllegalArgumentException.class, () -> ExperimentSummary.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> ExperimentSummary.of(List.of(results.get(0), results.get(0))));
        ReplicationResult otherWindow = ConnectorRun.run(7, 10, 100, run -> {});
        assertThrows(IllegalArgumentException.class, () -> ExperimentSummary.of(List.of(results.get(0), otherWindow)));
    }
}
