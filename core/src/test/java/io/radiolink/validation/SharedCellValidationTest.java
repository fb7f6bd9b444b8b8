package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.stats.Traffic;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A shared cell end to end, through {@link Simulation}: backups with Poisson arrivals on a cell whose
 * uplink of C = 1 Mbit/s is shared by processor sharing, against M/G/1-PS. The closed forms' conditions:
 * set-up and release delays zero, propagation zero, every object one data frame (a window of one frame is
 * the whole object), a terminal's cap equal to C, no loss, and the uplink work S of a flow counting every
 * bit it puts on the uplink: its request and complete commands and the data frame's header with the
 * payload, S = 8 (2 c + h + X) bits (c = h = 20 bytes, X the object, mean 12,500 bytes; the workload
 * rounds a drawn size up to whole bytes, which adds between 0 and 1 byte, taken as 1/2: an error of at
 * most 4 bits in E[S] = 100,484 bits, 4e-5 of it).
 *
 * <p><b>What is measured:</b> a flow's transfer time is its completion time, from its start (the
 * connection request) to the end of its connection, over the successful backups that started in the
 * window (they all succeed). The control messages' work is not a bias: the request and the complete are
 * counted in S, as the data frame's header is. <b>What is left, and its bound:</b> besides its uplink work,
 * a flow waits three times for a control message on the downlink (the response, the data frame's
 * acknowledgement, the station's complete), during which it has nothing queued on the uplink. The
 * downlink is shared too, at 1 Gbit/s: one 160-bit message takes at most n × 0.16 µs with n flows
 * connected, so a flow's own waits add at most 0.5 µs × n to its time. While it waits the uplink stays
 * work-conserving, unless the flow is alone, when it idles for the wait, which delays the work behind by
 * at most that wait. With n below a few dozen at these loads both effects stay under 10⁻⁴ of the closed
 * forms (0.14 to 1 s), far inside every interval here (of order 1 % and more).
 *
 * <p>Checks (each in {@link FamilyWise}'s family; tolerances from the sample: the Student-t interval of
 * the per-replication means across the replications at the per-check confidence must contain the closed
 * form, and be narrower than 5 % of it, a precision condition, not a check):
 * <ul>
 *   <li>the mean transfer time E[S] / (C (1 − ρ)) at ρ = 0.3 and 0.6, and 0.9 in the slow profile, each
 *       with exponential and with log-normal objects (standard deviation twice the mean) of the same mean:
 *       insensitivity;</li>
 *   <li>with the connection cap K = 4 ({@code channels}) at ρ = 0.8, the blocking of M/M/1/K-PS,
 *       (1 − ρ) ρ^K / (1 − ρ^(K+1)), for both size laws (M/G/1/K-PS is insensitive too).</li>
 * </ul>
 * Besides (not statistical): no flow fails and nothing is retransmitted.
 */
final class SharedCellValidationTest {

    /** The statistical checks: three loads and two size laws of the mean; the blocking for two size laws. */
    static final int CHECKS = 8;

    private static final double C = 1e6;
    private static final double DOWNLINK_BITS_PER_SECOND = 1e9;
    private static final int CONTROL_BYTES = 20;
    private static final int HEADER_BYTES = 20;
    private static final double MEAN_OBJECT_BYTES = 12_500;
    /** E[S]: the request, the data frame (header and payload, rounded up to bytes), the complete. */
    private static final double MEAN_WORK_BITS = 8 * (2 * CONTROL_BYTES + HEADER_BYTES + MEAN_OBJECT_BYTES + 0.5);
    private static final int NO_CAP = 1_000_000;
    private static final int REPLICATIONS = 12;

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("exponential", new Distribution.Exponential(MEAN_OBJECT_BYTES)),
                Arguments.of("log-normal", Distribution.LogNormal.ofMeanAndStdDev(MEAN_OBJECT_BYTES, 2 * MEAN_OBJECT_BYTES)));
    }

    /**
     * Load, size law and counted flows per replication: log-normal objects (standard deviation twice the
     * mean) need twice as many flows at 0.3 for the interval's precision condition.
     */
    static Stream<Arguments> defaultLoads() {
        Object[] exponential = sizes().toList().get(0).get();
        Object[] logNormal = sizes().toList().get(1).get();
        return Stream.of(
                Arguments.of(0.3, exponential[0], exponential[1], 5_000),
                Arguments.of(0.3, logNormal[0], logNormal[1], 10_000),
                Arguments.of(0.6, exponential[0], exponential[1], 15_000),
                Arguments.of(0.6, logNormal[0], logNormal[1], 30_000));
    }

    static Stream<Arguments> heavyLoad() {
        Object[] exponential = sizes().toList().get(0).get();
        Object[] logNormal = sizes().toList().get(1).get();
        return Stream.of(
                Arguments.of(0.9, exponential[0], exponential[1], 400_000),
                Arguments.of(0.9, logNormal[0], logNormal[1], 800_000));
    }

    /** The shared cell: uplink C, downlink 1 Gbit/s, each link capped at its direction's capacity. */
    static AirInterface air() {
        LinkConfig uplink = new LinkConfig(C, 0, 1_000_000_000, HEADER_BYTES, CONTROL_BYTES, NoLoss.INSTANCE);
        LinkConfig downlink = uplink.withRateBitsPerSecond(DOWNLINK_BITS_PER_SECOND);
        return new AirInterface(uplink, downlink, 0, 0, Double.POSITIVE_INFINITY, 0)
                .withCapacity(new CellCapacity.Shared(C, DOWNLINK_BITS_PER_SECOND, new ProcessorSharing()));
    }

    /** Backups at load {@code load} on one shared cell of {@code channels}: {@code flows} counted per replication after {@code warmupFlows}. */
    static SimulationResult run(double load, Distribution sizes, int channels, int warmupFlows, int flows, long seed) {
        double arrivalsPerSecond = load * C / MEAN_WORK_BITS;
        return Simulation.builder()
                // Timers far above any round trip here (microseconds after a departure): none fires.
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(1, 1.0, 3), new ControlConfig(1.0, 3)))
                .airInterface(air())
                .station("bs-1", channels, Long.MAX_VALUE)
                .workload(WorkloadConfig.backupsOnly(1_000_000, arrivalsPerSecond, sizes))
                .warmupSeconds(warmupFlows / arrivalsPerSecond)
                .runLengthSeconds((warmupFlows + flows) / arrivalsPerSecond)
                .replications(REPLICATIONS)
                .seed(seed)
                .build()
                .run(2);
    }

    private static void checkMeanTransferTime(double load, String name, Distribution sizes, int flows) {
        SimulationResult result = run(load, sizes, NO_CAP, 2_000, flows, 1313);
        double[] means = new double[REPLICATIONS];
        for (ReplicationResult r : result.replications()) {
            assertEquals(r.flowsOf(FlowKind.BACKUP).counts().flows(), r.count(FlowKind.BACKUP, FlowOutcome.SUCCESS),
                    "every backup succeeds");
            assertNothingRetransmitted(r.traffic());
            means[r.replication()] = r.flowsOf(FlowKind.BACKUP).completionMeanSeconds();
        }
        Estimate mean = FamilyWise.estimate(means);
        double expected = MEAN_WORK_BITS / (C * (1 - load));
        String what = "rho=" + load + ", " + name + ": mean transfer time " + mean + ", M/G/1-PS " + expected;
        assertTrue(mean.contains(expected), what);
        assertTrue(mean.halfWidth() < 0.05 * expected, "narrow enough to mean something: " + what);
    }

    static void assertNothingRetransmitted(Traffic traffic) {
        assertEquals(0, traffic.uplink().retransmissions() + traffic.downlink().retransmissions(), "retransmissions");
    }

    @ParameterizedTest(name = "rho={0}, {1} sizes")
    @MethodSource("defaultLoads")
    void meanTransferTime_poissonBackups_isMg1ProcessorSharingWhateverTheSizes(double load, String name,
            Distribution sizes, int flows) {
        checkMeanTransferTime(load, name, sizes, flows);
    }

    /** The heaviest load, behind the slow profile ({@code mvn -B -Pslow verify}, docs/design.md). */
    @Tag("slow")
    @ParameterizedTest(name = "rho={0}, {1} sizes")
    @MethodSource("heavyLoad")
    void meanTransferTime_heavyLoad_isMg1ProcessorSharingWhateverTheSizes(double load, String name,
            Distribution sizes, int flows) {
        checkMeanTransferTime(load, name, sizes, flows);
    }

    @ParameterizedTest(name = "{0} sizes")
    @MethodSource("sizes")
    void blocking_connectionCapK_isMm1kProcessorSharingWhateverTheSizes(String name, Distribution sizes) {
        double load = 0.8;
        int k = 4;
        SimulationResult result = run(load, sizes, k, 2_000, 15_000, 1717);
        double[] blocking = new double[REPLICATIONS];
        for (ReplicationResult r : result.replications()) {
            assertNothingRetransmitted(r.traffic());
            blocking[r.replication()] = r.blockingProbability();
        }
        Estimate estimate = FamilyWise.estimate(blocking);
        double expected = (1 - load) * Math.pow(load, k) / (1 - Math.pow(load, k + 1));
        String what = name + ": blocking " + estimate + ", M/M/1/K-PS " + expected;
        assertTrue(estimate.contains(expected), what);
        assertTrue(estimate.halfWidth() < 0.1 * expected, "narrow enough to mean something: " + what);
    }
}
