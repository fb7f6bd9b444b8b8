package io.radiolink.protocol.terminal;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ControlCounts;
import io.radiolink.protocol.Message;
import io.radiolink.radio.Departure;

/**
 * Sends one control message at a time and repeats it until it is answered or its retries run out.
 *
 * <p>The retry timer counts from the message's departure, which a shared cell reports late: a
 * departure counts only if the message is still the pending one and its timer is not armed yet, so the
 * departure of a message that was answered (or the sender told to stop, {@link #answered}) or replaced
 * by a newer one before it left arms nothing. A copy is sent again only when the timer fires, so the
 * pending message has at most one copy waiting to leave. Messages are told apart by identity, so each
 * {@link #send} should take a new message object (the protocol's do): the same object sent again before
 * its earlier copy left has its timer counted from that copy's departure.
 */
final class ControlSender {

    /** Puts a control message on the connection and tells {@code departure} when its last bit leaves. */
    interface Transmitter {
        void transmit(Message message, Departure<Message> departure);
    }

    private final Scheduler scheduler;
    private final ControlConfig config;
    private final Transmitter transmitter;
    private final Departure<Message> departures = this::departed;
    private final Runnable onExhausted;
    private Message pending;
    private int retransmissions;
    private ScheduledAction timer;
    private long messagesSent;
    private long messagesRetransmitted;

    /**
     * @param transmitter sends a message and reports its departure
     * @param onExhausted called when a message was sent {@code 1 + retryLimit} times without answer
     */
    ControlSender(Scheduler scheduler, ControlConfig config, Transmitter transmitter,
            Runnable onExhausted) {
        this.scheduler = scheduler;
        this.config = config;
        this.transmitter = transmitter;
        this.onExhausted = onExhausted;
    }

    /** Sends {@code message}, replacing any message still waiting for an answer. */
    void send(Message message) {
        answered();
        pending = message;
        retransmissions = 0;
        transmit();
    }

    /** The pending message got its answer, or the flow decided: stop repeating it. */
    void answered() {
        pending = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void transmit() {
        messagesSent++;
        transmitter.transmit(pending, departures);
    }

    private void departed(Message message, double atSeconds) {
        if (message != pending || timer != null) {
            // Answered, or replaced by a newer message; or the same object sent again before its earlier
            // copy left, whose departure armed the timer already.
            return;
        }
        timer = scheduler.scheduleAt(atSeconds + config.timeoutSeconds(), this::timeout);
    }

    private void timeout() {
        timer = null;
        if (pending == null) {
            return;
        }
        if (retransmissions == config.retryLimit()) {
            pending = null;
            onExhausted.run();
            return;
        }
        retransmissions++;
        messagesRetransmitted++;
        transmit();
    }

    /** The message waiting for its answer, or null. */
    Message pending() {
        return pending;
    }

    /** True while a message waits for its answer: its retry timer is armed, or is when the message leaves. */
    boolean waiting() {
        return pending != null;
    }

    /** Every message sent so far, retransmissions included, also those the connection discarded. */
    ControlCounts counts() {
        return new ControlCounts(messagesSent, messagesRetransmitted);
    }
}
