package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Blocking at a base station with c channels under Poisson connection requests is Erlang's B(c, A)
 * with offered load A = lambda E[H], whatever the distribution of the holding time H (insensitivity):
 * here H is the whole channel holding time (set-up, request, transfer, complete exchange, release), and
 * fixed and exponential data sizes of the same mean give the same blocking.
 *
 * <p>Tolerance, from the sample: the Student-t interval at the family-wise rule's per-check confidence ({@link FamilyWise}) of the mean blocking across 12
 * replications, widened by the change of B(c, A) over the same-level interval of the measured mean holding
 * time (A uses the configured arrival rate and the holding time measured in the same runs). The
 * population is a million subscribers per station, so an arrival almost never picks a busy phone
 * (the test checks fewer than 0.1% were skipped). Warm-up: 200 s, about 40 mean holding times.
 */
final class ErlangBValidationTest {

    /** 100 kbit/s with 5,000-byte frames: a 50 kB backup is 10 frames of 0.4 s; clean, no drops. */
    private static final LinkConfig LINK = new LinkConfig(100_000, 0.002, 5_000, 0, 10, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.5, 0, Double.POSITIVE_INFINITY, 0.1);
    private static final ProtocolConfig PROTOCOL =
            new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.5, 5), new ControlConfig(0.5, 5));
    private static final double MEAN_SIZE = 50_000;
    private static final int REPLICATIONS = 12;

    /** Blocking and holding time of one configuration, with their intervals at the per-check confidence across replications. */
    private record Measured(Estimate blocking, Estimate holding, double arrivalRate, int channels) {
        double erlang(double holdingSeconds) {
            return Theory.erlangB(channels, arrivalRate * holdingSeconds);
        }

        /** The tolerance: the blocking interval plus B's change over the holding-time interval. */
        double tolerance() {
            double spread = Math.max(Math.abs(erlang(holding.upper()) - erlang(holding.mean())),
                    Math.abs(erlang(holding.lower()) - erlang(holding.mean())));
            return blocking.halfWidth() + spread;
        }
    }

    private static Measured measure(int channels, double offeredErlangs, Distribution sizes) {
        // The mean holding time with fixed 50 kB: 0.5 s set-up + request + 4 s transfer + complete + 0.1 s.
        double nominalHolding = 4.62;
        double rate = offeredErlangs / nominalHolding;
        SimulationResult result = Simulation.builder()
                .protocol(PROTOCOL)
                .airInterface(AIR)
                .station("bs-1", channels, Long.MAX_VALUE)
                .workload(WorkloadConfig.backupsOnly(1_000_000, rate, sizes))
                .runLengthSeconds(4_000)
                .warmupSeconds(200)
                .replications(REPLICATIONS)
                .seed(1926 + channels)
                .build()
                .run(2);
        double[] blocking = new double[REPLICATIONS];
        double[] holding = new double[REPLICATIONS];
        for (ReplicationResult r : result.replications()) {
            blocking[r.replication()] = r.blockingProbability();
            holding[r.replication()] = r.meanHoldingSeconds();
            assertTrue(r.workload().arrivalsSkippedTerminalBusy() < 0.001 * r.cellTotals().attempts(), "Poisson arrivals stay Poisson");
        }
        return new Measured(FamilyWise.estimate(blocking), FamilyWise.estimate(holding), rate, channels);
    }

    @ParameterizedTest(name = "c={0}, A={1}")
    @CsvSource({"1, 0.5", "2, 1.0", "5, 3.0", "10, 7.0"})
    void blocking_poissonRequests_matchesErlangB_andIsInsensitiveToSizeDistribution(int channels, double erlangs) {
        Measured fixed = measure(channels, erlangs, new Distribution.Fixed(MEAN_SIZE));
        Measured exponential = measure(channels, erlangs, new Distribution.Exponential(MEAN_SIZE));

        for (Measured m : new Measured[] {fixed, exponential}) {
            double expected = m.erlang(m.holding().mean());
            assertEquals(expected, m.blocking().mean(), m.tolerance(),
                    () -> "c=" + channels + ": blocking " + m.blocking() + ", holding " + m.holding()
                            + ", Erlang B " + expected);
        }
        // Same mean size: blockings agree up to their own uncertainty and the small difference in mean
        // holding time (frame rounding makes exponential sizes hold slightly longer).
        double allowed = Math.hypot(fixed.tolerance(), exponential.tolerance())
                + Math.abs(fixed.erlang(fixed.holding().mean()) - exponential.erlang(exponential.holding().mean()));
        assertEquals(fixed.blocking().mean(), exponential.blocking().mean(), allowed, "insensitivity");
    }
}
