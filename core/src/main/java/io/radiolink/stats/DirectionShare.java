package io.radiolink.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One direction of one shared cell over a replication's observation window: how busy it was, how many
 * connections shared it on average, and what each connection got. A connection's throughput is its
 * queue's served bits over its busy time (the time it had something queued, {@code
 * radio.share.ShareStatistics#throughputBitsPerSecond}); the connections counted are those whose queue
 * opened (the connection was established) in the window and that carried data in the direction (put a
 * data frame of a transfer on the air, {@code radio.Link#dataFramesSent}), each once, with everything it
 * did until it stopped sending, as flows are counted by their start.
 *
 * @param utilisation the share of the window the direction had at least one connection with something
 *     queued, in [0, 1]
 * @param carriedLoad the bits its units carried over what its capacity could carry in the window,
 *     {@code radio.share.ShareStatistics#carriedLoad}, >= 0 (a unit's bits count at its departure)
 * @param meanActiveUsers the time-average number of connections with something queued, >= 0
 * @param counts the counted connections' throughputs, summed
 * @param throughputP5BitsPerSecond the 5th percentile of their throughputs ({@link Quantile}'s type 7), NaN if none
 * @param throughputP50BitsPerSecond the median, NaN if none
 * @param throughputP95BitsPerSecond the 95th percentile, NaN if none
 */
public record DirectionShare(double utilisation, double carriedLoad, double meanActiveUsers, ShareCounts counts,
        double throughputP5BitsPerSecond, double throughputP50BitsPerSecond, double throughputP95BitsPerSecond)
        implements Serializable {

    /** The percentiles stated, as probabilities, in the order of the components. */
    static final double[] PERCENTILES = {0.05, 0.5, 0.95};

    /** Checks the values. */
    public DirectionShare {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation must be in [0, 1], was " + utilisation);
        }
        if (!(carriedLoad >= 0)) {
            throw new IllegalArgumentException("carriedLoad must be >= 0, was " + carriedLoad);
        }
        if (!(meanActiveUsers >= 0)) {
            throw new IllegalArgumentException("meanActiveUsers must be >= 0, was " + meanActiveUsers);
        }
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * The figures of a direction busy {@code utilisation} of the window, carrying {@code carriedLoad}, with
     * {@code meanActiveUsers} on average, whose counted connections had the throughputs {@code throughputs}
     * (in the order counted).
     */
    static DirectionShare of(double utilisation, double carriedLoad, double meanActiveUsers, double[] throughputs) {
        double[] sorted = throughputs.clone();
        Arrays.sort(sorted);
        return new DirectionShare(utilisation, carriedLoad, meanActiveUsers, ShareCounts.of(throughputs),
                Quantile.of(sorted, PERCENTILES[0]), Quantile.of(sorted, PERCENTILES[1]),
                Quantile.of(sorted, PERCENTILES[2]));
    }

    /** The counted connections' mean throughput, bit/s; NaN if none. */
    public double meanThroughputBitsPerSecond() {
        return counts.meanThroughputBitsPerSecond();
    }

    /** Jain's fairness index of the counted connections' throughputs; NaN if none. */
    public double fairnessIndex() {
        return counts.fairnessIndex();
    }
}
