package io.radiolink.validation;

import io.radiolink.stats.Estimate;
import org.apache.commons.math3.distribution.NormalDistribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test suite's family-wise rule: the statistical checks of this package and those of unit tests in
 * core's other packages, in the default build and the slow profile together, are one family, and a model
 * that is right fails any of them with probability at most {@link #FAMILY_WISE_ERROR}. Bonferroni: each
 * check is made at the level {@code FAMILY_WISE_ERROR / checks()}, so its interval has confidence
 * {@link #perCheckConfidence()}.
 *
 * <p>A check is one interval compared with its reference (one assertion per case of a parameterized
 * test); {@link #CHECKS} counts them per test class. Every check of the family uses this rule: a
 * Student-t interval from {@link #estimate}, or a normal one from {@link #twoSidedZ} / {@link #oneSidedZ}
 * where a test has a standard error of its own. docs/statistics.md ("The validation suite's family-wise rule")
 * says how the checks use it. Public so that the unit tests of other packages reach it.
 */
public final class FamilyWise {

    /** The probability, for a model that is right, that any check of the family fails. */
    static final double FAMILY_WISE_ERROR = 0.05;

    /** The statistical checks of each validation test class, over all its cases. */
    static final Map<String, Integer> CHECKS = byClass();

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private FamilyWise() {}

    private static Map<String, Integer> byClass() {
        Map<String, Integer> checks = new LinkedHashMap<>();
        outsideThePackage(checks);
        // Five parameterized cases of one check, and the download's two one-sided checks.
        checks.put("ArqLossValidationTest", 7);
        // Four cases of three checks: the two blockings against Erlang B, and their agreement. A blocking's
        // tolerance joins two intervals at the per-check level (the blocking's, and the holding time's pushed
        // through B), so a right model fails it with probability up to twice the level: it counts twice.
        checks.put("ErlangBValidationTest", 20);
        // Three cases of the loss rate, two of them also of the burst length.
        checks.put("GilbertElliottValidationTest", 5);
        checks.put("LittleLawValidationTest", 1);
        // Two cases of two checks: collisions and failures.
        checks.put("RandomAccessValidationTest", 4);
        checks.put("ProcessorSharingValidationTest", ProcessorSharingValidationTest.CHECKS);
        checks.put("RoundRobinValidationTest", RoundRobinValidationTest.CHECKS);
        checks.put("BackhaulQueueValidationTest", BackhaulQueueValidationTest.CHECKS);
        checks.put("RelocationValidationTest", RelocationValidationTest.CHECKS);
        checks.put("SharedCellValidationTest", SharedCellValidationTest.CHECKS);
        return Collections.unmodifiableMap(checks);
    }

    /**
     * The statistical checks of unit tests in core's other packages, keyed by the class's name under
     * {@code io.radiolink} (FamilyWiseTest finds them by their use of this rule). A case whose tolerance is
     * zero for want of randomness (no loss, a fixed size, no jitter) is exact, not a check.
     */
    private static void outsideThePackage(Map<String, Integer> checks) {
        // Five loss models (no loss is exact) of two checks, and the burst and gap lengths of Gilbert's.
        checks.put("radio.LossModelTest", 12);
        checks.put("radio.RadioCellTest", 1);
        checks.put("protocol.OutageTest", 1);
        checks.put("protocol.ChunkingTest", 2);
        // The success share and the attempts per success; the mean jittered back-off.
        checks.put("protocol.ResumeTest", 3);
        // Four distributions (a fixed one is exact).
        checks.put("workload.DistributionTest", 4);
        checks.put("workload.WorkloadGeneratorTest", 2);
    }

    /** The number of checks in the family. */
    static int checks() {
        return CHECKS.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The confidence of each check's interval: {@code 1 - FAMILY_WISE_ERROR / checks()}. */
    static double perCheckConfidence() {
        return 1 - FAMILY_WISE_ERROR / checks();
    }

    /** The standard normal quantile of a two-sided check at the per-check level. */
    public static double twoSidedZ() {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - FAMILY_WISE_ERROR / checks() / 2);
    }

    /** The standard normal quantile of a one-sided check at the per-check level. */
    public static double oneSidedZ() {
        return STANDARD_NORMAL.inverseCumulativeProbability(1 - FAMILY_WISE_ERROR / checks());
    }

    /** The Student-t interval of the per-replication {@code values} at the per-check confidence. */
    public static Estimate estimate(double[] values) {
        return Estimate.of(values, perCheckConfidence());
    }
}
