package io.radiolink.radio.share;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.Departure;

/**
 * {@link RoundRobin} over transmission intervals: one engine event per interval in which a queue is
 * served (plus the one at the end of the last), none while no queue is busy; O(1) per interval and per
 * unit.
 *
 * <p>Interval k is [k tau, (k + 1) tau), on a grid from time 0, its start time computed as
 * {@code k * tau}. The event at the start of interval k first tells the departures of the units whose
 * last bit was sent in interval k - 1, then gives interval k to the queue at the front of the ring of
 * queues that have unsent bits, which sends up to {@code min(C, cap) * tau} bits from its head on, and
 * goes to the back of the ring if it still has unsent bits. A queue that gets a unit while it has no
 * unsent bits joins the back of the ring; if the direction was idle, the next interval whose turn has
 * not been given yet is the first to start at or after that moment. So what a departure callback offers
 * at the end of an interval can be sent in the next one.
 *
 * <p><b>The residue rule.</b> Budgets that are not whole numbers of bits leave rounding in the bits sent
 * of a unit that spans intervals; a unit whose remaining bits exceed what is left of the interval by at
 * most {@link #RESIDUE} of an interval's budget counts as sent in that interval, rather than taking one
 * more interval for a rounding residue. With whole-bit sizes and budgets no rounding arises at all.
 */
final class RoundRobinDiscipline implements Discipline {

    /** The share of an interval's budget below which a unit's remaining bits are rounding, not bits. */
    static final double RESIDUE = 1e-9;

    /** One connection's queue under round robin: a link of the ring and what of its head is sent. */
    static final class Queue<T> extends ConnectionQueue<T> {
        private final RoundRobinDiscipline discipline;
        /** {@code min(C, cap) * tau}: the bits one interval can send of this queue. */
        private final double budgetBits;
        private Queue<?> previous;
        private Queue<?> next;
        private boolean inRing;
        /** Units at the head whose last bit is sent: they depart at the end of the interval. */
        private int sentUnits;
        /** Bits sent of the first unit not wholly sent. */
        private double partBits;

        Queue(RoundRobinDiscipline discipline, double capBitsPerSecond, Departure<T> departures, long sequence) {
            super(discipline.direction, capBitsPerSecond, departures, sequence);
            this.discipline = discipline;
            this.budgetBits = Math.min(discipline.direction.capacityBitsPerSecond(), capBitsPerSecond)
                    * discipline.intervalSeconds;
        }

        @Override
        void becameBusy() {
            discipline.unsent(this);
        }

        @Override
        void added() {
            if (!inRing) {
                discipline.unsent(this);
            }
        }

        @Override
        void detach(boolean busy) {
            discipline.detach(this);
            sentUnits = 0;
            partBits = 0;
        }

        boolean hasUnsent() {
            return size() > sentUnits;
        }

        /** Sends up to one interval's budget from the first unsent unit on. */
        void send() {
            double left = budgetBits;
            double residue = RESIDUE * budgetBits;
            while (left > 0 && hasUnsent()) {
                double remaining = bitsAt(sentUnits) - partBits;
                if (remaining <= left + residue) {
                    left -= remaining;
                    sentUnits++;
                    partBits = 0;
                } else {
                    partBits += left;
                    left = 0;
                }
            }
        }

        /** Tells the departures of the units sent, in order, while the queue stays open. */
        void departSent() {
            while (sentUnits > 0 && isOpen()) {
                sentUnits--;
                departHead();
            }
        }
    }

    private final CellDirection direction;
    private final Scheduler scheduler;
    private final double intervalSeconds;
    private final Runnable boundary = this::boundary;
    /** The ring of queues with unsent bits: served from {@code first}, joined at {@code last}. */
    private Queue<?> first;
    private Queue<?> last;
    /** The queue whose units sent in the current interval depart at its end; null if none. */
    private Queue<?> serving;
    /** The first interval whose turn is not given yet. */
    private long nextInterval;
    /** The interval whose start the pending event is, if one is pending. */
    private long pendingInterval;
    private boolean pending;
    /** True while an interval's start is handled: what it changes is looked at before it ends. */
    private boolean inBoundary;

    RoundRobinDiscipline(CellDirection direction, double intervalSeconds) {
        this.direction = direction;
        this.scheduler = direction.scheduler();
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public <T> ConnectionQueue<T> open(double capBitsPerSecond, Departure<T> callback, long sequence) {
        return new Queue<>(this, capBitsPerSecond, callback, sequence);
    }

    /** {@code queue} has unsent bits and is not in the ring: it joins at the back. */
    private void unsent(Queue<?> queue) {
        queue.inRing = true;
        queue.previous = last;
        queue.next = null;
        if (last == null) {
            first = queue;
        } else {
            last.next = queue;
        }
        last = queue;
        if (!pending && !inBoundary) {
            post(Math.max(nextInterval, firstIntervalFrom(scheduler.nowSeconds())));
        }
    }

    private void detach(Queue<?> queue) {
        if (queue.inRing) {
            unlink(queue);
        }
        if (serving == queue) {
            serving = null; // its interval stays spent
        }
    }

    private void unlink(Queue<?> queue) {
        if (queue.previous == null) {
            first = queue.next;
        } else {
            queue.previous.next = queue.next;
        }
        if (queue.next == null) {
            last = queue.previous;
        } else {
            queue.next.previous = queue.previous;
        }
        queue.previous = null;
        queue.next = null;
        queue.inRing = false;
    }

    /** The first interval starting at or after {@code seconds}. */
    private long firstIntervalFrom(double seconds) {
        long k = (long) Math.ceil(seconds / intervalSeconds);
        while (k * intervalSeconds < seconds) {
            k++;
        }
        while (k > 0 && (k - 1) * intervalSeconds >= seconds) {
            k--;
        }
        return k;
    }

    private void post(long interval) {
        pending = true;
        pendingInterval = interval;
        scheduler.postAt(interval * intervalSeconds, boundary);
    }

    /** The start of interval {@code pendingInterval}: the departures of the one before, then this one's turn. */
    private void boundary() {
        long interval = pendingInterval;
        pending = false;
        inBoundary = true;
        try {
            Queue<?> ended = serving;
            serving = null;
            if (ended != null) {
                ended.departSent();
            }
            nextInterval = interval + 1;
            Queue<?> turn = first;
            if (turn != null) {
                unlink(turn);
                turn.send();
                if (turn.hasUnsent()) {
                    unsent(turn);
                }
                serving = turn;
            }
        } finally {
            inBoundary = false;
        }
        if (serving != null) {
            post(interval + 1);
        }
    }
}
