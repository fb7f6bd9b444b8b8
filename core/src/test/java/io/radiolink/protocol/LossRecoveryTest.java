package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.CLEAN_LINK;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.losing;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.Side;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Single, placed losses of data frames, acknowledgements and control messages: each is repaired by
 * exactly the retransmission it calls for, and the flow still succeeds with one effect at the station.
 */
final class LossRecoveryTest {

    private static final int FRAMES = CLEAN_LINK.framesFor(1_000); // 10 frames of 100 bytes

    private static ModelHarness backup(IntPredicate uplinkLost, IntPredicate downlinkLost, ArqConfig arq) {
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withLossModel(losing(uplinkLost)),
                CLEAN_LINK.withLossModel(losing(downlinkLost)));
        ModelHarness h = new ModelHarness().protocol(ModelHarness.PROTOCOL.withArq(arq));
        return h.run(m -> m.service().terminals().startBackup(terminalWithData("0100", 1_000, true),
                m.station(StationConfig.of("bs-1", 1, 10_000, air))));
    }

    private static ModelHarness backup(IntPredicate uplinkLost, IntPredicate downlinkLost) {
        return backup(uplinkLost, downlinkLost, ModelHarness.PROTOCOL.arq());
    }

    @Test
    void selectiveRepeat_oneDataFrameLost_onlyThatFrameIsResent() {
        // Uplink units: 0 request, 1..8 frames 0..7 of the first window; unit 3 is frame 2.
        ModelHarness h = backup(i -> i == 3, i -> false);
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        assertEquals(1, r.data().framesRetransmitted());
        assertEquals(FRAMES + 1, r.data().framesSent());
        List<Integer> order = h.sent(DataFrame.class).stream().map(e -> ((DataFrame) e.message()).sequence()).toList();
        assertEquals(2, order.stream().filter(s -> s == 2).count(), "frame 2 twice, every other once: " + order);
    }

    @Test
    void stopAndWait_oneDataFrameLost_resentAfterTimeoutThenInOrder() {
        ModelHarness h = backup(i -> i == 3, i -> false, ArqConfig.stopAndWait(0.2, 5));
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        List<Integer> order = h.sent(DataFrame.class).stream().map(e -> ((DataFrame) e.message()).sequence()).toList();
        assertEquals(List.of(0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), order);
        var frames = h.sent(DataFrame.class);
        assertEquals(0.2, frames.get(3).departureSeconds() - frames.get(2).departureSeconds()
                - CLEAN_LINK.transmissionSeconds(CLEAN_LINK.dataFrameBytes(1_000, 2)), 1e-9,
                "the retransmission starts one timeout after the lost frame left");
    }

    @Test
    void acknowledgementLost_frameResentAndDuplicateAcknowledged() {
        // Downlink units: 0 response, 1 ack of frame 0, 2 ack of frame 1 (lost).
        ModelHarness h = backup(i -> false, i -> i == 2);
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        assertEquals(1, r.data().framesRetransmitted());
        assertEquals(StationEffect.COMMITTED, r.stationEffect());
    }

    @Test
    void responseLost_requestRepeatedAndStationAdmitsOnce() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK, CLEAN_LINK.withLossModel(losing(i -> i == 0)));
        ModelHarness h = new ModelHarness().run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_500, air)));
            m.service().terminals().startBackup(terminalWithData("0100", 1_000, true), station.get());
        });
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome(), "1,500 bytes hold one 1,000-byte reservation, not two");
        assertEquals(1, r.control().messagesRetransmitted());
        assertEquals(1_000, station.get().store().committedBytes());
        assertEquals(0, station.get().store().stagedBytes());
    }

    @Test
    void terminalCompleteLost_repeatedAndCommittedOnce() {
        // Uplink units: 0 request, 1..10 frames, 11 the terminal's complete (lost).
        ModelHarness h = backup(i -> i == FRAMES + 1, i -> false);
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        assertEquals(1, r.control().messagesRetransmitted());
        assertEquals(StationEffect.COMMITTED, r.stationEffect());
    }

    @Test
    void stationCompleteLost_terminalRepeatsAndStationAnswersAgain() {
        // Downlink units: 0 response, 1..10 acks, 11 the station's complete (lost).
        ModelHarness h = backup(i -> false, i -> i == FRAMES + 1);
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        assertEquals(1, r.control().messagesRetransmitted());
        assertEquals(2, h.sent(Message.StationComplete.class).size());
    }

    @Test
    void download_responseLost_framesArrivingFirstAreKeptAndFlowSucceeds() {
        LinkConfig downlink = CLEAN_LINK.withLossModel(losing(i -> i == 0));
        Terminal a = terminalWithData("0100", 1_000, true);
        Terminal b = replacementPhone("0200", PASSWORD);
        ModelHarness h = new ModelHarness().run(m -> {
            BaseStation station = m.station(StationConfig.of("bs-1", 1, 10_000, CLEAN_AIR.withLinks(CLEAN_LINK, downlink)));
            BackupStore store = station.store();
            store.commit(store.reserve(1_000).orElseThrow(), a.phoneNumber(), a.userData().orElseThrow(),
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0);
            m.service().terminals().startDownload(b, a.phoneNumber(), station);
        });
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        assertEquals(a.userData(), b.userData());
        assertEquals(1, r.control().messagesRetransmitted(), "the request was repeated once");
        assertEquals(0, r.data().framesRetransmitted(), "the early frames were acknowledged, not resent");
        assertTrue(h.sent(Message.Ack.class).stream().allMatch(e -> e.sender() == Side.TERMINAL));
    }
}
