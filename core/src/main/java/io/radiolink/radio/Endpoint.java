package io.radiolink.radio;

/**
 * One side's handler of a connection: it receives the units that arrive for it and learns when the
 * connection ends.
 *
 * @param <T> the type of unit carried
 */
public interface Endpoint<T> {

    /** A unit arrived for this side. */
    void receive(T unit);

    /** The connection ended; nothing arrives after this. */
    void connectionEnded(ConnectionEnd end);
}
