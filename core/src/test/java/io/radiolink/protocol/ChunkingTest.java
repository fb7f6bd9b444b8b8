package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.CLEAN_LINK;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.PROTOCOL;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.Corruption;
import io.radiolink.radio.LinkConfig;
import io.radiolink.validation.FamilyWise;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Chunked transfer: per-chunk digests turn corruption that slipped through the frame check from a failed
 * flow into a repair of the damaged chunks, as often as theory says; switched off, the whole-object digest
 * fails the flow. Chunks are framed on their own, and a chunk size that is a multiple of the frame payload
 * frames the data exactly as without chunks.
 */
final class ChunkingTest {

    /** 5,000 bytes: 50 frames of 100 bytes. */
    private static final long SIZE = 5_000;
    /** 500-byte chunks: 10 chunks of 5 frames. */
    private static final ChunkConfig CHUNKS = ChunkConfig.of(500, 20);
    /** Every data frame damaged with this probability, always undetected by the frame check. */
    private static final double P = 0.05;
    private static final int FLOWS = 400;

    /** {@link #FLOWS} backups at once, each over its own connection, with undetected uplink corruption. */
    private static List<FlowRecord> backups(ChunkConfig chunks, AtomicReference<BaseStation> station) {
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withCorruption(new Corruption(P, 1.0)), CLEAN_LINK);
        return new ModelHarness().protocol(PROTOCOL.withChunks(chunks)).run(m -> {
            station.set(m.station(StationConfig.of("bs-1", FLOWS, 100_000_000, air)));
            for (int i = 0; i < FLOWS; i++) {
                m.service().terminals().startBackup(terminalWithData(Integer.toString(1000 + i), SIZE, true), station.get());
            }
        }).records;
    }

    /**
     * A chunk of F frames fails its digest with q = 1 - (1 - p)^F and is sent again until it passes, so
     * the repairs per chunk are geometric: mean q / (1 - q), variance q / (1 - q)^2. With p = 0.05, F = 5
     * and 10 chunks per flow: 2.923 repairs per flow (sd 1.94 per flow; 400 flows give a standard error of
     * 0.097). Without chunk digests a flow succeeds only if all 50 frames came through undamaged:
     * (1 - p)^50 = 0.077, a binomial share of the 400 flows. Both tolerances are the family-wise rule's
     * two-sided normal quantile times the standard error ({@link FamilyWise#twoSidedZ}).
     */
    @Test
    void undetectedCorruption_chunkDigestsRepair_asGeometricRetriesPredict_offFailsTheFlow() {
        AtomicReference<BaseStation> station = new AtomicReference<>();
        List<FlowRecord> on = backups(CHUNKS, station);
        assertEquals(FLOWS, on.size());
        double q = 1 - Math.pow(1 - P, 5);
        double expected = 10 * q / (1 - q);
        double standardError = Math.sqrt(10 * q / ((1 - q) * (1 - q)) / FLOWS);
        double repairs = on.stream().mapToLong(FlowRecord::chunksRepaired).average().orElseThrow();
        assertEquals(expected, repairs, FamilyWise.twoSidedZ() * standardError, "repairs per flow");
        for (FlowRecord r : on) {
            assertEquals(FlowOutcome.SUCCESS, r.outcome(), r.toString());
            assertEquals(IntegrityCheck.VERIFIED, r.integrity());
            // Every repaired chunk is 5 frames sent again; the clean link loses nothing else.
            assertEquals(50 + 5 * r.chunksRepaired(), r.data().framesSent(), r.toString());
            assertEquals(SIZE + 500 * r.chunksRepaired(), r.data().bytesSent());
            assertEquals(500 * r.chunksRepaired(), r.bytesInVain());
        }
        assertEquals(FLOWS * SIZE, station.get().store().committedBytes());
        assertEquals(0, station.get().store().stagedBytes());

        List<FlowRecord> off = backups(ChunkConfig.WHOLE_OBJECT, station);
        double successes = off.stream().filter(r -> r.outcome().isSuccess()).count();
        double p50 = Math.pow(1 - P, 50);
        assertEquals(p50, successes / FLOWS, FamilyWise.twoSidedZ() * Math.sqrt(p50 * (1 - p50) / FLOWS),
                "whole-object successes");
        for (FlowRecord r : off) {
            assertEquals(0, r.chunksRepaired());
            if (!r.outcome().isSuccess()) {
                assertEquals(FlowOutcome.INTEGRITY_MISMATCH, r.outcome());
                assertEquals(r.data().bytesSent(), r.bytesInVain(), "a failed flow sent everything in vain");
            }
        }
        assertEquals(successes * SIZE, station.get().store().committedBytes());
    }

    @Test
    void repairRoundsExhausted_integrityMismatch_oldCopyKept() {
        // A 5-frame chunk passes with probability 0.1^5 = 1e-5: in practice every chunk fails every time.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withCorruption(new Corruption(0.9, 1.0)), CLEAN_LINK);
        UserData old = UserData.synthetic(700, 7, 3);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        FlowRecord r = new ModelHarness().protocol(PROTOCOL.withChunks(ChunkConfig.of(500, 2))).run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, air)));
            BackupStore store = station.get().store();
            Terminal a = terminalWithData("0100", SIZE, true);
            store.commit(store.reserve(700).orElseThrow(), a.phoneNumber(), old,
                    PasswordVerifier.of(a.phoneNumber(), PASSWORD), 0);
            m.service().terminals().startBackup(a, station.get());
        }).records.get(0);
        assertEquals(FlowOutcome.INTEGRITY_MISMATCH, r.outcome());
        assertEquals(IntegrityCheck.MISMATCHED, r.integrity());
        assertEquals(20, r.chunksRepaired(), "two rounds of all 10 chunks");
        assertEquals(old, station.get().store().find(PhoneNumber.of("0100")).orElseThrow().data());
        assertEquals(0, station.get().store().stagedBytes());
    }

    /**
     * A download over a downlink with undetected corruption: the terminal asks for repair rounds, stores
     * only verified data, and the station clears its copy after the confirmed download.
     */
    @Test
    void downloadWithUndetectedCorruption_repairedStoredAndCleared() {
        LinkConfig downlink = CLEAN_LINK.withCorruption(new Corruption(0.1, 1.0));
        UserData data = UserData.synthetic(SIZE, 5, 2);
        PhoneNumber number = PhoneNumber.of("0100");
        Terminal b = replacementPhone("0200", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness().protocol(PROTOCOL.withChunks(CHUNKS)).run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 1_000_000, CLEAN_AIR.withLinks(CLEAN_LINK, downlink))));
            BackupStore store = station.get().store();
            store.commit(store.reserve(SIZE).orElseThrow(), number, data, PasswordVerifier.of(number, PASSWORD), 0);
            m.service().terminals().startDownload(b, number, station.get());
        });
        FlowRecord r = h.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome(), r.toString());
        assertTrue(r.chunksRepaired() > 0, "at p = 0.1 a repair-free pass has probability 0.005");
        assertEquals(StationEffect.CLEARED, r.stationEffect());
        assertEquals(data, b.userData().orElseThrow());
        assertTrue(station.get().store().find(number).isEmpty());
        assertEquals(h.sent(Message.RepairRequest.class).stream().filter(e -> !e.lost()).count(),
                h.sent(Message.DataFrame.class).stream().mapToInt(e -> ((Message.DataFrame) e.message()).round())
                        .max().orElseThrow(), "one repair request per round on a lossless link");
    }

    /** 150-byte chunks over 100-byte payloads: 2 frames (100 + 50 bytes) per chunk, 34 chunks, 67 frames. */
    @Test
    void chunksFramedOnTheirOwn_multipleOfPayloadFramesAsWithoutChunks() {
        FlowRecord odd = cleanBackup(ChunkConfig.of(150, 0));
        assertEquals(67, odd.data().framesSent());
        assertEquals(SIZE, odd.data().bytesSent());
        FlowRecord aligned = cleanBackup(ChunkConfig.of(1_000, 0));
        FlowRecord whole = cleanBackup(ChunkConfig.WHOLE_OBJECT);
        assertEquals(50, aligned.data().framesSent());
        assertEquals(whole.durationSeconds(), aligned.durationSeconds(), 0.0);
        assertEquals(0, whole.bytesInVain());
    }

    private static FlowRecord cleanBackup(ChunkConfig chunks) {
        FlowRecord r = new ModelHarness().protocol(PROTOCOL.withChunks(chunks)).run(m ->
                m.service().terminals().startBackup(terminalWithData("0100", SIZE, true), m.station(CLEAN_AIR))).records.get(0);
        assertEquals(FlowOutcome.SUCCESS, r.outcome());
        return r;
    }
}
