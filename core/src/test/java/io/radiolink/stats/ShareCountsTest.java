package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Jain's fairness index and the mean from the sums, checked by hand. */
final class ShareCountsTest {

    @Test
    void fairnessIndex_equalThroughputs_one() {
        assertEquals(1.0, ShareCounts.of(5, 5, 5, 5).fairnessIndex(), 1e-15);
    }

    @Test
    void fairnessIndex_oneGetsEverything_oneOverN() {
        assertEquals(0.25, ShareCounts.of(8, 0, 0, 0).fairnessIndex(), 1e-15);
    }

    @Test
    void fairnessIndex_handComputed() {
        // (1 + 2 + 3)^2 / (3 (1 + 4 + 9)) = 36 / 42.
        assertEquals(36.0 / 42.0, ShareCounts.of(1, 2, 3).fairnessIndex(), 1e-15);
        assertEquals(2.0, ShareCounts.of(1, 2, 3).meanThroughputBitsPerSecond(), 1e-15);
    }

    @Test
    void plus_pooledIndexIsTheIndexOfEveryValue() {
        ShareCounts pooled = ShareCounts.of(1, 2).plus(ShareCounts.of(3));

        assertEquals(ShareCounts.of(1, 2, 3), pooled);
        assertEquals(36.0 / 42.0, pooled.fairnessIndex(), 1e-15);
    }

    @Test
    void noConnection_meanAndIndexNaN() {
        assertTrue(Double.isNaN(ShareCounts.ZERO.fairnessIndex()));
        assertTrue(Double.isNaN(ShareCounts.ZERO.meanThroughputBitsPerSecond()));
    }

    @Test
    void directionShare_percentilesOfTheValuesInAnyOrder() {
        DirectionShare share = DirectionShare.of(0.5, 0.4, 1.2, new double[] {50, 10, 40, 20, 30});

        assertEquals(12.0, share.throughputP5BitsPerSecond(), 1e-12);
        assertEquals(30.0, share.throughputP50BitsPerSecond(), 0.0);
        assertEquals(48.0, share.throughputP95BitsPerSecond(), 1e-12);
        assertEquals(30.0, share.meanThroughputBitsPerSecond(), 1e-12);
        assertEquals(5, share.counts().connections());
    }
}
