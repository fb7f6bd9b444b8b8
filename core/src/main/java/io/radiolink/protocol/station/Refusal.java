package io.radiolink.protocol.station;

import io.radiolink.protocol.Message;

/** A refused request: the session only repeats its refusal; nothing was reserved, nothing is sent. */
record Refusal(Message response) implements Handler {

    @Override
    public void begin() {}

    @Override
    public void receive(Message message, boolean damaged) {}

    @Override
    public void connectionEnded() {}
}
