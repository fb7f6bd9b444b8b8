package io.radiolink.protocol.transfer;

import java.util.List;

/** Writes how each round of a sender ended into a list: {@code acknowledged} or {@code exhausted}. */
final class RecordedOutcomes implements TransferSender.Outcome {

    private final List<String> outcomes;

    RecordedOutcomes(List<String> outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void allAcknowledged() {
        outcomes.add("acknowledged");
    }

    @Override
    public void retriesExhausted() {
        outcomes.add("exhausted");
    }
}
