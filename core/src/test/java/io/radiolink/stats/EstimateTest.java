package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Student-t intervals against hand computations: s = sqrt(2.5) for the values 1..5. */
final class EstimateTest {

    private static final double[] ONE_TO_FIVE = {1, 2, 3, 4, 5};

    @Test
    void of_oneToFiveAt95Percent_tQuantileWithFourDegreesOfFreedom() {
        Estimate estimate = Estimate.of(ONE_TO_FIVE, 0.95);
        assertEquals(3.0, estimate.mean(), 1e-15);
        // t(0.975, 4) * s / sqrt(5) = 2.776445105 * 1.581138830 / 2.236067977
        assertEquals(1.963243161, estimate.halfWidth(), 1e-8);
        assertEquals(5, estimate.n());
        assertEquals(0.95, estimate.confidence());
        assertEquals(3.0 - 1.963243161, estimate.lower(), 1e-8);
        assertEquals(3.0 + 1.963243161, estimate.upper(), 1e-8);
        assertTrue(estimate.contains(4.9));
        assertFalse(estimate.contains(5.0));
    }

    @Test
    void of_oneToFiveAt99Percent_widerInterval() {
        // t(0.995, 4) = 4.604094871
        assertEquals(3.255586705, Estimate.of(ONE_TO_FIVE, 0.99).halfWidth(), 1e-8);
    }

    @Test
    void of_defaultConfidence_95Percent() {
        assertEquals(Estimate.of(ONE_TO_FIVE, 0.95), Estimate.of(ONE_TO_FIVE));
    }

    @Test
    void of_nanValues_skipped() {
        Estimate estimate = Estimate.of(new double[] {Double.NaN, 1, 2, 3, Double.NaN, 4, 5}, 0.95);
        assertEquals(Estimate.of(ONE_TO_FIVE, 0.95), estimate);
        assertEquals(5, estimate.n());
    }

    @Test
    void of_oneValue_meanWithoutInterval() {
        Estimate estimate = Estimate.of(new double[] {Double.NaN, 7.5}, 0.95);
        assertEquals(7.5, estimate.mean());
        assertTrue(Double.isNaN(estimate.halfWidth()));
        assertEquals(1, estimate.n());
        assertFalse(estimate.contains(7.5));
    }

    @Test
    void of_noValues_nanMean() {
        Estimate estimate = Estimate.of(new double[] {Double.NaN}, 0.95);
        assertTrue(Double.isNaN(estimate.mean()));
        assertTrue(Double.isNaN(estimate.halfWidth()));
        assertEquals(0, estimate.n());
    }

    @Test
    void of_equalValues_zeroHalfWidth() {
        assertEquals(new Estimate(2.0, 0.0, 3, 0.95), Estimate.of(new double[] {2, 2, 2}));
    }

    @Test
    void of_confidenceOutsideTheOpenUnitInterval_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(ONE_TO_FIVE, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(ONE_TO_FIVE, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Estimate.of(ONE_TO_FIVE, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1, 1, -1, 0.95));
    }

    @Test
    void toString_fourSignificantDigitsAndConfidence() {
        assertEquals("3.000 ± 1.963 (95 %, n=5)", Estimate.of(new double[] {1, 2, 3, 4, 5}).toString());
        assertTrue(Estimate.of(new double[] {1, 2, 3, 4, 5}, 0.999).toString().endsWith("(99.9 %, n=5)"));
    }
}
