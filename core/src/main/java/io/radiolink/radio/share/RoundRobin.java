package io.radiolink.radio.share;

import io.radiolink.radio.Range;

/**
 * Round robin over transmission intervals of {@code intervalSeconds} (an LTE TTI is 1 ms): time is cut
 * into intervals [k tau, (k + 1) tau), k = 0, 1, ...; each interval the whole capacity serves one busy
 * queue, the next in cyclic order, up to {@code min(C, cap) * tau} bits, and a unit departs at the end of
 * the interval in which its last bit is sent. A queue that empties within its interval leaves the rest
 * of the interval unused; intervals in which no queue is busy cost nothing.
 *
 * @param intervalSeconds the length tau of a transmission interval, in (0, 1e12]
 */
public record RoundRobin(double intervalSeconds) implements SchedulingPolicy {

    /** The interval lengths a round robin accepts. */
    public static final Range INTERVAL_SECONDS = Range.positiveSeconds();

    /** Validates the interval. */
    public RoundRobin {
        INTERVAL_SECONDS.check("intervalSeconds", intervalSeconds);
    }
}
