package io.radiolink.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.validation.FamilyWise;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every distribution samples its stated mean: the sample mean of n = 200,000 draws lies within the
 * family-wise rule's two-sided normal quantile ({@link FamilyWise#twoSidedZ}) of standard errors
 * (estimated from the sample) of {@code mean()}; a fixed value has none and must be met exactly.
 */
final class DistributionTest {

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    static Stream<Distribution> distributions() {
        return Stream.of(new Distribution.Fixed(4096), new Distribution.Uniform(1_000, 9_000),
                new Distribution.Exponential(50_000), new Distribution.LogNormal(10, 0.8),
                Distribution.LogNormal.ofMeanAndStdDev(200_000, 150_000));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampler_manyDraws_meanWithinSampleTolerance(Distribution distribution) {
        Distribution.Sampler sampler = distribution.sampler(random(11));
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            double x = sampler.sample();
            assertTrue(x >= 0, "non-negative");
            stats.addValue(x);
        }
        double standardError = stats.getStandardDeviation() / Math.sqrt(stats.getN());
        assertEquals(distribution.mean(), stats.getMean(),
                Math.max(FamilyWise.twoSidedZ() * standardError, 1e-9 * distribution.mean()), distribution.toString());
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampler_sameStream_sameValues(Distribution distribution) {
        Distribution.Sampler a = distribution.sampler(random(5));
        Distribution.Sampler b = distribution.sampler(random(5));
        for (int i = 0; i < 100; i++) {
            assertEquals(a.sample(), b.sample());
        }
    }

    @Test
    void logNormal_ofMeanAndStdDev_hasThatMeanAndStdDev() {
        Distribution.LogNormal d = Distribution.LogNormal.ofMeanAndStdDev(200_000, 150_000);
        assertEquals(200_000, d.mean(), 1e-6);
        double variance = (Math.exp(d.sigma() * d.sigma()) - 1) * Math.exp(2 * d.mu() + d.sigma() * d.sigma());
        assertEquals(150_000, Math.sqrt(variance), 1e-6);
    }

    @Test
    void constructors_outOfRange_rejectedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Fixed(-1)).getMessage().contains("value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Uniform(5, 5)).getMessage().contains("max"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.Exponential(0)).getMessage().contains("mean"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.LogNormal(1, 0)).getMessage().contains("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Distribution.LogNormal(Double.NaN, 1)).getMessage().contains("mu"));
    }

    @Test
    void commonsRandom_reseeding_refused() {
        var adapter = CommonsRandom.of(random(1));
        assertThrows(UnsupportedOperationException.class, () -> adapter.setSeed(3L));
    }
}
