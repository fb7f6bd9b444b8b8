package io.radiolink.protocol;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;

/**
 * The sending half of the ARQ: sends the frames of a {@link FramePlan} in order, keeps up to a window of
 * them in flight, retransmits a frame whose acknowledgement does not arrive within the timeout, and
 * gives up after the retry limit. An empty plan is acknowledged as soon as the sender starts.
 *
 * <p>State is held in rings of the window's size, indexed by position in the plan, so memory does not
 * grow with the transfer.
 */
final class ArqSender {

    /** Puts frame {@code frame} on the air and returns when its last bit leaves. */
    interface Transmitter {
        double transmit(int frame);
    }

    /** What the sender reports; exactly one of the two is called, once, unless it is stopped first. */
    interface Outcome {
        void allAcknowledged();

        void retriesExhausted();
    }

    private final Scheduler scheduler;
    private final ArqConfig config;
    private final FramePlan plan;
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

    ArqSender(Scheduler scheduler, ArqConfig config, FramePlan plan, Transmitter transmitter, Outcome outcome) {
        this.scheduler = scheduler;
        this.config = config;
        this.plan = plan;
        this.frames = plan.size();
        this.transmitter = transmitter;
        this.outcome = outcome;
        this.window = Math.max(1, Math.min(config.windowFrames(), frames));
        this.acknowledged = new boolean[window];
        this.retransmissions = new int[window];
        this.timers = new ScheduledAction[window];
    }

    void start() {
        if (frames == 0) {
            stopped = true;
            outcome.allAcknowledged();
            return;
        }
        fillWindow();
    }

    /** Frame {@code frame} was acknowledged; frames outside the plan or the window are ignored. */
    void acknowledge(int frame) {
        int index = plan.indexOf(frame);
        if (stopped || index < base || index >= next) {
            return;
        }
        int slot = index % window;
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
            int index = next++;
            retransmissions[index % window] = 0;
            send(index);
        }
    }

    private void send(int index) {
        double departure = transmitter.transmit(plan.frame(index));
        framesSent++;
        timers[index % window] = scheduler.scheduleAt(
                departure + config.retransmissionTimeoutSeconds(), () -> timeout(index));
    }

    private void timeout(int index) {
        if (stopped) {
            return;
        }
        int slot = index % window;
        timers[slot] = null;
        if (retransmissions[slot] == config.retryLimit()) {
            stop();
            outcome.retriesExhausted();
            return;
        }
        retransmissions[slot]++;
        framesRetransmitted++;
        send(index);
    }

    long framesSent() {
        return framesSent;
    }

    long framesRetransmitted() {
        return framesRetransmitted;
    }
}
