package io.radiolink.stats;

import io.radiolink.backhaul.BackhaulStatistics;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One direction of a backhaul (one station's, or every station's summed) across replications: the estimates
 * of the per-replication values of its {@link BackhaulStatistics} (replication/deletion: the mean of the
 * replications' values with its Student-t interval). A replication without the direction (observed for no
 * time) has no value, and so does one without a delay for a delay's figures: it is left out of that estimate.
 *
 * @param utilisation the estimate of the transmitter's busy share of the observed time
 * @param meanQueueingSeconds the estimate of the mean wait from a message's offer to its first transmission
 * @param maxQueueingSeconds the estimate of the largest such wait of the window
 * @param meanTransferSeconds the estimate of the mean time from a message's offer to its arrival
 * @param messagesDelivered the estimate of the messages delivered per replication
 * @param bytesDelivered the estimate of their bytes per replication, each message once
 * @param retransmissions the estimate of the transmissions after a message's first, per replication
 * @param downShare the estimate of the backhaul's down share of the observed time
 */
public record BackhaulDirectionSummary(Estimate utilisation, Estimate meanQueueingSeconds, Estimate maxQueueingSeconds,
        Estimate meanTransferSeconds, Estimate messagesDelivered, Estimate bytesDelivered, Estimate retransmissions,
        Estimate downShare) implements Serializable {

    /** Checks for nulls. */
    public BackhaulDirectionSummary {
        Objects.requireNonNull(utilisation, "utilisation");
        Objects.requireNonNull(meanQueueingSeconds, "meanQueueingSeconds");
        Objects.requireNonNull(maxQueueingSeconds, "maxQueueingSeconds");
        Objects.requireNonNull(meanTransferSeconds, "meanTransferSeconds");
        Objects.requireNonNull(messagesDelivered, "messagesDelivered");
        Objects.requireNonNull(bytesDelivered, "bytesDelivered");
        Objects.requireNonNull(retransmissions, "retransmissions");
        Objects.requireNonNull(downShare, "downShare");
    }

    /** The summary of {@code perReplication} (one direction's statistics per replication, in order) at {@code confidence}. */
    static BackhaulDirectionSummary of(List<BackhaulStatistics> perReplication, double confidence) {
        return new BackhaulDirectionSummary(
                Estimate.of(perReplication, BackhaulStatistics::utilisation, confidence),
                Estimate.of(perReplication, s -> s.queueing().meanSeconds(), confidence),
                Estimate.of(perReplication, BackhaulDirectionSummary::maxQueueingSeconds, confidence),
                Estimate.of(perReplication, s -> s.transfer().meanSeconds(), confidence),
                Estimate.of(perReplication, BackhaulDirectionSummary::messagesDelivered, confidence),
                Estimate.of(perReplication, BackhaulDirectionSummary::bytesDelivered, confidence),
                Estimate.of(perReplication, BackhaulDirectionSummary::retransmissions, confidence),
                Estimate.of(perReplication, BackhaulDirectionSummary::downShare, confidence));
    }

    /** One replication's value of {@link #maxQueueingSeconds()}: its largest wait, NaN (left out) without a wait. */
    public static double maxQueueingSeconds(BackhaulStatistics replication) {
        return replication.queueing().count() == 0 ? Double.NaN : replication.queueing().maxSeconds();
    }

    /** One replication's value of {@link #messagesDelivered()}, NaN (left out) if it observed the direction for no time. */
    public static double messagesDelivered(BackhaulStatistics replication) {
        return observed(replication, replication.messagesDelivered());
    }

    /** One replication's value of {@link #bytesDelivered()}, NaN (left out) if it observed the direction for no time. */
    public static double bytesDelivered(BackhaulStatistics replication) {
        return observed(replication, replication.bitsDelivered() / 8.0);
    }

    /** One replication's value of {@link #retransmissions()}, NaN (left out) if it observed the direction for no time. */
    public static double retransmissions(BackhaulStatistics replication) {
        return observed(replication, replication.retransmissions());
    }

    /** One replication's value of {@link #downShare()}, NaN (left out) if it observed the direction for no time. */
    public static double downShare(BackhaulStatistics replication) {
        return observed(replication, replication.downSeconds() / replication.observedSeconds());
    }

    /** {@code value}, or NaN (left out of the estimate) in a replication that observed the direction for no time. */
    private static double observed(BackhaulStatistics replication, double value) {
        return replication.observedSeconds() == 0 ? Double.NaN : value;
    }
}
