package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hyndman and Fan's type 7 against values computed by hand (and by R's quantile(x, p, type = 7)). */
final class QuantileTest {

    private static final double[] FIVE = {10, 20, 30, 40, 50};

    @Test
    void of_fiveValues_interpolatesBetweenOrderStatistics() {
        // h = 4p: 0.2 -> 10 + 0.2 * 10; 2 -> the third value; 3.8 -> 40 + 0.8 * 10.
        assertEquals(12.0, Quantile.of(FIVE, 0.05), 1e-12);
        assertEquals(30.0, Quantile.of(FIVE, 0.5), 0.0);
        assertEquals(48.0, Quantile.of(FIVE, 0.95), 1e-12);
        assertEquals(10.0, Quantile.of(FIVE, 0), 0.0);
        assertEquals(50.0, Quantile.of(FIVE, 1), 0.0);
    }

    @Test
    void of_twoValues_medianIsTheirMean() {
        assertEquals(3.0, Quantile.of(new double[] {2, 4}, 0.5), 0.0);
        // h = 0.95: 2 + 0.95 * 2.
        assertEquals(3.9, Quantile.of(new double[] {2, 4}, 0.95), 1e-12);
    }

    @Test
    void of_oneValue_isThatValue() {
        assertEquals(7.0, Quantile.of(new double[] {7}, 0.05), 0.0);
        assertEquals(7.0, Quantile.of(new double[] {7}, 0.95), 0.0);
    }

    @Test
    void of_noValue_nan() {
        assertTrue(Double.isNaN(Quantile.of(new double[0], 0.5)));
    }

    @Test
    void of_probabilityOutsideZeroOne_refused() {
        assertThrows(IllegalArgumentException.class, () -> Quantile.of(FIVE, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Quantile.of(FIVE, Double.NaN));
    }
}
