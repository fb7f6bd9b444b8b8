package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.stats.Estimate;
import io.radiolink.workload.Distribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Round robin over intervals of tau against processor sharing: on the M/G/1 job model of
 * {@link SharedJobs} (exponential sizes, E[S] / C = m = 1 s), the mean sojourn is PS's E[S] / (C (1 - rho))
 * up to a bias of at most about {@code beta(rho) * tau}, which shrinks in proportion to tau.
 *
 * <p><b>The bound</b> (docs/design.md, "A shared cell direction"). Against processor sharing, a job under
 * round robin (a) waits for the first interval boundary after its arrival, and (b) leaves at the end of the
 * interval of its last bit: together at most about tau on average (tau / 2 each for bits spread uniformly
 * over an interval); (c) is served one interval per round instead of a share at every instant, so it ends
 * at most one round earlier or later than with equal shares: n tau with n the jobs present, E[N] =
 * rho / (1 - rho) on average (Poisson arrivals see time averages); (d) leaves the rest of its last interval
 * unused, less than tau of capacity per job, which raises the mean work per job by less than tau and so the
 * PS mean m / (1 - lambda m) by less than {@code tau / (1 - rho)^2} to first order. So
 * {@code |E[T_RR] - E[T_PS]| <= beta(rho) tau + o(tau)}, {@code beta(rho) = 1 + rho / (1 - rho) + 1 / (1 - rho)^2}
 * (3.47 at rho = 0.3, 8.75 at 0.6): the bias is O(tau).
 *
 * <p><b>Checks</b>, each a Student-t interval across 20 replications at the suite's per-check confidence
 * ({@link FamilyWise}), five per load at rho = 0.3 and 0.6, for tau1 = 0.04 m and tau2 = tau1 / 4: (1, 2) the
 * round robin's mean sojourn at each interval, against the closed form, within its bound (the interval
 * meets [closed form - beta tau, closed form + beta tau]); (3, 4) the bias itself at each interval, the
 * per-replication difference from processor sharing on the same jobs (common random numbers, so far
 * tighter), within [-beta tau, beta tau]; (5) the bias at tau1 above the bound at tau2 (its interval's lower
 * end above beta tau2), so that (4) passes only because the bias shrank with tau, not because the bound
 * at tau2 was already loose enough for the bias at tau1.
 */
final class RoundRobinValidationTest {

    /** The statistical checks of this class, in {@link FamilyWise}'s family: five at each of two loads. */
    static final int CHECKS = 10;

    private static final double C = 1e6;
    private static final double MEAN_BITS = 1e6;
    private static final int REPLICATIONS = 20;
    private static final double TAU1 = 0.04;
    private static final double TAU2 = TAU1 / 4;

    /** True if the interval meets [centre - bound, centre + bound]. */
    private static boolean within(Estimate estimate, double centre, double bound) {
        return estimate.upper() >= centre - bound && estimate.lower() <= centre + bound;
    }

    @ParameterizedTest(name = "rho={0}")
    @ValueSource(doubles = {0.3, 0.6})
    void meanSojourn_smallIntervals_processorSharingsWithinABiasBoundThatShrinksWithTheInterval(double load) {
        SharedJobs model = new SharedJobs(C, load, new Distribution.Exponential(MEAN_BITS), 2_000, 20_000);
        long seed = 2113;
        double[] ps = model.meanSojournsSeconds(new ProcessorSharing(), seed, REPLICATIONS);
        double[] rr1 = model.meanSojournsSeconds(new RoundRobin(TAU1 * model.meanServiceSeconds()), seed, REPLICATIONS);
        double[] rr2 = model.meanSojournsSeconds(new RoundRobin(TAU2 * model.meanServiceSeconds()), seed, REPLICATIONS);
        double[] bias1 = new double[REPLICATIONS];
        double[] bias2 = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            bias1[r] = rr1[r] - ps[r];
            bias2[r] = rr2[r] - ps[r];
        }
        double closed = model.processorSharingMeanSojournSeconds();
        double bound1 = Theory.roundRobinBiasFactor(load) * TAU1 * model.meanServiceSeconds();
        double bound2 = Theory.roundRobinBiasFactor(load) * TAU2 * model.meanServiceSeconds();
        Estimate sojourn1 = FamilyWise.estimate(rr1);
        Estimate sojourn2 = FamilyWise.estimate(rr2);
        Estimate shift1 = FamilyWise.estimate(bias1);
        Estimate shift2 = FamilyWise.estimate(bias2);
        String figures = "rho=" + load + ": closed form " + closed + "; tau1: sojourn " + sojourn1 + ", bias " + shift1
                + ", bound " + bound1 + "; tau2: sojourn " + sojourn2 + ", bias " + shift2 + ", bound " + bound2;
        assertTrue(within(sojourn1, closed, bound1), "(1) " + figures);
        assertTrue(within(sojourn2, closed, bound2), "(2) " + figures);
        assertTrue(within(shift1, 0, bound1), "(3) " + figures);
        assertTrue(within(shift2, 0, bound2), "(4) " + figures);
        assertTrue(shift1.lower() > bound2, "(5) the check at tau2 means something: " + figures);
    }
}
