package io.radiolink.stats;

import static io.radiolink.stats.Records.flow;
import static io.radiolink.stats.Records.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BackupStore;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.StationEffect;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.RadioCell;
import io.radiolink.simulation.StatsConnector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run control of the calculators, wired by {@code StatsConnector}, checked against hand-computed values. */
final class RunControlTest {

    private static final double EPS = 1e-12;
    private static final double NA = Double.NaN;

    @Test
    void flowEnded_flowsAroundTheWindow_countedByStartTimeOnly() {
        List<FlowRecord> records = List.of(
                flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 50, 60).bytes(999).build(), // before warm-up
                flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 100, 103).bytes(1_000) // at warm-up: counted
                        .phases(1, 0.5, 1, 0.25, 0.25).integrity(IntegrityCheck.VERIFIED)
                        .uplink(10, 1).downlink(8, 2).frames(5, 1).control(3, 1).build(),
                flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 200, 205).bytes(2_000)
                        .phases(1, 1, 2, 0.5, 0.5).integrity(IntegrityCheck.VERIFIED)
                        .uplink(20, 0).downlink(10, 0).frames(10, 0).control(2, 0).build(),
                flow(FlowKind.BACKUP, FlowOutcome.RETRIES_EXHAUSTED, 300, 340).bytes(500)
                        .phases(1, 1, 3, 35, NA).integrity(IntegrityCheck.VERIFIED).effect(StationEffect.COMMITTED)
                        .uplink(5, 0).downlink(4, 4).frames(2, 0).control(5, 4).build(),
                flow(FlowKind.BACKUP, FlowOutcome.BLOCKED, 400, 400).phases(0, NA, NA, NA, NA).build(),
                flow(FlowKind.DOWNLOAD, FlowOutcome.RETRIES_EXHAUSTED, 500, 510).bytes(3_000)
                        .integrity(IntegrityCheck.MISMATCHED).uplink(3, 0).downlink(6, 1).frames(4, 1).control(2, 0)
                        .build(),
                flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 1_000, 1_002).bytes(3_000) // at run length: counted
                        .phases(0.5, 0.25, 1, 0.125, 0.125).integrity(IntegrityCheck.VERIFIED)
                        .uplink(4, 0).downlink(7, 0).frames(4, 2).control(2, 1).build(),
                flow(FlowKind.DOWNLOAD, FlowOutcome.NO_BACKUP, 1_000.5, 1_001).build()); // after the run length

        ReplicationResult result = ConnectorRun.run(100, 1_000, run -> {
            records.forEach(r -> report(run.flows(), r));
            run.flows().flowStarted(Records.of(FlowKind.DOWNLOAD), 900); // never ends
        });

        FlowStatistics backups = result.flowsOf(FlowKind.BACKUP);
        assertEquals(4, backups.counts().flows());
        assertEquals(2, backups.counts().count(FlowOutcome.SUCCESS));
        assertEquals(1, backups.counts().count(FlowOutcome.RETRIES_EXHAUSTED));
        assertEquals(1, backups.counts().count(FlowOutcome.BLOCKED));
        assertEquals(0, backups.counts().count(FlowOutcome.LINK_DROPPED));
        assertEquals(1, result.stationViewDiffers(FlowKind.BACKUP));
        assertEquals(0.5, result.failureShare(FlowKind.BACKUP), EPS);
        assertEquals(2, backups.completionSeconds().getN());
        assertEquals(4.0, backups.completionMeanSeconds(), EPS); // (3 + 5) / 2
        assertEquals(2.0, backups.completionSeconds().getVariance(), EPS); // (1 + 1) / (2 - 1)
        assertEquals(2, backups.completionHistogram().count());
        assertEquals(3_000, backups.counts().successfulUserDataBytes());
        assertEquals(0.75, backups.phaseMeanSeconds(FlowPhase.SETUP), EPS); // (1 + 1 + 1 + 0) / 4
        assertEquals(2.5 / 3, backups.phaseMeanSeconds(FlowPhase.REQUEST), EPS);
        assertEquals(2.0, backups.phaseMeanSeconds(FlowPhase.TRANSFER), EPS);
        assertEquals(35.75 / 3, backups.phaseMeanSeconds(FlowPhase.COMPLETE), EPS);
        assertEquals(0.375, backups.phaseMeanSeconds(FlowPhase.RELEASE), EPS);
        assertEquals(2, backups.phaseSeconds().get(FlowPhase.RELEASE).getN());

        FlowStatistics downloads = result.flowsOf(FlowKind.DOWNLOAD);
        assertEquals(2, downloads.counts().flows());
        assertEquals(1, result.count(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS));
        assertEquals(0, result.count(FlowKind.DOWNLOAD, FlowOutcome.NO_BACKUP));
        assertEquals(0, result.stationViewDiffers(FlowKind.DOWNLOAD));
        assertEquals(0.5, result.failureShare(FlowKind.DOWNLOAD), EPS);
        assertEquals(2.0, downloads.completionMeanSeconds(), EPS);
        assertEquals(3_000, downloads.counts().successfulUserDataBytes());
        assertEquals(5.25, downloads.phaseMeanSeconds(FlowPhase.SETUP), EPS); // (10 + 0.5) / 2
        assertEquals(1.0, downloads.phaseMeanSeconds(FlowPhase.TRANSFER), EPS);
        assertEquals(0.125, downloads.phaseMeanSeconds(FlowPhase.RELEASE), EPS);

        assertEquals(new DirectionCounts(10 + 20 + 5 + 3 + 4, 1, 0, (1 + 1) + 0 + (4 + 0) + 0 + 1),
                result.traffic().uplink()); // a backup's data frames are retransmitted by the terminal
        assertEquals(new DirectionCounts(8 + 10 + 4 + 6 + 7, 2 + 4 + 1, 0, 1 + 2), result.traffic().downlink());
        assertEquals(5 + 10 + 2 + 4 + 4, result.traffic().data().framesSent());
        assertEquals(1 + 1 + 2, result.traffic().data().framesRetransmitted());
        assertEquals(4, result.flowTotals().integrity(IntegrityCheck.VERIFIED));
        assertEquals(1, result.flowTotals().integrity(IntegrityCheck.MISMATCHED));
        assertEquals(1, result.flowTotals().integrity(IntegrityCheck.NOT_CHECKED));
        assertEquals(1, result.flowTotals().unfinished());
    }

    @Test
    void completionTime_onlySuccessfulFlows_failuresDoNotCount() {
        ReplicationResult result = ConnectorRun.run(0, 100, run -> {
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.LINK_DROPPED, 1, 50).bytes(7).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 2, 3.5).bytes(11).build());
        });
        FlowStatistics downloads = result.flowsOf(FlowKind.DOWNLOAD);
        assertEquals(1, downloads.completionSeconds().getN());
        assertEquals(1.5, downloads.completionMeanSeconds(), EPS);
        assertEquals(1.5, downloads.completionHistogram().secondsAtPercentile(100), 1.5e-3);
        assertEquals(11, downloads.counts().successfulUserDataBytes());
        assertEquals(0, result.flowTotals().unfinished());
    }

    @Test
    void finish_noFlows_undefinedMeansAreNaN() {
        ReplicationResult result = ConnectorRun.run(0, 100, run -> {});
        for (FlowKind kind : FlowKind.values()) {
            assertEquals(0, result.flowsOf(kind).counts().flows());
            assertTrue(Double.isNaN(result.failureShare(kind)));
            assertTrue(Double.isNaN(result.flowsOf(kind).completionMeanSeconds()));
            assertTrue(Double.isNaN(result.flowsOf(kind).phaseMeanSeconds(FlowPhase.SETUP)));
        }
        assertTrue(Double.isNaN(result.blockingProbability()));
        assertTrue(Double.isNaN(result.meanHoldingSeconds()));
        assertEquals(0.0, result.meanBusyChannels());
        assertEquals(0.0, result.admittedArrivalRatePerSecond());
        assertEquals(new StorageOccupancy(0, 0, 0), result.storage());
        assertEquals(0, result.totalChannels());
    }

    /**
     * Cell a over the window [10, 20]: busy 1 from 2, 2 from 5, 1 from 12, 2 from 14, 1 from 18, 2 from 25
     * (after the window). Area = 2*2 + 1*2 + 2*4 + 1*2 = 16 channel-seconds, so the mean is 1.6. Only the
     * channel seized at 14 (held 4 s) was seized in the window.
     */
    @Test
    void cellEvents_changesBeforeInsideAndAfterTheWindow_integratedOverTheWindowOnly() {
        ReplicationResult result = ConnectorRun.run(10, 20, run -> {
            RadioCell a = run.cell("a", 3);
            RadioCell b = run.cell("b", 2);
            CellListener c = run.cells();
            run.connector().observeCell(b);
            run.at(2, () -> c.channelSeized(a, 2));
            run.at(5, () -> {
                c.attempted(a, false, 5); // before the window
                c.channelSeized(a, 5);
            });
            run.at(12, () -> {
                c.channelReleased(a, 7, 12); // seized at 5: not counted
                c.attempted(a, false, 12);
            });
            run.at(14, () -> c.channelSeized(a, 14));
            run.at(15, () -> c.attempted(a, true, 15));
            run.at(18, () -> c.channelReleased(a, 4, 18)); // seized at 14: counted
            run.at(20, () -> c.attempted(a, false, 20)); // at the run length: counted
            run.at(20.5, () -> c.attempted(a, true, 20.5));
            run.at(25, () -> c.channelSeized(a, 25));
            run.at(30, () -> c.channelReleased(a, 28, 30)); // seized at 2
            run.at(31, () -> c.channelReleased(a, 6, 31)); // seized at 25, after the window
        });

        CellStatistics a = result.cells().get("a");
        assertEquals(3, a.channels());
        assertEquals(3, a.counts().attempts());
        assertEquals(1, a.counts().blockedAttempts());
        assertEquals(2, a.counts().admittedAttempts());
        assertEquals(1.0 / 3, a.counts().blockingProbability(), EPS);
        assertEquals(1, a.holdingSeconds().getN());
        assertEquals(4.0, a.meanHoldingSeconds(), EPS);
        assertEquals(1.6, a.meanBusyChannels(), EPS);

        CellStatistics b = result.cells().get("b"); // observed, never used
        assertEquals(new CellStatistics(2, CellCounts.ZERO, b.holdingSeconds(), 0.0, 0.0), b);
        assertTrue(Double.isNaN(b.counts().blockingProbability()));

        assertEquals(List.of("a", "b"), List.copyOf(result.cells().keySet()));
        assertEquals(5, result.totalChannels());
        assertEquals(3, result.cellTotals().attempts());
        assertEquals(1.0 / 3, result.blockingProbability(), EPS);
        assertEquals(2.0 / 10, result.admittedArrivalRatePerSecond(), EPS);
        assertEquals(4.0, result.meanHoldingSeconds(), EPS);
        assertEquals(1.6, result.meanBusyChannels(), EPS);
        assertEquals(Map.of("a", 1.6, "b", 0.0), result.meanBusyChannelsByCell());
    }

    @Test
    void meanHoldingSeconds_severalCells_pooledOverEveryRelease() {
        ReplicationResult result = ConnectorRun.run(0, 100, run -> {
            RadioCell a = run.cell("a", 1);
            RadioCell b = run.cell("b", 1);
            CellListener c = run.cells();
            run.at(1, () -> c.channelSeized(a, 1));
            run.at(2, () -> c.channelSeized(b, 2));
            run.at(3, () -> c.channelReleased(a, 2, 3));
            run.at(4, () -> c.channelSeized(a, 4));
            run.at(8, () -> c.channelReleased(a, 4, 8));
            run.at(11, () -> c.channelReleased(b, 9, 11));
        });
        assertEquals(3.0, result.cells().get("a").meanHoldingSeconds(), EPS);
        assertEquals(9.0, result.cells().get("b").meanHoldingSeconds(), EPS);
        assertEquals(15.0 / 3, result.meanHoldingSeconds(), EPS); // not the mean of the cells' means
        assertEquals((2 + 4) / 100.0, result.cells().get("a").meanBusyChannels(), EPS);
        assertEquals(0.15, result.meanBusyChannels(), EPS); // (6 + 9) / 100
    }

    /**
     * Two stores over the window [10, 20]: 100 bytes from 4 (staged, then committed at 8), 400 from 12,
     * 450 from 15 (second store), 150 from 16, 50 from 18, 250 at 20, 750 at 22 (after the window). Area =
     * 100*2 + 400*3 + 450*1 + 150*2 + 50*2 = 2250 byte-seconds, so the mean is 225.
     */
    @Test
    void occupancyChanged_twoStoresAroundTheWindow_summedAndIntegratedOverTheWindow() {
        PhoneNumber alice = PhoneNumber.of("0100");
        ReplicationResult result = ConnectorRun.run(10, 20, run -> {
            BackupStore first = run.store(1_000);
            BackupStore second = run.store(1_000);
            Reservation[] pending = new Reservation[2];
            StoredBackup[] copy = new StoredBackup[1];
            run.at(4, () -> pending[0] = first.reserve(100).orElseThrow());
            run.at(8, () -> copy[0] = first.commit(pending[0], alice, UserData.synthetic(100, 1, 1),
                    PasswordVerifier.of(alice, "pw"), 8));
            run.at(12, () -> pending[1] = first.reserve(300).orElseThrow());
            run.at(15, () -> second.reserve(50).orElseThrow());
            run.at(16, () -> first.release(pending[1]));
            run.at(18, () -> first.clear(alice, copy[0].version()));
            run.at(20, () -> first.reserve(200).orElseThrow());
            run.at(22, () -> first.reserve(500).orElseThrow());
        });
        assertEquals(new StorageOccupancy(225.0, 450, 250), result.storage());
    }

    @Test
    void occupancyChanged_onlyBeforeTheWindow_levelHeldThroughTheWindow() {
        ReplicationResult result = ConnectorRun.run(10, 20, run -> {
            BackupStore store = run.store(1_000);
            run.at(3, () -> store.reserve(40).orElseThrow());
            run.at(6, () -> store.reserve(60).orElseThrow());
        });
        assertEquals(new StorageOccupancy(100.0, 100, 100), result.storage());
    }

    @Test
    void arrivalSkippedTerminalBusy_aroundTheWindow_countedInsideOnly() {
        ReplicationResult result = ConnectorRun.run(100, 1_000, run -> {
            for (double t : new double[] {50, 150, 1_000, 1_001}) {
                run.workload().arrivalSkippedTerminalBusy("cell-a", t);
            }
        });
        assertEquals(2, result.workload().arrivalsSkippedTerminalBusy());
    }

    @Test
    void authenticationAndLearnedOutcomes_aroundTheWindow_countedByTheirTimeInsideOnly() {
        PhoneNumber alice = PhoneNumber.of("0100");
        ReplicationResult result = ConnectorRun.run(100, 1_000, run -> {
            for (double t : new double[] {50, 100, 1_000, 1_001}) {
                run.auth().rejected("cell-a", alice, false, t);
                run.flows().outcomeLearned(Records.of(FlowKind.BACKUP), 0, true, t);
            }
            run.auth().rejected("cell-a", alice, true, 500);
            run.auth().lockedOut("cell-a", alice, 500);
            run.auth().lockedOut("cell-a", alice, 99);
            run.flows().outcomeLearned(Records.of(FlowKind.BACKUP), 0, false, 700);
        });
        assertEquals(new AuthStatistics(2, 1, 1), result.authentication());
        assertEquals(new LearnedOutcomes(2, 1), result.learnedOutcomes());
    }

    @Test
    void lateStoreEffects_flowsAroundTheWindow_countedByTheFlowsStartAsTheirRecords() {
        FlowRecord beforeWarmup = flow(FlowKind.BACKUP, FlowOutcome.RETRIES_EXHAUSTED, 50, 90).build();
        FlowRecord backup = flow(FlowKind.BACKUP, FlowOutcome.RETRIES_EXHAUSTED, 100, 140).build();
        FlowRecord atRunLength = flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 1_000, 1_002)
                .effect(StationEffect.CONFIRMED).build();
        FlowRecord afterRunLength = flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 1_000.5, 1_003).build();
        ReplicationResult result = ConnectorRun.run(100, 1_000, run -> {
            run.flows().lateStoreEffect(beforeWarmup, StationEffect.COMMITTED, 150); // in the window, not its flow
            run.flows().lateStoreEffect(backup, StationEffect.COMMITTED, 145);
            run.flows().lateStoreEffect(atRunLength, StationEffect.CLEARED, 1_006); // after the run length: counted
            run.flows().lateStoreEffect(afterRunLength, StationEffect.CLEARED, 1_007);
        });
        LateStoreEffects late = result.lateStoreEffects();
        assertEquals(1, late.count(FlowKind.BACKUP, StationEffect.COMMITTED));
        assertEquals(1, late.count(FlowKind.DOWNLOAD, StationEffect.CLEARED));
        assertEquals(0, late.count(FlowKind.DOWNLOAD, StationEffect.COMMITTED));
        assertEquals(1, late.of(FlowKind.BACKUP));
        assertEquals(1, late.of(FlowKind.DOWNLOAD));
    }

    @Test
    void finish_calledTwice_rejectedAndNoEventAcceptedAfterIt() {
        StatsConnector[] connector = new StatsConnector[1];
        new DsolEngine().run(10, scheduler -> connector[0] = new StatsConnector(scheduler, 3, 7, 0, 10));
        ReplicationResult result = connector[0].finish();
        assertEquals(3, result.replication());
        assertEquals(7, result.seed());
        assertThrows(IllegalStateException.class, connector[0]::finish);
        assertThrows(IllegalStateException.class,
                () -> connector[0].workloadListener().arrivalSkippedTerminalBusy("a", 5));
    }

    @Test
    void finish_endedFlowsWithoutStarts_rejectedNamingTheCause() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConnectorRun.run(0, 10,
                run -> run.flows().flowEnded(Records.of(FlowKind.BACKUP),
                        flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 1, 2).build())));
        assertTrue(e.getMessage().contains("flowStarted"), e.getMessage());
    }

    @Test
    void observeCell_twoCellsWithOneId_rejected() {
        ConnectorRun.run(0, 10, run -> {
            run.connector().observeCell(run.cell("a", 1));
            RadioCell twin = run.cell("a", 1);
            assertThrows(IllegalArgumentException.class, () -> run.connector().observeCell(twin));
        });
    }

    @Test
    void constructor_badWindowOrReplication_rejected() {
        new DsolEngine().run(1, scheduler -> {
            assertThrows(IllegalArgumentException.class, () -> new StatsConnector(scheduler, 0, 1, 10, 10));
            assertThrows(IllegalArgumentException.class, () -> new StatsConnector(scheduler, 0, 1, -1, 10));
            assertThrows(IllegalArgumentException.class,
                    () -> new StatsConnector(scheduler, 0, 1, 0, Double.POSITIVE_INFINITY));
            assertThrows(IllegalArgumentException.class,
                    () -> new StatsConnector(scheduler, 0, 1, Double.NaN, 10));
            assertThrows(IllegalArgumentException.class, () -> new StatsConnector(scheduler, -1, 1, 0, 10));
        });
    }
}
