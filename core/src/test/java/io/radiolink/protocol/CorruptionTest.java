package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.CLEAN_LINK;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.Corruption;
import io.radiolink.radio.LinkConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Corruption, apart from loss: detected corruption costs retransmissions but the object arrives whole;
 * corruption that slips through the frame check is caught by the whole-object digest, and a mismatch is
 * never committed or stored and never clears the station's copy. Switched off, nothing is corrupted.
 */
final class CorruptionTest {

    private static final UserData OLD = UserData.synthetic(500, 5, 1);

    /** A backup of 5 kB replacing an older copy, over an uplink with {@code corruption}. */
    private static ModelHarness backup(Corruption corruption, AtomicReference<BaseStation> station) {
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withCorruption(corruption), CLEAN_LINK);
        return new ModelHarness().run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, air)));
            BackupStore store = station.get().store();
            Terminal a = terminalWithData("0100", 5_000, true);
            store.commit(store.reserve(500).orElseThrow(), a.phoneNumber(), OLD,
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0);
            m.service().terminals().startBackup(a, station.get());
        });
    }

    @Test
    void detectedCorruption_retransmittedAndCommitted_offRetransmitsNothing() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        FlowRecord corrupted = backup(new Corruption(0.3, 0.0), station).records.get(0);
        assertEquals(FlowOutcome.SUCCESS, corrupted.outcome());
        assertEquals(IntegrityCheck.VERIFIED, corrupted.integrity());
        assertTrue(corrupted.data().framesRetransmitted() > 0, "discarded frames are sent again");
        assertEquals(0, corrupted.uplink().unitsLost(), "corruption is not counted as loss");
        assertTrue(corrupted.uplink().unitsCorrupted() > 0, "but as corruption");
        assertEquals(0, corrupted.downlink().unitsCorrupted());
        FlowRecord clean = backup(Corruption.NONE, station).records.get(0);
        assertEquals(0, clean.data().framesRetransmitted());
    }

    @Test
    void undetectedCorruptionInBackup_digestMismatch_neverCommittedOldCopyKept() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        FlowRecord r = backup(new Corruption(0.5, 1.0), station).records.get(0);
        assertEquals(FlowOutcome.INTEGRITY_MISMATCH, r.outcome());
        assertEquals(IntegrityCheck.MISMATCHED, r.integrity());
        assertEquals(StationEffect.NONE, r.stationEffect());
        assertEquals(OLD, station.get().store().find(io.radiolink.node.PhoneNumber.of("0100")).orElseThrow().data());
        assertEquals(0, station.get().store().stagedBytes());
    }

    @Test
    void undetectedCorruptionInDownload_notStoredCopyNotCleared() {
        LinkConfig downlink = CLEAN_LINK.withCorruption(new Corruption(0.5, 1.0));
        Terminal b = replacementPhone("0200", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness().run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, CLEAN_AIR.withLinks(CLEAN_LINK, downlink))));
            BackupStore store = station.get().store();
            store.commit(store.reserve(5_000).orElseThrow(), io.radiolink.node.PhoneNumber.of("0100"),
                    UserData.synthetic(5_000, 5, 2), PasswordVerifier.of(io.radiolink.node.PhoneNumber.of("0100"), PASSWORD), 0);
            m.service().terminals().startDownload(b, io.radiolink.node.PhoneNumber.of("0100"), station.get());
        });
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.INTEGRITY_MISMATCH, r.outcome());
        assertEquals(IntegrityCheck.MISMATCHED, r.integrity());
        assertTrue(b.userData().isEmpty(), "nothing stored");
        assertEquals(StationEffect.NONE, r.stationEffect());
        assertTrue(station.get().store().find(io.radiolink.node.PhoneNumber.of("0100")).isPresent(), "copy kept");
    }
}
