package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.OutageConfig;
import io.radiolink.radio.InvalidFieldException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class StorageModeTest {

    private static final StorageMode.Attachment FAST =
            new StorageMode.Attachment(BackhaulConfig.lossless(1e9, 0.001), RelayMode.STORE_AND_FORWARD);

    @Test
    void network_capacityBelowOne_refusedAtItsField() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> new StorageMode.Network(0, OutageConfig.NONE, Double.POSITIVE_INFINITY, FAST, Map.of()));
        assertEquals("capacityBytes", e.field());
    }

    @Test
    void network_retentionOfZero_refusedAtItsField() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> new StorageMode.Network(1, OutageConfig.NONE, 0, FAST, Map.of()));
        assertEquals("retentionSeconds", e.field());
    }

    @Test
    void attachment_boundedBackhaulQueue_refused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> new StorageMode.Attachment(
                BackhaulConfig.lossless(1e9, 0.001).withMaxQueuedMessages(10), RelayMode.STREAMED));
        assertEquals("backhaul.maxQueuedMessages", e.field());
    }

    @Test
    void station_peerFetchOverABoundedQueue_refused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> new StorageMode.Station(
                Optional.of(BackhaulConfig.lossless(1e9, 0.001).withMaxQueuedMessages(3))));
        assertEquals("backhaul.maxQueuedMessages", e.field());
        assertEquals(Optional.empty(), new StorageMode.Station().peerFetch(), "no peer fetch by default");
    }

    @Test
    void requireStations_perStationNamesAnUnknownStation_refusedAtPerStation() {
        StorageMode.Network network = StorageMode.Network.uniform(1_000, FAST).withStation("bs-9", FAST);
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> network.requireStations(Set.of("bs-0", "bs-1")));
        assertEquals("storage.perStation", e.field());
        network.requireStations(Set.of("bs-9"));
    }

    @Test
    void attachmentOf_stationNamedOrNot_itsOwnElseTheDefault() {
        StorageMode.Attachment slow =
                new StorageMode.Attachment(BackhaulConfig.lossless(1e6, 0.1), RelayMode.STREAMED);
        StorageMode.Network network = StorageMode.Network.uniform(1_000, FAST).withStation("bs-1", slow);
        assertEquals(slow, network.attachmentOf("bs-1"));
        assertEquals(FAST, network.attachmentOf("bs-0"));
    }
}
