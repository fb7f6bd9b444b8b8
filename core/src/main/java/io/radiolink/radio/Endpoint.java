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

    /**
     * A unit arrived whose corruption the frame check missed; it looks like any other unit, so by default
     * it is received as one. Endpoints that model content (digests) override this to remember the damage.
     */
    default void receiveDamaged(T unit) {
        receive(unit);
    }

    /** The connection ended; nothing arrives after this. */
    void connectionEnded(ConnectionEnd end);
}
