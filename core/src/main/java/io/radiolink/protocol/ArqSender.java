package io.radiolink.protocol;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;

/**
 * The sending half of the ARQ: keeps up to a window of frames in flight, retransmits a frame whose
 * acknowledgement does not arrive within the timeout, and gives up after the retry limit.
 *
 * <p>State is held in rings of the window's size, so memory does not grow with the transfer.
 */
final class ArqSender {

    /** Puts frame {@code sequence} on the air and returns when its last bit leaves. */
    interface Transmitter {
        double transmit(int sequence);
    }

    /** What the sender reports; exactly one of the two is called, once, unless it is stopped first. */
    interface Outcome {
        void allAcknowledged();

        void retriesExhausted();
    }

    private final Scheduler scheduler;
    private final ArqConfig config;
    private final int frames;
    private final Transmitter transmitter;
    private final Outcome outcome;
    private final int window;
    private final boolean[] acknowledged;
    private final int[] retransmissions;
    private final ScheduledAction[] timers;
    private int base;
    private int next;
    private boolean stopped;
    private long framesSent;
    private long framesRetransmitted;

    ArqSender(Scheduler scheduler, ArqConfig config, int frames, Transmitter transmitter, Outcome outcome) {
        this.scheduler = scheduler;
        this.config = config;
        this.frames = frames;
        this.transmitter = transmitter;
        this.outcome = outcome;
        this.window = Math.min(config.windowFrames(), frames);
        this.acknowledged = new boolean[window];
        this.retransmissions = new int[window];
        this.timers = new ScheduledAction[window];
    }

    void start() {
        fillWindow();
    }

    void acknowledge(int sequence) {
        if (stopped || sequence < base || sequence >= next) {
            return;
        }
        int slot = sequence % window;
        if (acknowledged[slot]) {
            return;
        }
        acknowledged[slot] = true;
        timers[slot].cancel();
        timers[slot] = null;
        while (base < next && acknowledged[base % window]) {
            acknowledged[base % window] = false;
            base++;
        }
        if (base == frames) {
            stopped = true;
            outcome.allAcknowledged();
        } else {
            fillWindow();
        }
    }

    /** Cancels every timer; the sender does nothing more. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (int i = 0; i < window; i++) {
            if (timers[i] != null) {
                timers[i].cancel();
                timers[i] = null;
            }
        }
    }

    private void fillWindow() {
        while (next < frames && next < base + window) {
            int sequence = next++;
            retransmissions[sequence % window] = 0;
            send(sequence);
        }
    }

    private void send(int sequence) {
        double departure = transmitter.transmit(sequence);
        framesSent++;
        timers[sequence % window] = scheduler.scheduleAt(
                departure + config.retransmissionTimeoutSeconds(), () -> timeout(sequence));
    }

    private void timeout(int sequence) {
        if (stopped) {
            return;
        }
        int slot = sequence % window;
        timers[slot] = null;
        if (retransmissions[slot] == config.retryLimit()) {
            stop();
            outcome.retriesExhausted();
            return;
        }
        retransmissions[slot]++;
        framesRetransmitted++;
        send(sequence);
    }

    long framesSent() {
        return framesSent;
    }

    long framesRetransmitted() {
        return framesRetransmitted;
    }
}
