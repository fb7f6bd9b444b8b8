package io.radiolink.radio.share;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.Departure;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * One direction of one cell whose capacity is shared by its connections: a capacity C in bit/s, a
 * {@link SchedulingPolicy}, and one FIFO {@link ConnectionQueue} per connection, opened with the
 * connection's rate cap (its terminal's category). Units offered to a queue depart in the queue's order,
 * each reported to the queue's {@link Departure} when its last bit has been served; a queue with
 * nothing to send takes no capacity, and none is ever served faster than its cap.
 *
 * <p>Ties are broken in the queues' open order, never by hash or identity, so the same offers give the
 * same departures, bit for bit. The direction keeps its {@link ShareStatistics} from its creation.
 * Everything runs in the scheduler's thread.
 */
public final class CellDirection {

    /** The capacities a direction accepts: at least 1 bit/s, as a link's rate. */
    public static final Range CAPACITY_BITS_PER_SECOND = LinkConfig.RATE_BITS_PER_SECOND;
    /** The caps a queue accepts: a terminal's rate, as a link's. */
    public static final Range CAP_BITS_PER_SECOND = LinkConfig.RATE_BITS_PER_SECOND;
    /** The sizes a unit may have, in bits: finite and positive. */
    public static final Range UNIT_BITS = Range.above(0);

    private final Scheduler scheduler;
    private final double capacityBitsPerSecond;
    private final SchedulingPolicy policy;
    private final Usage usage;
    private final Discipline discipline;
    private long opened;
    private int openQueues;

    /**
     * A direction of {@code capacityBitsPerSecond} on {@code scheduler}, counting from its current time.
     *
     * @throws io.radiolink.radio.InvalidFieldException if the capacity is outside {@link #CAPACITY_BITS_PER_SECOND}
     */
    public CellDirection(Scheduler scheduler, double capacityBitsPerSecond, SchedulingPolicy policy) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.capacityBitsPerSecond = CAPACITY_BITS_PER_SECOND.check("capacityBitsPerSecond", capacityBitsPerSecond);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.usage = new Usage(scheduler.nowSeconds());
        this.discipline = SchedulingPolicies.discipline(policy, this);
    }

    /**
     * Opens one connection's queue: empty, served no faster than {@code rateCapBitsPerSecond}, its
     * departures told to {@code departures} from within the direction's event, at the scheduler's current
     * time (the handler may offer, open and close queues of this direction).
     *
     * @throws io.radiolink.radio.InvalidFieldException if the cap is outside {@link #CAP_BITS_PER_SECOND}
     */
    public <T> ConnectionQueue<T> open(double rateCapBitsPerSecond, Departure<T> departures) {
        CAP_BITS_PER_SECOND.check("rateCapBitsPerSecond", rateCapBitsPerSecond);
        Objects.requireNonNull(departures, "departures");
        openQueues++;
        return discipline.open(rateCapBitsPerSecond, departures, opened++);
    }

    /** The capacity C shared by the queues. */
    public double capacityBitsPerSecond() {
        return capacityBitsPerSecond;
    }

    /** The policy the capacity is shared by. */
    public SchedulingPolicy policy() {
        return policy;
    }

    /** Queues opened and not closed. */
    public int openQueues() {
        return openQueues;
    }

    /** Queues that hold a unit now. */
    public int busyQueues() {
        return usage.busyQueues();
    }

    /** The direction's figures from its creation to now. */
    public ShareStatistics statistics() {
        return usage.snapshot(scheduler.nowSeconds());
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Usage usage() {
        return usage;
    }

    void closed() {
        openQueues--;
    }
}
