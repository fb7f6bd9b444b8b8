package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.stats.CellStatistics;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import org.junit.jupiter.api.Test;

/**
 * Random access against the slotted-contention formulas. With Poisson preamble transmissions at G per
 * slot spread uniformly over P preambles, a preamble is alone in its slot with probability
 * {@code exp(-G/P)} (the others on its preamble are Poisson with mean G/P), so it collides with
 * {@code c = 1 - exp(-G/P)}.
 * <ul>
 *   <li>One transmission per attempt: attempts are the Poisson arrivals themselves, G = lambda * slot, and
 *       the share of attempts that fail with ACCESS_FAILED is c, exactly.
 *   <li>Up to M transmissions with random back-off: the classic fixed point G = lambda * slot * (1 + c +
 *       ... + c^(M-1)), c = 1 - exp(-G/P), which treats retransmissions as Poisson too (an approximation
 *       that a wide back-off window makes good); the failure share is then c^M.
 * </ul>
 * Tolerance: the Student-t interval at the family-wise rule's per-check confidence ({@link FamilyWise}) across 8 replications of the measured per-replication share.
 */
final class RandomAccessValidationTest {

    private static final LinkConfig LINK = new LinkConfig(10_000_000, 0.001, 10_000, 0, 10, NoLoss.INSTANCE);
    private static final int PREAMBLES = 4;
    private static final double SLOT_SECONDS = 1.0;
    private static final int REPLICATIONS = 8;

    private static SimulationResult run(double arrivalsPerSecond, int maxAttempts, int backoffWindowSlots) {
        AirInterface air = new AirInterface(LINK, LINK, 0.01, 0, Double.POSITIVE_INFINITY, 0.01,
                new RandomAccessConfig(SLOT_SECONDS, PREAMBLES, backoffWindowSlots, maxAttempts));
        return Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(8, 0.1, 5), new ControlConfig(0.1, 5)))
                .airInterface(air)
                .station("bs-1", 1_000, Long.MAX_VALUE)
                .workload(WorkloadConfig.backupsOnly(10_000_000, arrivalsPerSecond, new Distribution.Fixed(1_000)))
                .runLengthSeconds(3_000)
                .warmupSeconds(100)
                .replications(REPLICATIONS)
                .seed(1971)
                .build()
                .run(2);
    }

    private static Estimate perReplication(SimulationResult result, java.util.function.ToDoubleFunction<ReplicationResult> f) {
        return FamilyWise.estimate(result.replications().stream().mapToDouble(f).toArray());
    }

    @Test
    void oneTransmission_poissonAttempts_collisionAndFailureShareAreOneMinusExpOfLoadPerPreamble() {
        double lambda = 2.0;
        double expected = 1 - Math.exp(-lambda * SLOT_SECONDS / PREAMBLES);
        SimulationResult result = run(lambda, 1, 1);
        Estimate collisions = perReplication(result, r -> r.cells().get("bs-1").counts().collisionProbability());
        Estimate failures = perReplication(result, r -> (double) r.count(FlowKind.BACKUP, FlowOutcome.ACCESS_FAILED)
                / r.flowsOf(FlowKind.BACKUP).counts().flows());
        assertEquals(expected, collisions.mean(), collisions.halfWidth(), "collision probability " + collisions);
        assertEquals(expected, failures.mean(), failures.halfWidth(), "failure share " + failures);
    }

    @Test
    void threeTransmissions_wideBackoff_matchTheFixedPoint() {
        double lambda = 1.0;
        int attempts = 3;
        double perSlot = lambda * SLOT_SECONDS;
        double c = 0.5;
        for (int i = 0; i < 200; i++) {
            double load = perSlot * (1 + c + c * c);
            c = 1 - Math.exp(-load / PREAMBLES);
        }
        double collision = c;
        double failure = Math.pow(c, attempts);
        SimulationResult result = run(lambda, attempts, 32);
        Estimate collisions = perReplication(result, r -> r.cells().get("bs-1").counts().collisionProbability());
        Estimate failures = perReplication(result, r -> (double) r.count(FlowKind.BACKUP, FlowOutcome.ACCESS_FAILED)
                / r.flowsOf(FlowKind.BACKUP).counts().flows());
        assertEquals(collision, collisions.mean(), collisions.halfWidth(), "collision probability " + collisions
                + " vs fixed point " + collision);
        assertEquals(failure, failures.mean(), failures.halfWidth(), "failure share " + failures
                + " vs fixed point " + failure);
        CellStatistics cell = result.replications().get(0).cells().get("bs-1");
        assertTrue(cell.counts().preambleTransmissions() > cell.counts().attempts(), "retransmissions happen");
    }
}
