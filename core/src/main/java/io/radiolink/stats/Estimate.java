package io.radiolink.stats;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A mean of independent per-replication values with its Student-t confidence interval.
 *
 * @param mean the sample mean, NaN if there are no values
 * @param halfWidth half the interval's width, {@code t(1 - (1 - confidence) / 2, n - 1) * s / sqrt(n)} with
 *     {@code s} the sample standard deviation; NaN when {@code n < 2}
 * @param n the number of values the estimate is made of (NaN values are not counted)
 * @param confidence the confidence level, in (0, 1)
 */
public record Estimate(double mean, double halfWidth, int n, double confidence) implements Serializable {

    /** The confidence level of the estimates in an {@link ExperimentSummary} unless told otherwise. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Checks the confidence level and the count. */
    public Estimate {
        checkConfidence(confidence);
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }

    /** The estimate from {@code values} at the {@link #DEFAULT_CONFIDENCE 95 %} level. */
    public static Estimate of(double[] values) {
        return of(values, DEFAULT_CONFIDENCE);
    }

    /**
     * The estimate from {@code values}, one per replication, at the given confidence level. NaN values
     * are skipped: they stand for a replication in which the quantity was undefined (for example the
     * mean download time of a replication without a successful download), so {@link #n()} can be less
     * than {@code values.length}.
     *
     * @param confidence in (0, 1), e.g. 0.95 or 0.99
     */
    public static Estimate of(double[] values, double confidence) {
        checkConfidence(confidence);
        SummaryStatistics statistics = new SummaryStatistics();
        for (double value : values) {
            if (!Double.isNaN(value)) {
                statistics.addValue(value);
            }
        }
        int n = Math.toIntExact(statistics.getN());
        if (n < 2) {
            return new Estimate(statistics.getMean(), Double.NaN, n, confidence);
        }
        // No random generator: only the quantile is needed, and the default one would be seeded from the clock.
        TDistribution t = new TDistribution(null, n - 1);
        double quantile = t.inverseCumulativeProbability(1.0 - (1.0 - confidence) / 2.0);
        double halfWidth = quantile * statistics.getStandardDeviation() / Math.sqrt(n);
        return new Estimate(statistics.getMean(), halfWidth, n, confidence);
    }

    /** The estimate from {@code value} of each of {@code perReplication}, in their order, as {@link #of(double[], double)}. */
    static <T> Estimate of(List<T> perReplication, ToDoubleFunction<? super T> value, double confidence) {
        double[] values = new double[perReplication.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(perReplication.get(i));
        }
        return of(values, confidence);
    }

    /** The lower end of the interval (NaN when the half-width is). */
    public double lower() {
        return mean - halfWidth;
    }

    /** The upper end of the interval (NaN when the half-width is). */
    public double upper() {
        return mean + halfWidth;
    }

    /** True if {@code value} lies in the closed interval; false whenever the half-width is NaN. */
    public boolean contains(double value) {
        return value >= lower() && value <= upper();
    }

    /** Mean and half-width to four significant digits, e.g. {@code 1.954 ± 0.07045 (95 %, n=4)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g ± %.4g (%s %%, n=%d)", mean, halfWidth,
                BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString(), n);
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
    }
}
