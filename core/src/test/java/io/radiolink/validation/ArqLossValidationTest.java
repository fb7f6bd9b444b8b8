package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.NoLoss;
import io.radiolink.simulation.Simulation;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ARQ under Bernoulli loss: the mean number of transmissions per delivered data frame is 1/(1-p) when
 * only the data direction loses, and 1/(1-p)^2 when acknowledgements are lost too (a transmission
 * counts only once both the frame and its acknowledgement got through; the timeout exceeds the round
 * trip, so no acknowledgement races a retransmission).
 *
 * <p>Each frame's transmission count is geometric with success probability s, independent of the
 * others, so over n frames the sample mean has standard error sqrt((1-s)/s^2/n). The tolerance is the
 * normal interval at the family-wise rule's per-check level ({@link FamilyWise#twoSidedZ}, the one-sided
 * checks {@link FamilyWise#oneSidedZ}), with n of the order of 40,000 frames.
 *
 * <p>A download with acknowledgements lost too needs <em>fewer</em> transmissions than 1/(1-p)^2, and
 * that is right: the terminal sends its complete command as soon as it holds every frame, and the
 * station then stops retransmitting frames whose acknowledgements were lost (measured: 1.537 against
 * 1.5625 at p = 0.2). A backup has no such shortcut, since the terminal completes only once every frame
 * is acknowledged. {@link #transmissionsPerFrame_downloadWithAckLoss_completeCommandSavesTailRetransmissions}
 * pins that direction.
 */
final class ArqLossValidationTest {

    private static final LinkConfig CLEAN = new LinkConfig(2_000_000, 0.005, 1_000, 0, 10, NoLoss.INSTANCE);

    @ParameterizedTest(name = "p={0}, acknowledgements lost too: {1}, {2}")
    @CsvSource({
        "0.1, false, BACKUP", "0.3, false, BACKUP", "0.1, true, BACKUP", "0.3, true, BACKUP",
        "0.2, false, DOWNLOAD"})
    void transmissionsPerFrame_bernoulliLoss_matchGeometricMean(double p, boolean acksLost, FlowKind kind) {
        double[] counts = transmissions(p, acksLost, kind);
        double frames = counts[0] - counts[1];
        double success = acksLost ? (1 - p) * (1 - p) : 1 - p;
        double expected = Theory.meanTransmissions(success);
        double measured = counts[0] / frames;
        double standardError = Math.sqrt((1 - success) / (success * success) / frames);
        assertTrue(frames > 30_000, "enough frames for the stated tolerance: " + frames);
        assertEquals(expected, measured, FamilyWise.twoSidedZ() * standardError,
                () -> "p=" + p + ", frames=" + frames + ", expected " + expected + ", measured " + measured);
    }

    @Test
    void transmissionsPerFrame_downloadWithAckLoss_completeCommandSavesTailRetransmissions() {
        double p = 0.2;
        double[] counts = transmissions(p, true, FlowKind.DOWNLOAD);
        double frames = counts[0] - counts[1];
        double measured = counts[0] / frames;
        double bothLost = Theory.meanTransmissions((1 - p) * (1 - p));
        double dataOnly = Theory.meanTransmissions(1 - p);
        double standardError = Math.sqrt(p * (2 - p) / ((1 - p) * (1 - p) * (1 - p) * (1 - p)) / frames);
        assertTrue(measured < bothLost - FamilyWise.oneSidedZ() * standardError, "fewer than 1/(1-p)^2: " + measured);
        assertTrue(measured > dataOnly + FamilyWise.oneSidedZ() * standardError, "but more than 1/(1-p): " + measured);
    }

    /** Data frames sent and retransmitted in flows of {@code kind}, over one run. */
    private static double[] transmissions(double p, boolean acksLost, FlowKind kind) {
        LossModel loss = new BernoulliLoss(p);
        LossModel reverse = acksLost ? loss : NoLoss.INSTANCE;
        // Data goes uplink in a backup and downlink in a download; acknowledgements the other way.
        LinkConfig uplink = CLEAN.withLossModel(kind == FlowKind.BACKUP ? loss : reverse);
        LinkConfig downlink = CLEAN.withLossModel(kind == FlowKind.BACKUP ? reverse : loss);
        AirInterface air = new AirInterface(uplink, downlink, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);
        AtomicLong sent = new AtomicLong();
        AtomicLong retransmitted = new AtomicLong();
        Simulation simulation = Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(32, 0.1, 60), new ControlConfig(0.1, 60)))
                .airInterface(air)
                .station("bs-1", 100, Long.MAX_VALUE)
                .workload(WorkloadConfig.backupsOnly(1_000_000, 0.5, new Distribution.Fixed(100_000))
                        .withRestores(kind == FlowKind.DOWNLOAD ? 1.0 : 0.0, new Distribution.Fixed(1)))
                .runLengthSeconds(800)
                .seed(20261126)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        assertEquals(FlowOutcome.SUCCESS, record.outcome(), record.toString());
                        if (record.kind() == kind) {
                            sent.addAndGet(record.data().framesSent());
                            retransmitted.addAndGet(record.data().framesRetransmitted());
                        }
                    }
                })
                .build();
        simulation.run();
        return new double[] {sent.get(), retransmitted.get()};
    }
}
