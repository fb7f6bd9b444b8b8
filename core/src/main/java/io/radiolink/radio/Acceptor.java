package io.radiolink.radio;

/**
 * The station's end of connections: it accepts each connection its cell establishes and returns the
 * endpoint that serves it there, before the side that asked for the connection learns of it.
 *
 * @param <T> the type of unit carried
 */
@FunctionalInterface
public interface Acceptor<T> {

    /** Accepts {@code connection}; the returned endpoint receives what arrives at the station. */
    Endpoint<T> accept(Connection<T> connection);
}
