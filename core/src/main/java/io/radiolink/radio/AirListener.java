package io.radiolink.radio;

/**
 * Observes every unit put on the air: for traces, and for statistics that count frames sent and lost
 * per direction; must not throw. A dedicated link tells it at the moment the unit is handed to the
 * transmitter, with the departure time ahead; a shared link ({@link CellCapacity.Shared}) when the unit
 * departs, so {@code departureSeconds} is then the call's own time. Units a shared link discards unsent
 * when its connection stops sending were never on the air and are not told.
 */
@FunctionalInterface
public interface AirListener {

    /** A listener that ignores everything. */
    AirListener NONE = (connection, sender, unit, bytes, departureSeconds, lost) -> {};

    /**
     * {@code sender}'s side of {@code connection} transmitted {@code unit} of {@code bytes}; its last
     * bit leaves at {@code departureSeconds}; {@code lost} tells whether the air will lose it.
     */
    void unitSent(Connection<?> connection, Side sender, Object unit, int bytes, double departureSeconds,
            boolean lost);
}
