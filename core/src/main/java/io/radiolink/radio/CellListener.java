package io.radiolink.radio;

import io.radiolink.radio.share.ShareStatistics;

/**
 * Observes a cell's channel use: every connection attempt, and every channel seized and released; in a
 * cell whose capacity is shared ({@link CellCapacity.Shared}), also each connection's share when it ends.
 * Statistics calculators implement it (blocking, holding times, occupancy, per-flow throughput); must
 * not throw.
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

    /**
     * In a shared cell, {@code connection}'s queue in the direction {@code sender} sends in closed: the
     * connection stopped sending (a release started, the link dropped, the station went down). Told once
     * per connection and direction, uplink first. {@code statistics} are the queue's from its opening (at
     * the connection's establishment) to now: their {@link ShareStatistics#throughputBitsPerSecond()} is
     * the connection's throughput while it had something to send. The cell's own figures per direction
     * are {@link RadioCell#shareStatistics(Side)}.
     */
    default void shareClosed(RadioCell cell, Connection<?> connection, Side sender, ShareStatistics statistics,
            double timeSeconds) {}
}
