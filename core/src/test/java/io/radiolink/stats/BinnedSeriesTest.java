package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.protocol.FlowKind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The series value: its bins' arithmetic, the default width, equality by content and copies. */
final class BinnedSeriesTest {

    @Test
    void defaultBinSeconds_runLengths_smallestOneTwoOrFiveTimesAPowerOfTenWithAtMost200Bins() {
        assertEquals(20.0, BinnedSeries.defaultBinSeconds(3_600)); // 180 bins; 10 s would give 360
        assertEquals(5.0, BinnedSeries.defaultBinSeconds(1_000)); // exactly 200 bins
        assertEquals(10.0, BinnedSeries.defaultBinSeconds(1_000.5)); // 5 s would give 201
        assertEquals(500.0, BinnedSeries.defaultBinSeconds(86_400)); // 173 bins; 200 s would give 432
        assertEquals(0.005, BinnedSeries.defaultBinSeconds(1)); // 200 bins, the double nearest 0.005
        assertEquals(1.0, BinnedSeries.defaultBinSeconds(150));
        assertEquals(5e8, BinnedSeries.defaultBinSeconds(1e11)); // exactly 200 bins
    }

    @Test
    void binCount_widthNotDividingTheRunLength_lastBinShorter() {
        assertEquals(3, BinnedSeries.binCount(10, 25));
        assertEquals(3, BinnedSeries.binCount(10, 30));
        assertEquals(1, BinnedSeries.binCount(100, 25));
        assertEquals(3, BinnedSeries.binCount(0.1, 0.3)); // 3 × 0.1 is 0.30000000000000004 >= 0.3
        BinnedSeries series = zeros(10, 25);
        assertEquals(10.0, series.binLengthSeconds(1));
        assertEquals(5.0, series.binLengthSeconds(2));
        assertThrows(IndexOutOfBoundsException.class, () -> series.binLengthSeconds(3));
    }

    @Test
    void equals_sameContentInOtherArrays_equalAndCopiesKeepItImmutable() {
        BinnedSeries a = zeros(10, 25);
        BinnedSeries b = zeros(10, 25);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        a.busyChannels()[0] = 7;
        a.flowsOf(FlowKind.BACKUP).started()[1] = 7;
        assertEquals(b, a);
        assertArrayEquals(new double[3], a.busyChannels());
        assertNotEquals(a, zeros(10, 30));
    }

    @Test
    void constructor_wrongLengthOrNegativeOrMoreBlockedThanAttempts_rejected() {
        Map<FlowKind, BinnedSeries.FlowBins> flows = flows(3);
        assertThrows(IllegalArgumentException.class, () -> new BinnedSeries(10, 25, new double[2], new double[3],
                flows, new long[3], new long[3]));
        assertThrows(IllegalArgumentException.class, () -> new BinnedSeries(10, 25, new double[] {0, -1, 0},
                new double[3], flows, new long[3], new long[3]));
        assertThrows(IllegalArgumentException.class, () -> new BinnedSeries(10, 25, new double[3], new double[3],
                flows, new long[] {1, 1, 1}, new long[] {0, 2, 0}));
        assertThrows(IllegalArgumentException.class, () -> new BinnedSeries(10, 25, new double[3], new double[3],
                flows(2), new long[3], new long[3]));
        assertThrows(IllegalArgumentException.class, () -> new BinnedSeries.FlowBins(new long[3], new long[2],
                new long[3], new double[3]));
    }

    @Test
    void none_noBins() {
        assertEquals(0, BinnedSeries.NONE.binCount());
        assertEquals(0.0, BinnedSeries.NONE.binSeconds());
        assertEquals(0, BinnedSeries.NONE.flowsOf(FlowKind.DOWNLOAD).started().length);
    }

    private static BinnedSeries zeros(double binSeconds, double runLengthSeconds) {
        int bins = (int) BinnedSeries.binCount(binSeconds, runLengthSeconds);
        return new BinnedSeries(binSeconds, runLengthSeconds, new double[bins], new double[bins], flows(bins),
                new long[bins], new long[bins]);
    }

    private static Map<FlowKind, BinnedSeries.FlowBins> flows(int bins) {
        Map<FlowKind, BinnedSeries.FlowBins> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            flows.put(kind, BinnedSeries.FlowBins.zeros(bins));
        }
        return flows;
    }
}
