package io.radiolink.workload;

import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * A distribution of non-negative values (sizes in bytes, delays in seconds), as configuration; the
 * closed set a scenario can name. {@link #sampler} binds it to a random stream, sampling through
 * commons-math3.
 */
public sealed interface Distribution {

    /** The distribution's mean. */
    double mean();

    /** The value below which a share {@code p} (in (0, 1)) of draws fall. */
    double quantile(double p);

    /** A sampler drawing from {@code random}. */
    Sampler sampler(RandomGenerator random);

    /** Draws values. */
    @FunctionalInterface
    interface Sampler {
        /** The next value. */
        double sample();
    }

    /**
     * Always {@code value}; draws nothing from its stream.
     *
     * @param value >= 0
     */
    record Fixed(double value) implements Distribution {
        /** The values. */
        public static final Range VALUE = Range.atLeast(0);

        /** Validates the value. */
        public Fixed {
            VALUE.check("value", value);
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public double quantile(double p) {
            return value;
        }

        @Override
        public Sampler sampler(RandomGenerator random) {
            return () -> value;
        }
    }

    /**
     * Uniform on [min, max].
     *
     * @param min >= 0
     * @param max > min
     */
    record Uniform(double min, double max) implements Distribution {
        /** The lower bounds. */
        public static final Range MIN = Range.atLeast(0);
        /** The upper bounds (also above the lower). */
        public static final Range MAX = Range.above(0);

        /** Validates the bounds. */
        public Uniform {
            MIN.check("min", min);
            MAX.check("max", max);
            if (!(max > min)) {
                throw new InvalidFieldException("max", Double.toString(max), "must be > min, was min=" + min
                        + ", max=" + max, MAX.describe() + " and > min");
            }
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public double quantile(double p) {
            return min + p * (max - min);
        }

        @Override
        public Sampler sampler(RandomGenerator random) {
            UniformRealDistribution d = new UniformRealDistribution(CommonsRandom.of(random), min, max);
            return d::sample;
        }
    }

    /**
     * Exponential with the given mean.
     *
     * @param mean > 0
     */
    record Exponential(double mean) implements Distribution {
        /** The means. */
        public static final Range MEAN = Range.above(0);

        /** Validates the mean. */
        public Exponential {
            MEAN.check("mean", mean);
        }

        @Override
        public double quantile(double p) {
            return -mean * StrictMath.log1p(-p);
        }

        @Override
        public Sampler sampler(RandomGenerator random) {
            ExponentialDistribution d = new ExponentialDistribution(CommonsRandom.of(random), mean);
            return d::sample;
        }
    }

    /**
     * Log-normal: {@code ln X} is normal with mean {@code mu} and standard deviation {@code sigma}.
     *
     * @param mu mean of {@code ln X}, finite
     * @param sigma standard deviation of {@code ln X}, > 0
     */
    record LogNormal(double mu, double sigma) implements Distribution {
        /** The means of ln X. */
        public static final Range MU = Range.finite();
        /** The standard deviations of ln X. */
        public static final Range SIGMA = Range.above(0);
        /** The mean and standard deviation of X, for {@link #ofMeanAndStdDev}. */
        public static final Range MOMENT = Range.above(0);

        /** Validates the parameters. */
        public LogNormal {
            MU.check("mu", mu);
            SIGMA.check("sigma", sigma);
        }

        /** The log-normal distribution with the given mean and standard deviation of X itself. */
        public static LogNormal ofMeanAndStdDev(double mean, double stdDev) {
            MOMENT.check("mean", mean);
            MOMENT.check("stdDev", stdDev);
            double sigma2 = StrictMath.log1p((stdDev * stdDev) / (mean * mean));
            return new LogNormal(StrictMath.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
        }

        @Override
        public double mean() {
            return StrictMath.exp(mu + sigma * sigma / 2);
        }

        @Override
        public double quantile(double p) {
            return StrictMath.exp(mu + sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
        }

        @Override
        public Sampler sampler(RandomGenerator random) {
            LogNormalDistribution d = new LogNormalDistribution(CommonsRandom.of(random), mu, sigma,
                    LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
            return d::sample;
        }
    }
}
