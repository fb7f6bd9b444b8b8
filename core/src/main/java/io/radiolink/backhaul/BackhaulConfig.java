package io.radiolink.backhaul;

import io.radiolink.node.OutageConfig;
import io.radiolink.radio.Checks;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * A station's backhaul, both directions alike: rate, propagation delay, the bound of each direction's
 * FIFO queue, the loss of one transmission and the retransmission timeout, and the outages of the pair.
 *
 * <p>A message of {@code b} bits occupies its direction's transmitter for {@code b / rateBitsPerSecond}
 * seconds and arrives {@code propagationDelaySeconds} after its last bit left. Each transmission is lost
 * with probability {@code lossProbability}, independently; the sender learns of a loss
 * {@code retransmissionTimeoutSeconds} after the lost transmission ended and sends the message again,
 * ahead of messages not yet sent. The outages are a station's outage model ({@link OutageConfig}): its
 * scheduled and random down periods take both directions down together; a link stores nothing, so
 * {@code persistentStorage} must be true (its default).
 *
 * @param rateBitsPerSecond each direction's rate, in {@link LinkConfig#RATE_BITS_PER_SECOND}
 * @param propagationDelaySeconds one-way delay from a message's last bit leaving to its arrival, in
 *     {@link LinkConfig#PROPAGATION_DELAY_SECONDS}
 * @param maxQueuedMessages messages a direction holds waiting for their first transmission; one offered
 *     beyond it is dropped (tail drop); {@link #UNBOUNDED} for no bound
 * @param lossProbability of each transmission, in [0, 1)
 * @param retransmissionTimeoutSeconds from the end of a lost transmission to its repeat being due, > 0;
 *     with loss, at least the round trip {@code 2 * propagationDelaySeconds}
 * @param outages when the link is down
 */
public record BackhaulConfig(double rateBitsPerSecond, double propagationDelaySeconds, int maxQueuedMessages,
        double lossProbability, double retransmissionTimeoutSeconds, OutageConfig outages) {

    /** No bound on a direction's queue. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Bounds of a direction's queue: zero holds no message waiting (only the one being sent). */
    public static final Range MAX_QUEUED_MESSAGES = Range.wholeBetween(0, UNBOUNDED);
    /** Loss of one transmission: below 1, so that every message is delivered in the end. */
    public static final Range LOSS_PROBABILITY = Range.closedOpen(0, 1);
    /** Retransmission timeouts. */
    public static final Range RETRANSMISSION_TIMEOUT_SECONDS = Range.positiveSeconds();
    /** The timeout of a lossless link, where it never acts: TCP's initial RTO (RFC 6298, section 2). */
    public static final double DEFAULT_RETRANSMISSION_TIMEOUT_SECONDS = 1.0;

    /** Validates every field. */
    public BackhaulConfig {
        LinkConfig.RATE_BITS_PER_SECOND.check("rateBitsPerSecond", rateBitsPerSecond);
        LinkConfig.PROPAGATION_DELAY_SECONDS.check("propagationDelaySeconds", propagationDelaySeconds);
        MAX_QUEUED_MESSAGES.check("maxQueuedMessages", maxQueuedMessages);
        LOSS_PROBABILITY.check("lossProbability", lossProbability);
        RETRANSMISSION_TIMEOUT_SECONDS.check("retransmissionTimeoutSeconds", retransmissionTimeoutSeconds);
        if (lossProbability > 0) {
            // The timeout stands for an acknowledgement that did not come; one shorter than the round
            // trip would fire for messages that were delivered, which this model does not repeat.
            Checks.relation(retransmissionTimeoutSeconds >= 2 * propagationDelaySeconds,
                    "retransmissionTimeoutSeconds", retransmissionTimeoutSeconds, ">=",
                    "2 * propagationDelaySeconds", 2 * propagationDelaySeconds,
                    RETRANSMISSION_TIMEOUT_SECONDS.describe() + " and >= 2 * propagationDelaySeconds");
        }
        Objects.requireNonNull(outages, "outages");
        if (!outages.persistentStorage()) {
            throw InvalidFieldException.stated("outages.persistentStorage", "false",
                    "outages.persistentStorage must be true: a backhaul link stores nothing to lose",
                    "true");
        }
    }

    /** An unbounded, lossless link that never goes down. */
    public static BackhaulConfig lossless(double rateBitsPerSecond, double propagationDelaySeconds) {
        return new BackhaulConfig(rateBitsPerSecond, propagationDelaySeconds, UNBOUNDED, 0,
                DEFAULT_RETRANSMISSION_TIMEOUT_SECONDS, OutageConfig.NONE);
    }

    /** The same link with another loss and retransmission timeout. */
    public BackhaulConfig withLoss(double probability, double timeoutSeconds) {
        return new BackhaulConfig(rateBitsPerSecond, propagationDelaySeconds, maxQueuedMessages, probability,
                timeoutSeconds, outages);
    }

    /** The same link with another queue bound. */
    public BackhaulConfig withMaxQueuedMessages(int bound) {
        return new BackhaulConfig(rateBitsPerSecond, propagationDelaySeconds, bound, lossProbability,
                retransmissionTimeoutSeconds, outages);
    }

    /** The same link with other outages. */
    public BackhaulConfig withOutages(OutageConfig newOutages) {
        return new BackhaulConfig(rateBitsPerSecond, propagationDelaySeconds, maxQueuedMessages, lossProbability,
                retransmissionTimeoutSeconds, newOutages);
    }

    /** Seconds a direction's transmitter is busy sending {@code sizeBits}. */
    public double transmissionSeconds(long sizeBits) {
        return sizeBits / rateBitsPerSecond;
    }
}
