package io.radiolink.protocol.station;

import io.radiolink.protocol.Message;
import io.radiolink.protocol.transfer.TransferCounts;

/** A refused request: the session only repeats its refusal; nothing was reserved, nothing is sent. */
record Refusal(Message response) implements Handler {

    @Override
    public void begin() {}

    @Override
    public void receive(Message message, boolean damaged) {}

    @Override
    public void connectionEnded() {}

    @Override
    public boolean awaitingStore() {
        return false;
    }

    @Override
    public boolean sending() {
        return false; // nothing is sent after a refusal
    }

    @Override
    public TransferCounts dataSent() {
        return TransferCounts.ZERO;
    }
}
