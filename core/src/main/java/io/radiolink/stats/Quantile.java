package io.radiolink.stats;

/**
 * The sample quantile the reports use for per-connection throughputs: Hyndman and Fan's type 7 (the
 * default of R's {@code quantile} and of NumPy's {@code percentile}), linear interpolation between order
 * statistics. For sorted x(1) <= ... <= x(n) and a probability p, h = (n - 1) p + 1 and the quantile is
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
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * probability;
        int below = (int) Math.floor(h);
        if (below >= n - 1) {
            return sorted[n - 1];
        }
        double fraction = h - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
