package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.BackhaulLink;
import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.node.OutageConfig;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import io.radiolink.stats.Estimate;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backhaul against closed forms: its FIFO queue under Poisson arrivals is M/G/1, and its
 * retransmissions are geometric.
 *
 * <p><b>Pollaczek–Khinchine.</b> Messages arrive as a Poisson process of rate λ on a lossless direction of
 * rate R; a message of b bits is served in S = b / R. The mean wait before service (offer to the start
 * of the first transmission, {@link BackhaulStatistics#queueing()}) is λ E[S²] / (2 (1 − ρ)), ρ = λ E[S].
 * Two size laws of the same mean, since the formula depends on E[S²]: fixed, and exponential rounded up to
 * whole bits (a message is a whole number of bits), which is geometric with q = exp(−1/m): E[b] = 1/(1−q),
 * E[b²] = (1+q)/(1−q)², used exactly. Each replication discards the waits of a warm-up (statistics taken
 * at its end are subtracted) and averages the next messages.
 *
 * <p><b>Retransmissions.</b> With each transmission lost with probability p independently, a message takes
 * N transmissions, geometric, E[N] = 1/(1−p). Offered one at a time (the next when the previous arrived),
 * so that none waits, a message of service S arrives S + L + (N − 1)(S + RTO) after its offer: a lost
 * transmission costs itself and the timeout, so the mean transfer time is S + L + p/(1−p) (S + RTO).
 *
 * <p><b>Outages.</b> Random up and down times, exponential of means U and D, alternate: the share of time
 * down is D / (U + D) (an alternating renewal process).
 *
 * <p><b>Tolerance.</b> Every check is the Student-t interval, at {@link FamilyWise}'s per-check confidence, of the per-replication
 * values across {@value #REPLICATIONS} independent replications (streams of replication index r); the check
 * passes if it contains the closed form, and its half-width must be below {@value #PRECISION} of the closed
 * form so that containing it means something. The default build makes 9 such checks (4 waits, 2 × 2 for
 * loss, 1 for outages), the slow profile 2 more (ρ = 0.9).
 */
final class BackhaulQueueValidationTest {

    /** The statistical checks of this class, in {@link FamilyWise}'s family: 9 by default, 2 slow. */
    static final int CHECKS = 11;

    private static final int REPLICATIONS = 10;
    private static final double PRECISION = 0.05;
    private static final long SEED = 1913;
    private static final double RATE_BITS_PER_SECOND = 1e6;
    private static final double PROPAGATION_DELAY_SECONDS = 0.005;
    /** Mean message size: 10 ms on the link. */
    private static final double MEAN_BITS = 10_000;
    private static final int WARMUP_MESSAGES = 5_000;

    /** The size laws, with their exact moments in bits. */
    enum Sizes {
        FIXED {
            @Override
            long draw(RandomGenerator random) {
                return (long) MEAN_BITS;
            }

            @Override
            double meanBits() {
                return MEAN_BITS;
            }

            @Override
            double meanSquareBits() {
                return MEAN_BITS * MEAN_BITS;
            }
        },
        EXPONENTIAL {
            @Override
            long draw(RandomGenerator random) {
                return Math.max(1L, (long) Math.ceil(-MEAN_BITS * Math.log1p(-random.nextDouble())));
            }

            @Override
            double meanBits() {
                return 1 / (1 - q());
            }

            @Override
            double meanSquareBits() {
                return (1 + q()) / ((1 - q()) * (1 - q()));
            }

            private double q() {
                return Math.exp(-1 / MEAN_BITS);
            }
        };

        abstract long draw(RandomGenerator random);

        abstract double meanBits();

        abstract double meanSquareBits();
    }

    @ParameterizedTest(name = "load {0}, {1} sizes")
    @CsvSource({"0.3, FIXED", "0.3, EXPONENTIAL", "0.6, FIXED", "0.6, EXPONENTIAL"})
    void queueing_poissonArrivals_meanWaitIsPollaczekKhinchine(double load, Sizes sizes) {
        checkPollaczekKhinchine(load, sizes, 100_000);
    }

    @Tag("slow")
    @ParameterizedTest(name = "load {0}, {1} sizes")
    @CsvSource({"0.9, FIXED", "0.9, EXPONENTIAL"})
    void queueing_poissonArrivalsHeavyLoad_meanWaitIsPollaczekKhinchine(double load, Sizes sizes) {
        checkPollaczekKhinchine(load, sizes, 2_000_000);
    }

    private static void checkPollaczekKhinchine(double load, Sizes sizes, int messages) {
        double meanService = sizes.meanBits() / RATE_BITS_PER_SECOND;
        double meanSquareService = sizes.meanSquareBits() / (RATE_BITS_PER_SECOND * RATE_BITS_PER_SECOND);
        double lambda = load / meanService;
        double expected = lambda * meanSquareService / (2 * (1 - load));
        double warmupSeconds = WARMUP_MESSAGES / lambda;
        double endSeconds = warmupSeconds + messages / lambda;
        double[] waits = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            LeanScheduler scheduler = new LeanScheduler();
            RandomStreams streams = new RandomStreams(SEED, r);
            BackhaulLink link = new Backhaul("bs-1",
                    BackhaulConfig.lossless(RATE_BITS_PER_SECOND, PROPAGATION_DELAY_SECONDS), scheduler, streams)
                    .toStore();
            RandomGenerator arrivals = streams.stream(StreamPurpose.ARRIVALS, "bs-1", 0);
            RandomGenerator sizeDraws = streams.stream(StreamPurpose.USER_DATA, "bs-1", 0);
            arrive(scheduler, link, lambda, arrivals, () -> sizes.draw(sizeDraws), endSeconds);
            BackhaulStatistics[] warm = new BackhaulStatistics[1];
            scheduler.postAt(warmupSeconds, () -> warm[0] = link.statistics());
            BackhaulStatistics[] end = new BackhaulStatistics[1];
            scheduler.postAt(endSeconds, () -> end[0] = link.statistics());
            scheduler.runUntil(endSeconds);
            BackhaulStatistics.Delays before = warm[0].queueing();
            BackhaulStatistics.Delays after = end[0].queueing();
            waits[r] = (after.sumSeconds() - before.sumSeconds()) / (after.count() - before.count());
            assertEquals(0, end[0].messagesDropped());
        }
        assertMatches("mean wait at load " + load + ", " + sizes + " sizes", expected, waits);
    }

    /** Poisson arrivals of rate {@code lambda} until {@code endSeconds}, each a message of a drawn size. */
    private static void arrive(LeanScheduler scheduler, BackhaulLink link, double lambda, RandomGenerator arrivals,
            LongSupplier size, double endSeconds) {
        double next = scheduler.nowSeconds() - Math.log1p(-arrivals.nextDouble()) / lambda;
        if (next <= endSeconds) {
            scheduler.postAt(next, () -> {
                link.send(size.getAsLong(), () -> { });
                arrive(scheduler, link, lambda, arrivals, size, endSeconds);
            });
        }
    }

    @ParameterizedTest(name = "p = {0}")
    @CsvSource({"0.1", "0.3"})
    void retransmissions_lossyLink_meanTransmissionsAndTransferTimeAreGeometric(double p) {
        double timeout = 0.05;
        long bits = (long) MEAN_BITS;
        int messages = 20_000;
        BackhaulConfig config = BackhaulConfig.lossless(RATE_BITS_PER_SECOND, PROPAGATION_DELAY_SECONDS)
                .withLoss(p, timeout);
        double service = bits / RATE_BITS_PER_SECOND;
        double[] transmissions = new double[REPLICATIONS];
        double[] transfer = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            LeanScheduler scheduler = new LeanScheduler();
            BackhaulLink link = new Backhaul("bs-1", config, scheduler, new RandomStreams(SEED, r)).toStore();
            sendOneAtATime(link, bits, messages);
            scheduler.runUntil(Double.POSITIVE_INFINITY);
            BackhaulStatistics s = link.statistics();
            assertEquals(messages, s.messagesDelivered());
            assertEquals(0, s.queueing().maxSeconds(), "one at a time: no message waits");
            transmissions[r] = (double) s.transmissions() / s.messagesDelivered();
            transfer[r] = s.transfer().meanSeconds();
        }
        assertMatches("transmissions per message at p = " + p, 1 / (1 - p), transmissions);
        assertMatches("mean transfer time at p = " + p,
                service + PROPAGATION_DELAY_SECONDS + p / (1 - p) * (service + timeout), transfer);
    }

    @ParameterizedTest(name = "mean up {0} s, mean down {1} s")
    @CsvSource({"50, 5"})
    void outages_randomUpAndDownTimes_shareOfTimeDownIsMeanDownOverMeanCycle(double meanUp, double meanDown) {
        double endSeconds = 200_000;
        BackhaulConfig config = BackhaulConfig.lossless(RATE_BITS_PER_SECOND, PROPAGATION_DELAY_SECONDS)
                .withOutages(OutageConfig.random(meanUp, meanDown, true));
        double[] downShare = new double[REPLICATIONS];
        for (int r = 0; r < REPLICATIONS; r++) {
            LeanScheduler scheduler = new LeanScheduler();
            Backhaul backhaul = new Backhaul("bs-1", config, scheduler, new RandomStreams(SEED, r));
            backhaul.scheduleOutages(endSeconds);
            BackhaulStatistics[] end = new BackhaulStatistics[1];
            scheduler.postAt(endSeconds, () -> end[0] = backhaul.fromStore().statistics());
            scheduler.runUntil(endSeconds);
            downShare[r] = end[0].downSeconds() / endSeconds;
        }
        assertMatches("share of time down", meanDown / (meanUp + meanDown), downShare);
    }

    /** Sends {@code remaining} messages of {@code bits}, each when the previous has arrived. */
    private static void sendOneAtATime(BackhaulLink link, long bits, int remaining) {
        if (remaining > 0) {
            link.send(bits, () -> sendOneAtATime(link, bits, remaining - 1));
        }
    }

    private static void assertMatches(String what, double expected, double[] perReplication) {
        Estimate measured = FamilyWise.estimate(perReplication);
        assertTrue(measured.contains(expected), what + ": closed form " + expected + ", measured " + measured);
        assertTrue(measured.halfWidth() < PRECISION * expected,
                what + ": interval narrow enough to mean something: " + measured);
        System.out.printf("%s: closed form %.6g, measured %.6g +- %.2g (%.2f%%)%n", what, expected, measured.mean(),
                measured.halfWidth(), 100 * measured.halfWidth() / expected);
    }
}
