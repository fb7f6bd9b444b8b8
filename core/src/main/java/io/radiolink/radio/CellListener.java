package io.radiolink.radio;

/**
 * Observes a cell's channel use: every connection attempt, and every channel seized and released.
 * Statistics calculators implement it (blocking, holding times, occupancy); must not throw.
 */
public interface CellListener {

    /** A listener that ignores everything. */
    CellListener NONE = new CellListener() {};

    /** A connection attempt arrived; {@code blocked} if every channel was busy. */
    default void attempted(RadioCell cell, boolean blocked, double timeSeconds) {}

    /** An attempt seized a channel (it holds it through set-up and, if set-up succeeds, the connection). */
    default void channelSeized(RadioCell cell, double timeSeconds) {}

    /**
     * A channel became free after being held {@code heldSeconds}: at the end of a failed set-up, or
     * when the connection was released or dropped.
     */
    default void channelReleased(RadioCell cell, double heldSeconds, double timeSeconds) {}

    /** A preamble was transmitted in an access slot; {@code collided} if another picked the same one. */
    default void accessAttempt(RadioCell cell, boolean collided, double timeSeconds) {}

    /** The cell's base station went down: its connections and set-ups ended, new attempts fail. */
    default void stationDown(RadioCell cell, double timeSeconds) {}

    /** The cell's base station is up again. */
    default void stationUp(RadioCell cell, double timeSeconds) {}
}
