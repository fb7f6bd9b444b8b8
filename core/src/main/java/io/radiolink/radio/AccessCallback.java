package io.radiolink.radio;

/**
 * What a connection attempt learns: exactly one of the five methods is called, once.
 *
 * @param <T> the type of unit the connection will carry
 */
public interface AccessCallback<T> {

    /** Every channel of the cell was busy when the attempt arrived. */
    void blocked();

    /** The attempt got a channel, but set-up failed after the set-up delay; the channel is free. */
    void setupFailed();

    /** The base station was down when the attempt arrived, or went down during its set-up. */
    void stationDown();

    /** Every preamble transmission of the attempt collided (random access); no channel was seized. */
    void accessFailed();

    /**
     * The connection is up and the station accepted it; the callee must {@link Connection#attachTerminal
     * attach} its side now.
     */
    void established(Connection<T> connection);
}
