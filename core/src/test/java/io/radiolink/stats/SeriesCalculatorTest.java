package io.radiolink.stats;

import static io.radiolink.stats.Records.flow;
import static io.radiolink.stats.Records.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.Reservation;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import org.junit.jupiter.api.Test;

/** The series calculator, wired by {@code StatsConnector}: hand-built events against hand-computed bins. */
final class SeriesCalculatorTest {

    private static final double EPS = 1e-12;

    /**
     * Run length 25, bins of 10 (the last one 5 s), warm-up 5 (the series starts at 0 all the same).
     * Busy channels, cells a and b together: 0 until 2, 1 until 8, 2 until 14 (a busy period across the
     * boundary at 10), 1 until 22, 2 to the end (b's release at 26 is after the run length). Areas: bin 0
     * 1·6 + 2·2 = 10, bin 1 2·4 + 1·6 = 14, bin 2 1·2 + 2·3 = 8 over 5 s. Stored bytes: 100 from 5, 400
     * from 12, 100 from 21 (50 more at 30, after): bin 0 500, bin 1 100·2 + 400·8 = 3,400, bin 2 400·1 +
     * 100·4 = 800 over 5 s.
     */
    @Test
    void finish_handBuiltEvents_binnedByTimeWithABusyPeriodAcrossABoundaryAndAShortLastBin() {
        ReplicationResult result = ConnectorRun.run(0, 5, 25, 10, run -> {
            RadioCell a = run.cell("a", 2);
            RadioCell b = run.cell("b", 1);
            CellListener c = run.cells();
            BackupStore store = run.store(1_000);
            Reservation[] held = new Reservation[1];
            run.at(2, () -> {
                c.attempted(a, false, 2);
                c.channelSeized(a, 2);
            });
            run.at(5, () -> store.reserve(100).orElseThrow());
            run.at(8, () -> {
                c.attempted(b, false, 8);
                c.channelSeized(b, 8);
            });
            run.at(9.5, () -> c.attempted(a, true, 9.5));
            run.at(10, () -> c.attempted(b, true, 10)); // at a boundary: the later bin
            run.at(12, () -> held[0] = store.reserve(300).orElseThrow());
            run.at(14, () -> c.channelReleased(a, 12, 14));
            run.at(21, () -> store.release(held[0]));
            run.at(22, () -> {
                c.attempted(a, false, 22);
                c.channelSeized(a, 22);
            });
            run.at(25, () -> c.attempted(a, true, 25)); // at the run length: in no bin
            run.at(26, () -> c.channelReleased(b, 18, 26));
            run.at(30, () -> store.reserve(50).orElseThrow());
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 1, 4).build());
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.RETRIES_EXHAUSTED, 3, 12).build());
            report(run.flows(), flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 8, 21).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 19.5, 20).build());
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.LINK_DROPPED, 24, 25).build()); // ends at 25
            report(run.flows(), flow(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS, 25, 26).build()); // starts at 25
            run.flows().flowStarted(Records.of(FlowKind.DOWNLOAD), 22); // never ends
        });

        BinnedSeries series = result.series();
        assertEquals(3, series.binCount());
        assertEquals(20.0, series.binStartSeconds(2));
        assertEquals(5.0, series.binLengthSeconds(2));
        assertArrayEquals(new double[] {1.0, 1.4, 1.6}, series.busyChannels(), EPS);
        assertArrayEquals(new double[] {50, 340, 160}, series.storedBytes(), EPS);
        assertArrayEquals(new long[] {3, 1, 1}, series.attempts());
        assertArrayEquals(new long[] {1, 1, 0}, series.blockedAttempts());
        BinnedSeries.FlowBins backups = series.flowsOf(FlowKind.BACKUP);
        assertArrayEquals(new long[] {3, 0, 0}, backups.started());
        assertArrayEquals(new long[] {1, 0, 1}, backups.succeeded());
        assertArrayEquals(new long[] {0, 1, 0}, backups.failed());
        assertArrayEquals(new double[] {3, 0, 13}, backups.completionSecondsSum(), EPS);
        BinnedSeries.FlowBins downloads = series.flowsOf(FlowKind.DOWNLOAD);
        assertArrayEquals(new long[] {0, 1, 2}, downloads.started());
        assertArrayEquals(new long[] {0, 0, 1}, downloads.succeeded());
        assertArrayEquals(new long[] {0, 0, 0}, downloads.failed());
        assertArrayEquals(new double[] {0, 0, 0.5}, downloads.completionSecondsSum(), EPS);
    }

    @Test
    void finish_noSeriesWidth_none() {
        ReplicationResult result = ConnectorRun.run(0, 100, run -> report(run.flows(),
                flow(FlowKind.BACKUP, FlowOutcome.SUCCESS, 1, 4).build()));
        assertEquals(BinnedSeries.NONE, result.series());
        assertTrue(result.series().isNone());
    }
}
