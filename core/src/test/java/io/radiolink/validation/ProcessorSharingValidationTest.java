package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.stats.Estimate;
import io.radiolink.workload.Distribution;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Processor sharing on a shared cell direction against M/G/1-PS: with Poisson arrivals of jobs of S bits
 * at load rho = lambda E[S] / C and no cap binding, the mean sojourn is E[S] / (C (1 - rho)), whatever the
 * distribution of S (insensitivity): exponential sizes and log-normal ones of the same mean and twice the
 * standard deviation are each held against the closed form ({@link SharedJobs}: E[S] / C = 1 s).
 *
 * <p>Tolerance, from the sample: the Student-t interval of the per-replication mean sojourn across 20
 * replications, at the suite's per-check confidence ({@link FamilyWise}); it must contain the closed form,
 * and be narrower than 3 % of it, so that containing it means something. Warm-up: 2,000 jobs, over a
 * hundred relaxation times at rho = 0.6 and about six at 0.9. Loads 0.3 and 0.6 run in every build, 0.9
 * in the slow profile. Besides (exact, not a statistical check): a job of many frames queued at once
 * leaves when one unit of their total size would.
 */
final class ProcessorSharingValidationTest {

    /** The statistical checks of this class, in {@link FamilyWise}'s family: three loads, two distributions. */
    static final int CHECKS = 6;

    private static final double C = 1e6;
    private static final double MEAN_BITS = 1e6;
    private static final int REPLICATIONS = 20;
    private static final SchedulingPolicy PS = new ProcessorSharing();

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("exponential", new Distribution.Exponential(MEAN_BITS)),
                Arguments.of("log-normal", Distribution.LogNormal.ofMeanAndStdDev(MEAN_BITS, 2 * MEAN_BITS)));
    }

    static Stream<Arguments> defaultLoads() {
        return Stream.of(0.3, 0.6).flatMap(load -> sizes().map(s -> Arguments.of(load, s.get()[0], s.get()[1])));
    }

    static Stream<Arguments> heavyLoad() {
        return sizes().map(s -> Arguments.of(0.9, s.get()[0], s.get()[1]));
    }

    /** Measures {@code jobs} per replication after 2,000 and checks the closed form. */
    private static void check(double load, String name, Distribution sizes, int jobs, long seed) {
        SharedJobs model = new SharedJobs(C, load, sizes, 2_000, jobs);
        Estimate sojourn = FamilyWise.estimate(model.meanSojournsSeconds(PS, seed, REPLICATIONS));
        double expected = model.processorSharingMeanSojournSeconds();
        String what = "rho=" + load + ", " + name + ": mean sojourn " + sojourn + ", M/G/1-PS " + expected;
        assertTrue(sojourn.contains(expected), what);
        assertTrue(sojourn.halfWidth() < 0.03 * expected, "narrow enough to mean something: " + what);
    }

    @ParameterizedTest(name = "rho={0}, {1} sizes")
    @MethodSource("defaultLoads")
    void meanSojourn_poissonJobs_isMg1ProcessorSharingWhateverTheSizes(double load, String name, Distribution sizes) {
        check(load, name, sizes, load < 0.5 ? 100_000 : 200_000, 1313);
    }

    /** The heaviest load, behind the slow profile ({@code mvn -B -Pslow verify}, docs/design.md). */
    @Tag("slow")
    @ParameterizedTest(name = "rho={0}, {1} sizes")
    @MethodSource("heavyLoad")
    void meanSojourn_heavyLoad_isMg1ProcessorSharingWhateverTheSizes(double load, String name, Distribution sizes) {
        check(load, name, sizes, 2_000_000, 1313);
    }

    /**
     * Not statistical: on the same arrivals and sizes, a job cut into frames of 12,000 bits (the last one
     * the rest) queued at once leaves when it would as one unit, for each of 20,000 jobs; under round robin
     * too, whose intervals send a queue's bits across its frames' boundaries. Up to 1 microsecond: the
     * frames' extra events round the event times differently (times reach 3e4 s, where a double's step is
     * 4e-12 s; the largest difference seen is 4e-9 s over busy periods of thousands of events), while a
     * frame boundary that cost service would show at the scale of a frame's time, 12 ms at the full rate.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void jobOfManyFrames_queuedAtOnce_leavesAsOneJobOfTheirTotalSize(String name, SchedulingPolicy policy) {
        SharedJobs model = new SharedJobs(C, 0.6, new Distribution.Exponential(MEAN_BITS), 0, 20_000);
        double[] whole = model.sojournsSeconds(policy, 7, 0, SharedJobs.ONE_UNIT);
        double[] framed = model.sojournsSeconds(policy, 7, 0, 12_000);
        for (int job = 0; job < whole.length; job++) {
            assertEquals(whole[job], framed[job], 1e-6, "job " + job);
        }
    }

    static Stream<Arguments> policies() {
        return Stream.of(Arguments.of("processor sharing", PS), Arguments.of("round robin", new RoundRobin(0.01)));
    }
}
