package io.radiolink.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The sample quantile the reports use for per-connection throughputs: Hyndman and Fan's type 7 (the
 * default of R's {@code quantile} and of NumPy's {@code percentile}), linear interpolation between order
 * statistics, as commons-math3 computes it ({@link EstimationType#R_7}). For sorted
 * x(1) <= ... <= x(n) and a probability p, h = (n - 1) p + 1 and the quantile is
 * x(⌊h⌋) + (h - ⌊h⌋) (x(⌊h⌋ + 1) - x(⌊h⌋)); with one value it is that value, with none NaN.
 */
final class Quantile {

    private Quantile() {}

    /**
     * The type-7 quantile at {@code probability} (in [0, 1]) of {@code sorted}, ascending.
     *
     * @throws IllegalArgumentException if the probability is outside [0, 1]
     */
    static double of(double[] sorted, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability must be in [0, 1], was " + probability);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        if (probability == 0) {
            return sorted[0]; // commons-math3 takes percentiles in (0, 100]; type 7 at 0 is the minimum
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(sorted, 100 * probability);
    }
}
