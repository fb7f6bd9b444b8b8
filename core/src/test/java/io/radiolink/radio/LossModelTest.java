package io.radiolink.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.radiolink.validation.FamilyWise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link LossModel}, run over every shipped model: every model is one more entry of
 * {@link #models()}. Statistical checks use fixed seeds (so they are deterministic) and tolerances
 * derived from the sample, so that they would also hold for almost any other seed: the family-wise rule's
 * two-sided normal quantile ({@link FamilyWise#twoSidedZ}) times the standard deviation of the estimate.
 */
final class LossModelTest {

    private static final int UNITS = 1_000_000;

    static Stream<Named<LossModel>> models() {
        return Stream.of(
                named("no loss", NoLoss.INSTANCE),
                named("Bernoulli 1%", new BernoulliLoss(0.01)),
                named("Bernoulli 30%", new BernoulliLoss(0.3)),
                named("Gilbert p=0.02 r=0.25", GilbertElliottLoss.gilbert(0.02, 0.25)),
                named("Gilbert-Elliott, long bursts", new GilbertElliottLoss(0.01, 0.1, 0.001, 0.5)),
                named("Gilbert-Elliott, fast switching", new GilbertElliottLoss(0.7, 0.9, 0.05, 0.6)));
    }

    private static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private static boolean[] lossSequence(LossModel model, long seed, int units) {
        LossProcess process = model.newProcess(random(seed));
        boolean[] lost = new boolean[units];
        for (int i = 0; i < units; i++) {
            lost[i] = process.nextUnitLost();
        }
        return lost;
    }

    /**
     * By how much the variance of the mean of {@code model}'s loss indicators exceeds the binomial
     * {@code p(1-p)/n}, bounded from above.
     *
     * <p>Bernoulli units are independent: 1. For Gilbert-Elliott the state chain's lag-k correlation is
     * {@code rho^k} with {@code rho = 1 - goodToBad - badToGood}, and the loss indicators' lag-k
     * autocovariance is {@code c * rho^k} with {@code c = (lossInBad - lossInGood)^2 * piGood * piBad <=
     * p(1-p)}. Summing, the variance of the mean is {@code p(1-p)/n * (1 + 2 c/(p(1-p)) * rho/(1-rho))},
     * at most {@code p(1-p)/n * (1+rho)/(1-rho)} for {@code rho >= 0} and at most the binomial value
     * for {@code rho < 0} (negatively correlated states).
     */
    private static double varianceInflation(LossModel model) {
        if (model instanceof GilbertElliottLoss g) {
            double rho = 1.0 - g.goodToBadProbability() - g.badToGoodProbability();
            return Math.max(1.0, (1.0 + rho) / (1.0 - rho));
        }
        return 1.0;
    }

    private static double fraction(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            if (value) {
                count++;
            }
        }
        return (double) count / values.length;
    }

    // ---- the contract -----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("models")
    void nextUnitLost_overManyUnits_convergesToStationaryLossProbability(LossModel model) {
        double p = model.stationaryLossProbability();
        double tolerance = FamilyWise.twoSidedZ() * Math.sqrt(p * (1.0 - p) / UNITS * varianceInflation(model));
        // The check must have teeth: a model a fifth off its stated rate would fail it.
        assertTrue(tolerance <= 0.2 * p, "tolerance " + tolerance + " too loose for p = " + p);

        double observed = fraction(lossSequence(model, 20_240_101L, UNITS));

        assertEquals(p, observed, tolerance, "empirical loss fraction over " + UNITS + " units");
    }

    @ParameterizedTest
    @MethodSource("models")
    void newProcess_firstUnitOfManyFreshProcesses_lostWithStationaryProbability(LossModel model) {
        // Each fresh process is independent of the others, so the count is exactly binomial: this
        // checks that a process is stationary from its first unit (the initial state is drawn).
        int processes = 200_000;
        int lost = 0;
        for (int i = 0; i < processes; i++) {
            if (model.newProcess(new SplittableRandom(7_000_000L + i)).nextUnitLost()) {
                lost++;
            }
        }
        double p = model.stationaryLossProbability();
        double tolerance = FamilyWise.twoSidedZ() * Math.sqrt(p * (1.0 - p) / processes);

        assertEquals(p, (double) lost / processes, tolerance, "fraction of first units lost");
    }

    @ParameterizedTest
    @MethodSource("models")
    void newProcess_sameSeed_losesTheSameUnits(LossModel model) {
        assertArrayEquals(lossSequence(model, 99L, 10_000), lossSequence(model, 99L, 10_000));
    }

    @ParameterizedTest
    @MethodSource("models")
    void stationaryLossProbability_always_isAProbabilityBelowOne(LossModel model) {
        double p = model.stationaryLossProbability();
        assertTrue(p >= 0.0 && p < 1.0, "stationary loss " + p);
    }

    // ---- per model ----------------------------------------------------------------------------------

    @Test
    void noLoss_anyNumberOfUnits_losesNothing() {
        LossProcess process = NoLoss.INSTANCE.newProcess(random(1L));
        for (int i = 0; i < 100_000; i++) {
            assertFalse(process.nextUnitLost(), "unit " + i);
        }
        assertEquals(0.0, NoLoss.INSTANCE.stationaryLossProbability());
    }

    @Test
    void bernoulli_differentSeeds_loseDifferentUnits() {
        BernoulliLoss model = new BernoulliLoss(0.3);
        assertFalse(Arrays.equals(lossSequence(model, 1L, 1_000), lossSequence(model, 2L, 1_000)));
    }

    @Test
    void gilbertElliott_stationaryLossProbability_isTheStateWeightedMean() {
        GilbertElliottLoss model = new GilbertElliottLoss(0.01, 0.04, 0.1, 0.6);
        assertEquals(0.2, model.badStateProbability(), 1e-15);
        assertEquals(0.8 * 0.1 + 0.2 * 0.6, model.stationaryLossProbability(), 1e-15);
    }

    @Test
    void gilbert_lossBursts_haveMeanLengthOneOverBadToGoodProbability() {
        double p = 0.05;
        double r = 0.2;
        boolean[] lost = lossSequence(GilbertElliottLoss.gilbert(p, r), 31_337L, UNITS);

        // In Gilbert's case a loss burst is a stay in the bad state: geometric with mean 1/r and
        // variance (1-r)/r^2, independent from burst to burst. Likewise a gap is a stay in the good
        // state, geometric with parameter p.
        assertMeanGeometric("burst length", runLengths(lost, true), r);
        assertMeanGeometric("gap length", runLengths(lost, false), p);
    }

    private static void assertMeanGeometric(String what, List<Integer> runs, double leaveProbability) {
        assertTrue(runs.size() > 1_000, "only " + runs.size() + " runs of " + what);
        double mean = runs.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double expected = 1.0 / leaveProbability;
        double sdOfMean = Math.sqrt((1.0 - leaveProbability) / (leaveProbability * leaveProbability)
                / runs.size());
        assertEquals(expected, mean, FamilyWise.twoSidedZ() * sdOfMean,
                "mean " + what + " over " + runs.size() + " runs");
    }

    /**
     * Lengths of the maximal runs of {@code value} in {@code sequence}, leaving out a run that touches
     * either end: it may have begun before the first unit or go on after the last, so its length is
     * censored.
     */
    private static List<Integer> runLengths(boolean[] sequence, boolean value) {
        List<Integer> runs = new ArrayList<>();
        int run = 0;
        boolean atStart = true;
        for (boolean unit : sequence) {
            if (unit == value) {
                run++;
            } else {
                if (run > 0 && !atStart) {
                    runs.add(run);
                }
                run = 0;
                atStart = false;
            }
        }
        return runs;
    }
}
