package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.PhoneNumber;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.FlowStatistics;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.stats.Traffic;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadConfig;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ARQ and control timers under a varying rate: on a lossless shared cell a frame or message may wait in
 * its queue far longer than the retransmission timeout, and its timer counts from its departure, so no
 * timer fires before the answer could come back: not one retransmission, every backup a success. Both
 * directions are shared (the acknowledgements queue too), the window is smaller than an object (so the
 * timers pace the transfer), and the timeouts are 0.5 s (data) and 1 s (control), while an answer comes
 * back within a few tens of milliseconds of its unit's departure. Cells of 10 and 100 connected users at
 * loads 0.3 to 0.9, Poisson backups, both policies; and 100 backups started at once, each served at
 * 1 % of the cell, whose frames wait seconds in the queue: a timer counted from the hand-over would fire.
 */
final class SharedCellArqTest {

    private static final double C = 1e6;
    private static final double TIMEOUT_SECONDS = 0.5;
    private static final LinkConfig LINK = new LinkConfig(C, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final double MEAN_OBJECT_BYTES = 20_000;
    /** The uplink bits of a mean backup: the object, 20 frame headers, request and complete. */
    private static final double MEAN_WORK_BITS = 8 * (MEAN_OBJECT_BYTES + 20 * 20 + 2 * 20);

    private static AirInterface air(SchedulingPolicy policy) {
        return new AirInterface(LINK, LINK, 0.05, 0, Double.POSITIVE_INFINITY, 0.01)
                .withCapacity(new CellCapacity.Shared(C, C, policy));
    }

    private static Simulation.Builder simulation(SchedulingPolicy policy, int users) {
        return Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(4, TIMEOUT_SECONDS, 3), new ControlConfig(1.0, 3)))
                .airInterface(air(policy))
                .station("bs-1", users, Long.MAX_VALUE)
                .seed(2026);
    }

    static Stream<Arguments> cells() {
        return Stream.of(10, 100).flatMap(users -> Stream.of(0.3, 0.6, 0.9).flatMap(load -> Stream.of(
                Arguments.of(users, load, "processor sharing", new ProcessorSharing()),
                Arguments.of(users, load, "round robin", new RoundRobin(0.001)))));
    }

    @ParameterizedTest(name = "{0} users, load {1}, {2}")
    @MethodSource("cells")
    void poissonBackups_losslessSharedCell_noRetransmission(int users, double load, String name,
            SchedulingPolicy policy) {
        ReplicationResult r = simulation(policy, users)
                .workload(WorkloadConfig.backupsOnly(100_000, load * C / MEAN_WORK_BITS,
                        new Distribution.Exponential(MEAN_OBJECT_BYTES)))
                .runLengthSeconds(400)
                .build()
                .runReplication(0);
        FlowStatistics backups = r.flowsOf(FlowKind.BACKUP);
        assertTrue(backups.counts().flows() > 500, "flows: " + backups.counts().flows());
        long unblocked = backups.counts().flows() - r.count(FlowKind.BACKUP, FlowOutcome.BLOCKED);
        assertEquals(unblocked, r.count(FlowKind.BACKUP, FlowOutcome.SUCCESS), "every backup that connected succeeds");
        assertNothingRetransmitted(r.traffic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void hundredBackupsAtOnce_framesWaitFarLongerThanTheTimeout_noRetransmission(String name,
            SchedulingPolicy policy) {
        Simulation.Builder builder = simulation(policy, 100);
        for (int i = 0; i < 100; i++) {
            builder.scriptedFlow(new ScriptedFlow.Backup(0, "bs-1", PhoneNumber.of(String.format("0100%03d", i)),
                    50_000, 10, ModelHarness.PASSWORD));
        }
        ReplicationResult r = builder.runLengthSeconds(1).build().runReplication(0);
        FlowStatistics backups = r.flowsOf(FlowKind.BACKUP);
        assertEquals(100, r.count(FlowKind.BACKUP, FlowOutcome.SUCCESS));
        assertNothingRetransmitted(r.traffic());
        // 100 x 50 kB share 1 Mbit/s: about 40 s of transfer, a window of 4 frames takes seconds to leave.
        assertTrue(backups.phaseMeanSeconds(FlowPhase.TRANSFER) > 40 * TIMEOUT_SECONDS,
                "the frames waited: transfer " + backups.phaseMeanSeconds(FlowPhase.TRANSFER) + " s");
    }

    static Stream<Arguments> policies() {
        return Stream.of(Arguments.of("processor sharing", new ProcessorSharing()),
                Arguments.of("round robin", new RoundRobin(0.001)));
    }

    private static void assertNothingRetransmitted(Traffic traffic) {
        assertEquals(0, traffic.uplink().retransmissions(), "uplink retransmissions");
        assertEquals(0, traffic.downlink().retransmissions(), "downlink retransmissions");
        assertEquals(0, traffic.data().framesRetransmitted(), "data frames retransmitted");
    }
}
