package io.radiolink.protocol.transfer;

import io.radiolink.engine.Scheduler;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.radio.Departure;

/**
 * The sending half of the ARQ: sends the frames of a {@link FramePlan} in order, keeps up to a window of
 * them in flight, retransmits a frame whose acknowledgement does not arrive within the timeout, and
 * gives up after the retry limit. An empty plan is acknowledged as soon as the sender starts.
 *
 * <p>A frame's retransmission timer counts from its departure ({@link #departed}), which a shared cell
 * reports late, so a copy may still wait to leave when its frame is acknowledged (by an earlier copy)
 * or the sender is stopped: such a departure arms nothing. Until it leaves, a frame is in flight without
 * a timer; a copy is sent again only when its timer fires, so a frame has at most one copy waiting to
 * leave.
 *
 * <p>State is held in rings of the window's size, indexed by position in the plan, so memory does not
 * grow with the transfer.
 */
final class ArqSender {

    /** Puts frame {@code frame} on the air and tells {@code departure} (the sender's one handler) when it left. */
    interface Transmitter {
        void transmit(int frame, Departure<DataFrame> departure);
    }

    private final Scheduler scheduler;
    private final ArqConfig config;
    private final FramePlan plan;
    private final int frames;
    private final Transmitter transmitter;
    private final TransferSender.Outcome outcome;
    private final Departure<DataFrame> departures = this::departed;
    private final int window;
    private final boolean[] acknowledged;
    private final int[] retransmissions;
    /**
     * Per slot: the plan index of the slot's latest timer, how many of the slot's timer events are still
     * to come, and whether the latest one still counts. Timers are never cancelled (a cancellable handle
     * would be an allocation per frame): an acknowledgement disarms the slot, and a timer event that is
     * not the slot's latest, or finds it disarmed, does nothing. A slot's timer events come in the order
     * they were scheduled (each is due a timeout after a departure no earlier than the previous one's: a
     * retransmission is handed over when the previous timer fires, a frame that takes the slot when the
     * previous one was acknowledged, after that one's counted copy left), so the count tells which is
     * the latest.
     */
    private final int[] timerIndexes;
    private final int[] timersPending;
    private final boolean[] armed;
    /**
     * Timer events due no earlier than every timer event before them share one action, which learns
     * its slot from a ring in scheduling order (events due at one time run in scheduling order too).
     * Departures only grow along a link, so that is every timer but those of frames handed over when
     * the connection no longer sends (departure "now") or, on a shared cell, of a frame reported to have
     * left before a frame reported earlier; those get an action of their own.
     */
    private final Runnable sharedTimeout = this::sharedTimerFired;
    private int[] timerRing = new int[16];
    private int ringHead;
    private int ringCount;
    private double lastSharedDueSeconds = Double.NEGATIVE_INFINITY;
    private int base;
    private int next;
    private boolean stopped;
    private long framesSent;
    private long framesRetransmitted;

    ArqSender(Scheduler scheduler, ArqConfig config, FramePlan plan, Transmitter transmitter,
            TransferSender.Outcome outcome) {
        this.scheduler = scheduler;
        this.config = config;
        this.plan = plan;
        this.frames = plan.size();
        this.transmitter = transmitter;
        this.outcome = outcome;
        this.window = Math.max(1, Math.min(config.windowFrames(), frames));
        this.acknowledged = new boolean[window];
        this.retransmissions = new int[window];
        this.timerIndexes = new int[window];
        this.timersPending = new int[window];
        this.armed = new boolean[window];
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
        armed[slot] = false;
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

    /** Disarms every timer; the sender does nothing more. */
    void stop() {
        stopped = true;
    }

    private void fillWindow() {
        while (next < frames && next < base + window) {
            int index = next++;
            retransmissions[index % window] = 0;
            send(index);
        }
    }

    private void send(int index) {
        framesSent++;
        transmitter.transmit(plan.frame(index), departures);
    }

    /**
     * Frame {@code frame}'s copy handed over last left at {@code atSeconds}: its retransmission timer
     * counts from then, unless the sender stopped or the frame was acknowledged meanwhile.
     */
    private void departed(DataFrame frame, double atSeconds) {
        int index = plan.indexOf(frame.sequence());
        if (stopped || index < base || index >= next) {
            return; // stopped, or acknowledged and out of the window (a frame outside the plan too)
        }
        int slot = index % window;
        if (acknowledged[slot]) {
            return; // acknowledged ahead of a frame before it
        }
        timerIndexes[slot] = index;
        timersPending[slot]++;
        armed[slot] = true;
        double due = atSeconds + config.retransmissionTimeoutSeconds();
        if (due >= lastSharedDueSeconds) {
            lastSharedDueSeconds = due;
            pushRing(slot);
            scheduler.postAt(due, sharedTimeout);
        } else {
            scheduler.postAt(due, () -> timerFired(slot));
        }
    }

    private void pushRing(int slot) {
        if (ringCount == timerRing.length) {
            int[] larger = new int[2 * timerRing.length];
            for (int i = 0; i < ringCount; i++) {
                larger[i] = timerRing[(ringHead + i) % timerRing.length];
            }
            timerRing = larger;
            ringHead = 0;
        }
        timerRing[(ringHead + ringCount++) % timerRing.length] = slot;
    }

    private void sharedTimerFired() {
        int slot = timerRing[ringHead];
        ringHead = (ringHead + 1) % timerRing.length;
        ringCount--;
        timerFired(slot);
    }

    private void timerFired(int slot) {
        if (--timersPending[slot] > 0 || !armed[slot] || stopped) {
            return; // a later timer of the slot counts, or the frame was acknowledged
        }
        armed[slot] = false;
        timeout(timerIndexes[slot]);
    }

    private void timeout(int index) {
        int slot = index % window;
        if (retransmissions[slot] == config.retryLimit()) {
            stop();
            outcome.retriesExhausted();
            return;
        }
        retransmissions[slot]++;
        framesRetransmitted++;
        send(index);
    }

    /**
     * True while frames are in flight and not stopped: their retransmission timers count (or will, from
     * their departure).
     */
    boolean awaitingAcknowledgements() {
        return !stopped && base < next;
    }

    long framesSent() {
        return framesSent;
    }

    long framesRetransmitted() {
        return framesRetransmitted;
    }
}
