package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radiolink.node.StationConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ARQ throughput on a clean link whose round trip is many frame times: stop-and-wait reaches
 * {@code T_f / (T_f + RTT)} and a window of W frames {@code min(1, W T_f / (T_f + RTT))}, where
 * {@code T_f} is a data frame's transmission time and {@code RTT} the time from a frame's last bit
 * leaving to its acknowledgement's arrival (two propagation delays plus the acknowledgement's own
 * transmission time).
 *
 * <p>The link is clean, so the run is deterministic and the only departure from the formula is the
 * start-up and drain of the pipe: at most one cycle {@code T_f + RTT} over a transfer of N = 2,000
 * frames, under 0.7% of the transfer time here. The stated tolerance is 1% (relative).
 */
final class ArqEfficiencyTest {

    private static final int FRAMES = 2_000;
    private static final int PAYLOAD = 1_000;
    private static final LinkConfig LONG_FAT_LINK =
            new LinkConfig(1_000_000, 0.050, PAYLOAD, 0, 10, NoLoss.INSTANCE);
    private static final double TOLERANCE = 0.01;

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 2, 4, 8, 13, 14, 16, 64})
    void transfer_cleanLongLink_efficiencyMatchesTheory(int window) {
        double frameSeconds = LONG_FAT_LINK.transmissionSeconds(PAYLOAD);
        double rtt = 2 * LONG_FAT_LINK.propagationDelaySeconds()
                + LONG_FAT_LINK.transmissionSeconds(LONG_FAT_LINK.controlFrameBytes());
        double expected = Math.min(1.0, window * frameSeconds / (frameSeconds + rtt));

        double measured = efficiency(window == 1 ? ArqConfig.stopAndWait(1.0, 3)
                : ArqConfig.selectiveRepeat(window, 1.0, 3));

        assertEquals(expected, measured, expected * TOLERANCE,
                () -> "W=" + window + ": T_f=" + frameSeconds + " s, RTT=" + rtt + " s");
    }

    /** Busy fraction of the uplink during the transfer phase of a backup of FRAMES full frames. */
    private static double efficiency(ArqConfig arq) {
        AirInterface air = new AirInterface(LONG_FAT_LINK, LONG_FAT_LINK, 0.1, 0, Double.POSITIVE_INFINITY, 0);
        AtomicReference<Flow> flow = new AtomicReference<>();
        ModelHarness h = new ModelHarness().protocol(ModelHarness.PROTOCOL.withArq(arq));
        h.run(m -> flow.set(m.service().terminals().startBackup(terminalWithData("0100", (long) FRAMES * PAYLOAD, true),
                m.station(StationConfig.of("bs-1", 1, Long.MAX_VALUE, air)))));
        assertEquals(FlowOutcome.SUCCESS, h.record(flow.get()).outcome());
        assertEquals(FRAMES, h.record(flow.get()).data().framesSent(), "a clean link needs no retransmission");
        double transfer = h.phaseStart(flow.get(), FlowPhase.COMPLETE) - h.phaseStart(flow.get(), FlowPhase.TRANSFER);
        return FRAMES * LONG_FAT_LINK.transmissionSeconds(PAYLOAD) / transfer;
    }
}
