package io.radiolink.stats;

import java.io.Serializable;

/**
 * The per-connection throughputs of one shared cell direction, as sums: how many connections were
 * counted, and the sum and the sum of squares of their throughputs (bit/s). Summed over replications by
 * {@link #plus}; the mean and Jain's fairness index are computed from them, so the per-replication value
 * a summary estimates and the pooled value of the summed counts are the same formula.
 *
 * @param connections connections counted (opened in the window, with something sent), >= 0
 * @param throughputSum the sum of their throughputs, >= 0
 * @param throughputSquareSum the sum of their squares, >= 0
 */
public record ShareCounts(long connections, double throughputSum, double throughputSquareSum) implements Serializable {

    /** No connection. */
    public static final ShareCounts ZERO = new ShareCounts(0, 0, 0);

    /** Checks the values. */
    public ShareCounts {
        if (connections < 0 || !(throughputSum >= 0) || !(throughputSquareSum >= 0)) {
            throw new IllegalArgumentException("counts must be >= 0: " + connections + ", " + throughputSum + ", "
                    + throughputSquareSum);
        }
    }

    /** The counts of {@code throughputs}, summed in their order. */
    public static ShareCounts of(double... throughputs) {
        double sum = 0;
        double squares = 0;
        for (double x : throughputs) {
            sum += x;
            squares += x * x;
        }
        return new ShareCounts(throughputs.length, sum, squares);
    }

    /** These counts and {@code other}'s together. */
    public ShareCounts plus(ShareCounts other) {
        return new ShareCounts(connections + other.connections, throughputSum + other.throughputSum,
                throughputSquareSum + other.throughputSquareSum);
    }

    /** The mean throughput of the counted connections, bit/s; NaN if none. */
    public double meanThroughputBitsPerSecond() {
        return connections == 0 ? Double.NaN : throughputSum / connections;
    }

    /**
     * Jain's fairness index of the throughputs, (Σx)² / (n Σx²): 1 when every connection got the same,
     * 1/n when one got everything; NaN without a connection (or if every throughput is 0).
     */
    public double fairnessIndex() {
        return connections == 0 ? Double.NaN : throughputSum * throughputSum / (connections * throughputSquareSum);
    }
}
