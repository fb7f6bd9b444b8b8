package io.radiolink.radio.share;

import io.radiolink.radio.Departure;
import java.util.Objects;

/**
 * One connection's FIFO queue in a {@link CellDirection}: units offered with their size in bits depart in
 * the order offered, each told to the queue's {@link Departure} when its last bit is served, at a
 * rate that depends on the direction's policy and never exceeds the queue's cap.
 *
 * <p>{@link #close()} removes the queue from its direction at once: the units still queued, also one
 * partly served, <b>never depart</b> (no callback, not counted as served), and its share goes to the
 * other queues from that instant; {@link #close(Departure)} does the same and hands those units, in
 * order, to a handler of the caller's (a link reports them to their senders as discarded). A closed queue
 * refuses further units. The queue keeps its own
 * {@link ShareStatistics} (from its opening to now, or to its close), from which a flow's throughput
 * follows.
 *
 * @param <T> the type of unit queued
 */
public abstract sealed class ConnectionQueue<T> permits ProcessorSharingDiscipline.Queue, RoundRobinDiscipline.Queue {

    private final CellDirection direction;
    private final Departure<T> departures;
    private final double capBitsPerSecond;
    private final long sequence;
    private final Usage usage;
    private Object[] units = new Object[8];
    private double[] bits = new double[8];
    private int head;
    private int size;
    private boolean open = true;
    private double closedSeconds;

    ConnectionQueue(CellDirection direction, double capBitsPerSecond, Departure<T> departures, long sequence) {
        this.direction = direction;
        this.departures = departures;
        this.capBitsPerSecond = capBitsPerSecond;
        this.sequence = sequence;
        this.usage = new Usage(direction.scheduler().nowSeconds());
    }

    /**
     * Queues {@code unit} of {@code bits} behind the units already queued.
     *
     * @throws io.radiolink.radio.InvalidFieldException if {@code bits} is outside {@link CellDirection#UNIT_BITS}
     * @throws IllegalStateException if the queue is closed
     */
    public final void offer(T unit, double bits) {
        Objects.requireNonNull(unit, "unit");
        CellDirection.UNIT_BITS.check("bits", bits);
        if (!open) {
            throw new IllegalStateException("the queue is closed");
        }
        push(unit, bits);
        if (size == 1) {
            double now = direction.scheduler().nowSeconds();
            usage.busyChanged(now, 1);
            direction.usage().busyChanged(now, 1);
            becameBusy();
        } else {
            added();
        }
    }

    /**
     * Closes the queue: its queued units never depart and its share is freed now. Closing a closed queue
     * does nothing.
     */
    public final void close() {
        close(Departure.NONE);
    }

    /**
     * Closes the queue as {@link #close()} does, then tells {@code discarded} each unit that was still
     * queued (also one partly served, and under round robin one sent in an interval not yet ended), in the
     * queue's order, at the scheduler's time. They are not departures: not told to the queue's own
     * handler, not counted as served. The handler runs once the queue and its direction are closed and
     * consistent (it may offer to, open and close other queues). Closing a closed queue tells nothing.
     */
    public final void close(Departure<? super T> discarded) {
        Objects.requireNonNull(discarded, "discarded");
        if (!open) {
            return;
        }
        open = false;
        double now = direction.scheduler().nowSeconds();
        closedSeconds = now;
        boolean busy = size > 0;
        detach(busy);
        if (busy) {
            usage.busyChanged(now, -1);
            direction.usage().busyChanged(now, -1);
        }
        int left = size;
        size = 0;
        direction.closed();
        for (int i = 0; i < left; i++) {
            int index = (head + i) & (units.length - 1);
            @SuppressWarnings("unchecked")
            T unit = (T) units[index];
            units[index] = null;
            discarded.departed(unit, now);
        }
    }

    /** False once closed. */
    public final boolean isOpen() {
        return open;
    }

    /** Units offered that have not departed (none once closed). */
    public final int queuedUnits() {
        return size;
    }

    /** The rate this queue is never served above. */
    public final double capBitsPerSecond() {
        return capBitsPerSecond;
    }

    /** The queue's figures from its opening to now, or to its close. */
    public final ShareStatistics statistics() {
        return usage.snapshot(open ? direction.scheduler().nowSeconds() : closedSeconds);
    }

    /** A unit was offered to the empty queue; the direction and queue counts already say busy. */
    abstract void becameBusy();

    /** A unit was offered behind others. */
    abstract void added();

    /** The queue is closing, {@code busy} if it held units; it must leave its discipline's structures. */
    abstract void detach(boolean busy);

    final CellDirection direction() {
        return direction;
    }

    /** The place in the direction's open order: ties go to the lower. */
    final long sequence() {
        return sequence;
    }

    /** The size in bits of the unit {@code index} places behind the head (0: the head). */
    final double bitsAt(int index) {
        return bits[(head + index) & (bits.length - 1)];
    }

    final int size() {
        return size;
    }

    /**
     * Takes the head unit off, counts it and tells the callback, at the scheduler's time; the caller has
     * updated its discipline first (the callback may offer, open or close at once).
     */
    @SuppressWarnings("unchecked")
    final void departHead() {
        T unit = (T) units[head];
        double unitBits = bits[head];
        units[head] = null;
        head = (head + 1) & (units.length - 1);
        size--;
        double now = direction.scheduler().nowSeconds();
        usage.departed(unitBits);
        direction.usage().departed(unitBits);
        if (size == 0) {
            usage.busyChanged(now, -1);
            direction.usage().busyChanged(now, -1);
        }
        departures.departed(unit, now);
    }

    private void push(T unit, double unitBits) {
        if (size == units.length) {
            Object[] grownUnits = new Object[2 * units.length];
            double[] grownBits = new double[grownUnits.length];
            for (int i = 0; i < size; i++) {
                grownUnits[i] = units[(head + i) & (units.length - 1)];
                grownBits[i] = bits[(head + i) & (bits.length - 1)];
            }
            units = grownUnits;
            bits = grownBits;
            head = 0;
        }
        int tail = (head + size) & (units.length - 1);
        units[tail] = unit;
        bits[tail] = unitBits;
        size++;
    }
}
