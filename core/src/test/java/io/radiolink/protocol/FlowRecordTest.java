package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.Side;
import org.junit.jupiter.api.Test;

/** The contents of a flow record: phase times that add up, integrity checks, per-direction counts. */
final class FlowRecordTest {

    @Test
    void phaseTimes_successfulFlows_matchPhaseEventsAndAddUpToTheDuration() {
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation station = m.station(CLEAN_AIR);
            Terminal a = terminalWithData("0100", 5_000, true);
            m.service().terminals().startBackup(a, station);
            m.at(100, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), station));
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
                m.service().terminals().startBackup(terminalWithData("0100", 5_000, false), m.station(CLEAN_AIR)));
        FlowRecord r = h.records.get(0);
        assertEquals(0.0, r.phaseTimes().seconds(FlowPhase.SETUP));
        assertFalse(r.phaseTimes().entered(FlowPhase.REQUEST));
        assertTrue(Double.isNaN(r.phaseTimes().seconds(FlowPhase.TRANSFER)));
        assertEquals(IntegrityCheck.NOT_CHECKED, r.integrity());
    }

    @Test
    void directionCounts_backupAndDownload_retransmissionsAttributedToTheSender() {
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation station = m.station(CLEAN_AIR.withLossModel(new BernoulliLoss(0.1)));
            Terminal a = terminalWithData("0100", 20_000, true);
            m.service().terminals().startBackup(a, station);
            m.at(1_000, () -> m.service().terminals().startDownload(replacementPhone("0200", PASSWORD), a.phoneNumber(), station));
        });
        FlowRecord backup = h.records.get(0);
        FlowRecord download = h.records.get(1);
        assertEquals(backup.control().messagesRetransmitted() + backup.data().framesRetransmitted(),
                backup.uplink().retransmissions());
        assertEquals(0, backup.downlink().retransmissions());
        assertEquals(download.data().framesRetransmitted(), download.downlink().retransmissions());
        assertEquals(download.control().messagesRetransmitted(), download.uplink().retransmissions());
        assertTrue(backup.data().framesRetransmitted() > 0 && download.data().framesRetransmitted() > 0,
                "10 % loss over 200 frames each way retransmits some");
        assertTrue(backup.uplink().unitsLost() > 0 && download.downlink().unitsLost() > 0);
    }

    /**
     * Each end counts its own direction (the terminal the uplink, the station the downlink, over every
     * connection of a flow): on a lossy link that drops connections, with reconnection, the records'
     * units sent and lost add up to what the air listener saw each side put on the air.
     */
    @Test
    void directionCounts_lossyDroppingLinkWithReconnection_eachDirectionAddsUpToTheAir() {
        AirInterface air = CLEAN_AIR.withLossModel(new BernoulliLoss(0.05)).withMeanTimeToFailureSeconds(2);
        ModelHarness h = new ModelHarness().protocol(ModelHarness.PROTOCOL.withResume(
                new ResumeConfig(5, 0.1, 1, 0.1, 0, true, 60))).run(m -> {
                    BaseStation station = m.station(StationConfig.of("bs-1", 40, 1_000_000_000, air));
                    for (int i = 0; i < 20; i++) {
                        Terminal a = terminalWithData(Integer.toString(1_000 + i), 5_000, true);
                        Terminal b = replacementPhone(Integer.toString(2_000 + i), PASSWORD);
                        m.service().terminals().startBackup(a, station);
                        m.at(1_000, () -> m.service().terminals().startDownload(b, a.phoneNumber(), station));
                    }
                });
        for (Side side : Side.values()) {
            long sent = h.air.stream().filter(e -> e.sender() == side).count();
            long lost = h.air.stream().filter(e -> e.sender() == side && e.lost()).count();
            DirectionCounts counted = h.records.stream()
                    .map(r -> side == Side.TERMINAL ? r.uplink() : r.downlink())
                    .reduce(DirectionCounts.ZERO, DirectionCounts::plus);
            assertEquals(sent, counted.unitsSent(), side.toString());
            assertEquals(lost, counted.unitsLost(), side.toString());
            assertTrue(lost > 0, side + " lost some");
        }
        assertTrue(h.records.stream().anyMatch(r -> r.attempts() > 1), "some flow reconnected");
        assertTrue(h.records.stream().anyMatch(r -> r.kind() == FlowKind.DOWNLOAD && r.outcome().isSuccess()));
    }
}
