package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import org.junit.jupiter.api.Test;

/** The contents of a flow record: phase times that add up, integrity checks, per-direction counts. */
final class FlowRecordTest {

    @Test
    void phaseTimes_successfulFlows_matchPhaseEventsAndAddUpToTheDuration() {
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation station = m.station(CLEAN_AIR);
            Terminal a = terminalWithData("0100", 5_000, true);
            m.service().startBackup(a, station);
            m.at(100, () -> m.service().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), station));
        });
        for (FlowRecord r : h.records) {
            double sum = 0;
            for (FlowPhase phase : FlowPhase.values()) {
                // BACKOFF is entered only between the attempts of a reconnecting flow.
                assertEquals(phase != FlowPhase.BACKOFF, r.phaseTimes().entered(phase), r.toString());
                if (r.phaseTimes().entered(phase)) {
                    sum += r.phaseTimes().seconds(phase);
                }
            }
            assertEquals(r.durationSeconds(), sum, 1e-9);
            assertEquals(CLEAN_AIR.setupDelaySeconds(), r.phaseTimes().seconds(FlowPhase.SETUP), 1e-12);
            assertEquals(CLEAN_AIR.releaseDelaySeconds(), r.phaseTimes().seconds(FlowPhase.RELEASE), 1e-12);
            double transferStart = h.phases.stream()
                    .filter(p -> p.flowId() == r.flowId() && p.phase() == FlowPhase.TRANSFER)
                    .findFirst().orElseThrow().timeSeconds();
            double completeStart = h.phases.stream()
                    .filter(p -> p.flowId() == r.flowId() && p.phase() == FlowPhase.COMPLETE)
                    .findFirst().orElseThrow().timeSeconds();
            assertEquals(completeStart - transferStart, r.phaseTimes().seconds(FlowPhase.TRANSFER), 1e-12);
            assertEquals(IntegrityCheck.VERIFIED, r.integrity());
        }
    }

    @Test
    void phaseTimes_flowEndedAtStart_onlySetupWithZeroTime() {
        ModelHarness h = new ModelHarness().run(m ->
                m.service().startBackup(terminalWithData("0100", 5_000, false), m.station(CLEAN_AIR)));
        FlowRecord r = h.records.get(0);
        assertEquals(0.0, r.phaseTimes().seconds(FlowPhase.SETUP));
        assertFalse(r.phaseTimes().entered(FlowPhase.REQUEST));
        assertTrue(Double.isNaN(r.phaseTimes().seconds(FlowPhase.TRANSFER)));
        assertEquals(IntegrityCheck.NOT_CHECKED, r.integrity());
    }

    @Test
    void directionCounts_backupAndDownload_retransmissionsAttributedToTheSender() {
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation station = m.station(CLEAN_AIR.withLossModel(new io.radiolink.radio.BernoulliLoss(0.1)));
            Terminal a = terminalWithData("0100", 20_000, true);
            m.service().startBackup(a, station);
            m.at(1_000, () -> m.service().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), station));
        });
        FlowRecord backup = h.records.get(0);
        FlowRecord download = h.records.get(1);
        assertEquals(backup.controlMessagesRetransmitted() + backup.dataFramesRetransmitted(),
                backup.uplinkRetransmissions());
        assertEquals(0, backup.downlinkRetransmissions());
        assertEquals(download.dataFramesRetransmitted(), download.downlinkRetransmissions());
        assertEquals(download.controlMessagesRetransmitted(), download.uplinkRetransmissions());
        assertTrue(backup.dataFramesRetransmitted() > 0 && download.dataFramesRetransmitted() > 0,
                "10 % loss over 200 frames each way retransmits some");
        assertTrue(backup.uplinkUnitsLost() > 0 && download.downlinkUnitsLost() > 0);
    }
}
