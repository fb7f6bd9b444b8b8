package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import io.radiolink.radio.AccessCallback;

/**
 * How a terminal reaches a station: the network routes a connection attempt of the terminal's SIM to
 * the station's cell, and an established connection to the station's protocol end, which opens a
 * session on it. The terminal learns the attempt's result; it never sees the station's side.
 */
@FunctionalInterface
public interface Network {

    /** Starts a connection attempt of {@code terminal} at {@code station} now; {@code attempt} learns its result. */
    void connect(Terminal terminal, BaseStation station, AccessCallback<Message> attempt);
}
