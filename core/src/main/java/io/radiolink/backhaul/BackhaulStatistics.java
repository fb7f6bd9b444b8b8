package io.radiolink.backhaul;

import java.io.Serializable;

/**
 * What one direction of a backhaul did from time zero to {@code observedSeconds}.
 *
 * <p>A message is offered when the station (or the store) hands it to the direction; it is dropped if
 * the queue was full, else it waits, is transmitted (again after each loss or outage) and delivered.
 * {@code transmissions} counts every transmission begun: each accepted message's first, plus the
 * {@code retransmissions} that followed a loss ({@code transmissionsLost}) or an outage that cut a
 * transmission short ({@code transmissionsAborted}).
 *
 * @param observedSeconds the time the statistics cover, from 0
 * @param messagesOffered messages handed to the direction
 * @param messagesDropped of those, refused because the queue was full
 * @param messagesDelivered messages that arrived at the far end
 * @param bitsDelivered their bits, each message once
 * @param transmissions transmissions begun
 * @param retransmissions of those, transmissions of a message after its first
 * @param transmissionsLost transmissions the loss process destroyed
 * @param transmissionsAborted transmissions an outage cut short
 * @param busySeconds time the transmitter was sending (lost and aborted transmissions included)
 * @param downSeconds time the backhaul was down (both directions alike)
 * @param queueing from a message's offer to the start of its first transmission, per message that started
 * @param transfer from a message's offer to its arrival at the far end, per message delivered
 */
public record BackhaulStatistics(double observedSeconds, long messagesOffered, long messagesDropped,
        long messagesDelivered, long bitsDelivered, long transmissions, long retransmissions,
        long transmissionsLost, long transmissionsAborted, double busySeconds, double downSeconds,
        Delays queueing, Delays transfer) implements Serializable {

    /**
     * A tally of delays: how many, their sum and their largest.
     *
     * @param count delays tallied
     * @param sumSeconds their sum
     * @param maxSeconds the largest since time 0, or since the link last restarted its largest delays
     *     ({@link BackhaulLink#restartLargestDelays}); 0 when none
     */
    public record Delays(long count, double sumSeconds, double maxSeconds) implements Serializable {

        /** Nothing tallied. */
        public static final Delays NONE = new Delays(0, 0, 0);

        /** The same count and sum with no largest delay yet (the largest restarts). */
        public Delays withoutLargest() {
            return new Delays(count, sumSeconds, 0);
        }

        /** The tally with one more delay. */
        public Delays plus(double seconds) {
            return new Delays(count + 1, sumSeconds + seconds, Math.max(maxSeconds, seconds));
        }

        /** This tally and {@code other} together (two stations' delays): counts and sums added, the larger largest. */
        public Delays plus(Delays other) {
            return new Delays(count + other.count, sumSeconds + other.sumSeconds, Math.max(maxSeconds, other.maxSeconds));
        }

        /**
         * The delays tallied after {@code earlier}; the largest stays this tally's (since time 0, or since
         * the largest last restarted: after {@code earlier}, a window's largest).
         */
        public Delays since(Delays earlier) {
            return new Delays(count - earlier.count, sumSeconds - earlier.sumSeconds, maxSeconds);
        }

        /** The mean delay; NaN when none was tallied. */
        public double meanSeconds() {
            return count == 0 ? Double.NaN : sumSeconds / count;
        }
    }

    /** Nothing observed yet: the statistics at time 0. */
    public static final BackhaulStatistics ZERO = new BackhaulStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            Delays.NONE, Delays.NONE);

    /**
     * What the direction did after {@code earlier} (a snapshot of the same direction) up to this one: every
     * count, sum and time the difference; each delay tally's largest is this snapshot's, the largest since
     * time 0 or since the link last restarted its largest delays (a largest value cannot be taken apart, so
     * a window's largest needs the restart at the window's start, {@link BackhaulLink#restartLargestDelays}).
     */
    public BackhaulStatistics since(BackhaulStatistics earlier) {
        return new BackhaulStatistics(observedSeconds - earlier.observedSeconds,
                messagesOffered - earlier.messagesOffered, messagesDropped - earlier.messagesDropped,
                messagesDelivered - earlier.messagesDelivered, bitsDelivered - earlier.bitsDelivered,
                transmissions - earlier.transmissions, retransmissions - earlier.retransmissions,
                transmissionsLost - earlier.transmissionsLost, transmissionsAborted - earlier.transmissionsAborted,
                busySeconds - earlier.busySeconds, downSeconds - earlier.downSeconds,
                queueing.since(earlier.queueing), transfer.since(earlier.transfer));
    }

    /**
     * These statistics and {@code other}'s together (one direction of two stations' backhauls): every count,
     * sum and time added, so the sum's {@link #utilisation} is the stations' mean weighted by their observed
     * times and a mean delay is over both stations' messages; each delay tally's largest is the larger.
     */
    public BackhaulStatistics plus(BackhaulStatistics other) {
        return new BackhaulStatistics(observedSeconds + other.observedSeconds,
                messagesOffered + other.messagesOffered, messagesDropped + other.messagesDropped,
                messagesDelivered + other.messagesDelivered, bitsDelivered + other.bitsDelivered,
                transmissions + other.transmissions, retransmissions + other.retransmissions,
                transmissionsLost + other.transmissionsLost, transmissionsAborted + other.transmissionsAborted,
                busySeconds + other.busySeconds, downSeconds + other.downSeconds,
                queueing.plus(other.queueing), transfer.plus(other.transfer));
    }

    /** The share of the observed time the transmitter was busy; NaN before any time has passed. */
    public double utilisation() {
        return observedSeconds == 0 ? Double.NaN : busySeconds / observedSeconds;
    }
}
