package io.radiolink.radio;

/**
 * One side's handler of a connection: it receives the units that arrive for it and learns when the
 * connection ends.
 *
 * @param <T> the type of unit carried
 */
public interface Endpoint<T> {

    /**
     * A unit arrived for this side; {@code damaged} if it was corrupted on the air and the frame check
     * missed it. Such a unit looks like any other: only endpoints that model content (digests) use the flag.
     */
    void receive(T unit, boolean damaged);

    /** The connection ended; nothing arrives after this. */
    void connectionEnded(ConnectionEnd end);
}
