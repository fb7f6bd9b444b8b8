package io.radiolink.radio;

/**
 * Told when a unit handed to a connection ({@link Connection#sendUplink}, {@link Connection#sendDownlink})
 * leaves the transmitter: the time its last bit is on the air, from which its sender's retransmission
 * timer counts.
 *
 * <p>A sender keeps one handler and gets each unit back in it, so that no object is made per unit. Every
 * unit handed over is reported exactly once, with a time no earlier than the call's own simulation time
 * (so a sender may schedule at it). A dedicated link knows the time at once and reports it before
 * {@code send} returns; a link whose capacity is shared learns it later, from the other users' traffic,
 * so the report may come after the unit's acknowledgement, after the sender stopped, or after a newer
 * message replaced it: the sender decides whether the departure still counts. Units the air loses or the
 * frame check discards are reported when they leave, like any other; a unit handed to a connection that
 * no longer sends, or still waiting when the connection stops sending, is discarded and reported then.
 *
 * @param <T> the type of unit reported
 */
@FunctionalInterface
public interface Departure<T> {

    /**
     * For a unit whose departure its sender does not need (an acknowledgement, an answer): does nothing,
     * and a link does not even call it.
     */
    Departure<Object> NONE = (unit, atSeconds) -> {};

    /** {@code unit}'s last bit leaves the transmitter at {@code atSeconds}. */
    void departed(T unit, double atSeconds);
}
