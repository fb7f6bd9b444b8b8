package io.radiolink.radio.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.radio.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A direction's and a queue's arguments, and what a closed queue does. */
final class CellDirectionTest {

    private final LeanScheduler scheduler = new LeanScheduler();
    private final CellDirection direction = new CellDirection(scheduler, 1000, new ProcessorSharing());

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void constructor_capacityOutOfRange_refusedNamingTheField(double capacity) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> new CellDirection(scheduler, capacity, new ProcessorSharing()));
        assertEquals("capacityBitsPerSecond", e.field());
        assertEquals(CellDirection.CAPACITY_BITS_PER_SECOND.describe(), e.allowed());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void open_capOutOfRange_refusedNamingTheField(double cap) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> direction.open(cap, (u, t) -> { }));
        assertEquals("rateCapBitsPerSecond", e.field());
        assertEquals(0, direction.openQueues());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -8, Double.NaN, Double.POSITIVE_INFINITY})
    void offer_bitsOutOfRange_refusedNamingTheField(double bits) {
        ConnectionQueue<String> queue = direction.open(1000, (u, t) -> { });
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> queue.offer("x", bits));
        assertEquals("bits", e.field());
        assertEquals(0, queue.queuedUnits());
    }

    @Test
    void offer_closedQueue_refused() {
        ConnectionQueue<String> queue = direction.open(1000, (u, t) -> { });
        queue.close();
        assertFalse(queue.isOpen());
        assertThrows(IllegalStateException.class, () -> queue.offer("x", 8));
    }

    @Test
    void closeWithHandler_queuedUnits_handedOverInOrderNowNotCountedAsServed() {
        Departures log = new Departures();
        ConnectionQueue<String> queue = log.open(direction, "q", 1000);
        queue.offer("1", 1000);
        queue.offer("2", 8);
        scheduler.postAt(0.5, () -> {
            queue.close(log.of("discarded"));
            queue.close(log.of("twice"));
        });
        scheduler.runUntil(Double.POSITIVE_INFINITY);
        assertEquals(List.of("discarded:1@0.5", "discarded:2@0.5"), log.written());
        assertEquals(0, queue.queuedUnits());
        assertEquals(0, queue.statistics().departedUnits());
        assertEquals(0.0, direction.statistics().servedBits());
        assertEquals(0, direction.busyQueues());
    }

    @Test
    void close_twice_secondDoesNothing() {
        ConnectionQueue<String> queue = direction.open(1000, (u, t) -> { });
        direction.open(1000, (u, t) -> { });
        queue.offer("x", 8);
        queue.close();
        queue.close();
        assertEquals(1, direction.openQueues());
        assertEquals(0, direction.busyQueues());
    }
}
