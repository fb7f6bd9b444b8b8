package io.radiolink.report;

import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.stats.BackhaulUsage;
import io.radiolink.stats.ReplicationResult;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One direction of some stations' backhauls in one replication's window, summed over those stations (every
 * station, or one): what {@code metrics.backhaul} of the reports states (REPORTS.md). Times and counts are sums, so that a
 * utilisation or down share is the stations' mean and a mean delay is over every station's messages; the
 * largest queueing delay is the largest of any station, since time 0 (a largest value cannot be taken
 * apart at the warm-up, {@link BackhaulStatistics#since}).
 *
 * @param observedSeconds the stations' observed times, summed
 * @param busySeconds the transmitters' busy times, summed
 * @param downSeconds the backhauls' down times, summed
 * @param messagesDelivered messages delivered
 * @param bitsDelivered their bits
 * @param retransmissions transmissions after a message's first
 * @param queueing every station's queueing delays tallied together
 * @param transfer every station's transfer delays tallied together
 */
record BackhaulTotals(double observedSeconds, double busySeconds, double downSeconds, long messagesDelivered,
        long bitsDelivered, long retransmissions, BackhaulStatistics.Delays queueing,
        BackhaulStatistics.Delays transfer) {

    /**
     * The direction {@code direction} of the backhauls of {@code result} whose station ids {@code stations}
     * admits, summed over those stations, in id order.
     */
    static BackhaulTotals of(ReplicationResult result, Function<BackhaulUsage.Directions, BackhaulStatistics> direction,
            Predicate<String> stations) {
        double observed = 0;
        double busy = 0;
        double down = 0;
        long messages = 0;
        long bits = 0;
        long retransmissions = 0;
        BackhaulStatistics.Delays queueing = BackhaulStatistics.Delays.NONE;
        BackhaulStatistics.Delays transfer = BackhaulStatistics.Delays.NONE;
        for (Map.Entry<String, BackhaulUsage.Directions> station : result.backhauls().stations().entrySet()) {
            if (!stations.test(station.getKey())) {
                continue;
            }
            BackhaulStatistics s = direction.apply(station.getValue());
            observed += s.observedSeconds();
            busy += s.busySeconds();
            down += s.downSeconds();
            messages += s.messagesDelivered();
            bits += s.bitsDelivered();
            retransmissions += s.retransmissions();
            queueing = plus(queueing, s.queueing());
            transfer = plus(transfer, s.transfer());
        }
        return new BackhaulTotals(observed, busy, down, messages, bits, retransmissions, queueing, transfer);
    }

    /** True if {@code result} has a backhaul (network storage, or station storage with peer fetch). */
    static boolean exists(ReplicationResult result) {
        return !result.backhauls().stations().isEmpty();
    }

    /** The transmitters' busy share of the observed time, the stations' mean; NaN without a backhaul. */
    double utilisation() {
        return observedSeconds == 0 ? Double.NaN : busySeconds / observedSeconds;
    }

    /** The backhauls' down share of the observed time, the stations' mean; NaN without a backhaul. */
    double downShare() {
        return observedSeconds == 0 ? Double.NaN : downSeconds / observedSeconds;
    }

    /** Bytes delivered, each message once; NaN without a backhaul. */
    double bytesDelivered() {
        return observedSeconds == 0 ? Double.NaN : bitsDelivered / 8.0;
    }

    private static BackhaulStatistics.Delays plus(BackhaulStatistics.Delays a, BackhaulStatistics.Delays b) {
        return new BackhaulStatistics.Delays(a.count() + b.count(), a.sumSeconds() + b.sumSeconds(),
                Math.max(a.maxSeconds(), b.maxSeconds()));
    }
}
