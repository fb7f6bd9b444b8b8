package io.radiolink.radio;

/**
 * Observes every unit put on the air: for traces, and for statistics that count frames sent and lost
 * per direction. Called at the moment the unit is handed to the transmitter; must not throw.
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
