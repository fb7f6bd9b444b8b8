package io.radiolink.protocol.terminal;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.Message;

/** Reaches into a terminal's flow for tests that prove a checker notices a broken protocol. */
public final class TerminalTampering {

    private TerminalTampering() {}

    /** Makes {@code flow}'s terminal send {@code message} as a control message that waits for an answer. */
    public static void sendControl(Flow flow, Message message) {
        ((TerminalFlow) flow).control.send(message);
    }
}
