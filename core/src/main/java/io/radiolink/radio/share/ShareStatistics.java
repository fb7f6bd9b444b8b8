package io.radiolink.radio.share;

/**
 * What a shared cell direction, or one of its queues, did over a stretch of time, as counts and time
 * integrals; {@link #since} turns two snapshots into the figures of the window between them.
 *
 * <p>A queue is <em>busy</em> (backlogged) while it holds a unit that has not departed, from the offer
 * that found it empty to the departure that leaves it empty (or its close). For a direction,
 * {@code busySeconds} is the time at least one of its queues was busy and {@code queueSeconds} the time
 * integral of the number of busy queues; for one queue both are its own busy time. Only departed units
 * count in {@code servedBits} and {@code departedUnits}: the bits of a unit partly served when its
 * queue closed are in neither.
 *
 * @param fromSeconds when counting began: the direction's creation, the queue's opening, or a window's start
 * @param toSeconds the time of the snapshot (for a closed queue, its closing time), >= {@code fromSeconds}
 * @param busySeconds time with at least one unit queued, in [0, {@code toSeconds - fromSeconds}]
 * @param queueSeconds time integral of the number of busy queues, >= {@code busySeconds}
 * @param servedBits bits of the units that departed
 * @param departedUnits units that departed
 */
public record ShareStatistics(double fromSeconds, double toSeconds, double busySeconds, double queueSeconds,
        double servedBits, long departedUnits) {

    /** The length of the stretch of time. */
    public double elapsedSeconds() {
        return toSeconds - fromSeconds;
    }

    /** The share of the time the direction (or queue) was busy; NaN over no time. */
    public double utilisation() {
        return busySeconds / elapsedSeconds();
    }

    /**
     * The carried load of a direction of {@code capacityBitsPerSecond}: the served bits over what the capacity
     * could have served in the time, {@code servedBits / (capacity * elapsed)}; a unit's bits count when it
     * departs. Unlike {@link #utilisation()} it does not count time in which a queue waits with its capacity
     * unused (a round robin's partly used intervals, a cap below the capacity). NaN over no time.
     */
    public double carriedLoad(double capacityBitsPerSecond) {
        return servedBits / (capacityBitsPerSecond * elapsedSeconds());
    }

    /** The time-average number of busy queues (a direction's mean active users); NaN over no time. */
    public double meanActiveQueues() {
        return queueSeconds / elapsedSeconds();
    }

    /** Bits served per busy second: a queue's (a flow's) throughput while it had something to send; NaN if never busy. */
    public double throughputBitsPerSecond() {
        return servedBits / busySeconds;
    }

    /**
     * The figures of the window from {@code earlier}'s snapshot to this one, both of the same direction or
     * queue: every integral and count as the difference, from {@code earlier.toSeconds()}.
     *
     * @throws IllegalArgumentException if {@code earlier} is not an earlier snapshot of the same counting
     */
    public ShareStatistics since(ShareStatistics earlier) {
        if (earlier.fromSeconds != fromSeconds || earlier.toSeconds > toSeconds) {
            throw new IllegalArgumentException("not an earlier snapshot of the same counting: " + earlier + " then " + this);
        }
        return new ShareStatistics(earlier.toSeconds, toSeconds, busySeconds - earlier.busySeconds,
                queueSeconds - earlier.queueSeconds, servedBits - earlier.servedBits,
                departedUnits - earlier.departedUnits);
    }
}
