package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.FlowCounts;
import io.radiolink.stats.ReplicationResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A replication's time-binned series through the embedding API: a whole run's bins against the run's own
 * statistics (warm-up 0, so the window is the series' span), no other number moved by it, its width validated.
 */
final class SimulationSeriesTest {

    /** {@link SimulationTest}'s lossy, failing day without warm-up: blocking, failures, restores, stores filling and emptying. */
    private static Simulation.Builder busyDay() {
        return SimulationTest.busyLossyDay(3).warmupSeconds(0).replications(1);
    }

    /**
     * With warm-up 0 the window is [0, run length], so the bins' time averages, weighted by their lengths,
     * are the run's (equal but for rounding: a relative 2^-53 per addition, over fewer than 10^6 of them),
     * and the bins' counts add up to the run's counted over [0, run length): the statistics' counts where
     * nothing happens at the run length itself (Poisson arrivals), and the flows' ends counted here.
     */
    @Test
    void series_wholeRunWithoutWarmUp_binsAddUpToTheRunsStatistics() {
        long[] succeeded = new long[FlowKind.values().length];
        long[] failed = new long[FlowKind.values().length];
        double[] completionSeconds = new double[FlowKind.values().length];
        FlowListener ends = new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                if (record.endSeconds() < 1_500) {
                    int kind = record.kind().ordinal();
                    if (record.outcome().isSuccess()) {
                        succeeded[kind]++;
                        completionSeconds[kind] += record.durationSeconds();
                    } else {
                        failed[kind]++;
                    }
                }
            }
        };
        // 400 s bins: three of 400 s and a last one of 300 s.
        ReplicationResult result = busyDay().seriesBinSeconds(400).flowListener(ends).build().runReplication(0);
        BinnedSeries series = result.series();
        assertEquals(4, series.binCount());
        assertEquals(300.0, series.binLengthSeconds(3));

        double tolerance = 1e6 * Math.ulp(1.0);
        assertEquals(result.meanBusyChannels(), weightedMean(series, series.busyChannels()),
                tolerance * result.meanBusyChannels());
        assertEquals(result.storage().meanBytes(), weightedMean(series, series.storedBytes()),
                tolerance * result.storage().meanBytes());
        assertTrue(result.meanBusyChannels() > 0 && result.storage().meanBytes() > 0);
        assertEquals(result.cellTotals().attempts(), Arrays.stream(series.attempts()).sum());
        assertEquals(result.cellTotals().blockedAttempts(), Arrays.stream(series.blockedAttempts()).sum());
        assertTrue(result.cellTotals().blockedAttempts() > 0, "the run blocks some attempts");
        for (FlowKind kind : FlowKind.values()) {
            BinnedSeries.FlowBins bins = series.flowsOf(kind);
            FlowCounts counts = result.flowsOf(kind).counts();
            assertEquals(counts.flows() + counts.unfinished(), Arrays.stream(bins.started()).sum(), kind + " started");
            assertEquals(succeeded[kind.ordinal()], Arrays.stream(bins.succeeded()).sum(), kind + " succeeded");
            assertEquals(failed[kind.ordinal()], Arrays.stream(bins.failed()).sum(), kind + " failed");
            assertEquals(completionSeconds[kind.ordinal()], Arrays.stream(bins.completionSecondsSum()).sum(),
                    tolerance * completionSeconds[kind.ordinal()], kind + " completion seconds");
            assertTrue(succeeded[kind.ordinal()] > 0 && failed[kind.ordinal()] > 0, kind + " has both outcomes");
        }
    }

    private static double weightedMean(BinnedSeries series, double[] means) {
        double area = 0;
        for (int k = 0; k < series.binCount(); k++) {
            area += means[k] * series.binLengthSeconds(k);
        }
        return area / series.runLengthSeconds();
    }

    @Test
    void series_widthOrNone_everyOtherNumberIdentical() {
        ReplicationResult none = busyDay().warmupSeconds(100).seriesBinSeconds(0).build().runReplication(0);
        ReplicationResult binned = busyDay().warmupSeconds(100).build().runReplication(0);
        assertEquals(BinnedSeries.NONE, none.series());
        assertEquals(10, binned.series().binSeconds()); // 1,500 s: 150 bins of 10 s by default (5 s: 300)
        assertEquals(none, new ReplicationResult(binned.replication(), binned.seed(), binned.warmupSeconds(),
                binned.runLengthSeconds(), binned.flows(), binned.traffic(), binned.cells(), binned.storage(),
                binned.authentication(), binned.workload(), binned.learnedOutcomes(), binned.backhauls(),
                binned.shares(), binned.lateStoreEffects()));
    }

    @Test
    void seriesBinSeconds_notFiniteOrNegativeOrTooManyBins_rejectedNamingTheField() {
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> busyDay().seriesBinSeconds(bad));
            assertEquals("seriesBinSeconds", e.field());
        }
        InvalidFieldException tooMany = assertThrows(InvalidFieldException.class,
                () -> busyDay().seriesBinSeconds(0.001).build());
        assertEquals("seriesBinSeconds must give at most 100000 bins over runLengthSeconds 1500.0, was 0.001"
                + " (1500000 bins)", tooMany.getMessage());
        assertEquals(0.02, busyDay().seriesBinSeconds(0.02).build().seriesBinSeconds()); // 75,000 bins
    }
}
