package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One replication's time-binned series of what a warm-up analysis needs, counted by {@link SeriesCalculator}:
 * bins of {@code binSeconds} over [0, {@code runLengthSeconds}) from time 0, warm-up included. Bin k is
 * [k·w, (k+1)·w) with k·w computed in double arithmetic; the last bin ends at the run length, so it may be
 * shorter; an event at or after the run length is in no bin. Each quantity holds one value per bin, every
 * cell and store together; the arrays are copied in and out, and equality is by content.
 * {@link #NONE} (width 0) is the series of a run that kept none.
 *
 * @param binSeconds the bins' width, > 0 ({@code 0} only for {@link #NONE})
 * @param runLengthSeconds the end of the last bin: the replication's run length ({@code 0} for {@link #NONE})
 * @param busyChannels per bin, the time-weighted mean number of busy channels
 * @param storedBytes per bin, the time-weighted mean bytes every store holds (committed plus staged), as
 *     {@link StorageOccupancy#meanBytes()} over the window
 * @param flows per flow kind, every kind present: the flows started, succeeded and failed per bin
 * @param attempts per bin, the connection attempts made in it (as {@link CellCounts#attempts()})
 * @param blockedAttempts per bin, of those, the attempts that found every channel busy
 */
public record BinnedSeries(double binSeconds, double runLengthSeconds, double[] busyChannels, double[] storedBytes,
        Map<FlowKind, FlowBins> flows, long[] attempts, long[] blockedAttempts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most bins a series may have (about 100 bytes each while counting): 100,000. */
    public static final int MAX_BINS = 100_000;

    /** The most bins the default width gives: 200. */
    public static final int DEFAULT_MAX_BINS = 200;

    /** Widths: {@code 0} (no series), or a time in seconds up to {@link Range#MAX_SECONDS}. */
    public static final Range BIN_SECONDS = Range.seconds();

    /** No series: width 0, no bin. */
    public static final BinnedSeries NONE = none();

    /** Checks every array's length against the bin count, every value, and copies the arrays. */
    public BinnedSeries {
        int bins = binSeconds == 0 && runLengthSeconds == 0 ? 0
                : Math.toIntExact(binCount(binSeconds, runLengthSeconds));
        busyChannels = levels(busyChannels, bins, "busyChannels");
        storedBytes = levels(storedBytes, bins, "storedBytes");
        flows = ResultMaps.complete(FlowKind.class, flows, "flows");
        flows.forEach((kind, counts) -> requireLength(counts.started().length, bins, "flows of " + kind));
        attempts = counts(attempts, bins, "attempts");
        blockedAttempts = counts(blockedAttempts, bins, "blockedAttempts");
        for (int k = 0; k < bins; k++) {
            if (blockedAttempts[k] > attempts[k]) {
                throw new IllegalArgumentException("bin " + k + ": " + blockedAttempts[k] + " blocked of "
                        + attempts[k] + " attempts");
            }
        }
    }

    /**
     * The default width for a run of {@code runLengthSeconds}: the smallest of 1, 2 and 5 × 10^k seconds
     * (k any integer) that gives at most {@link #DEFAULT_MAX_BINS} bins (a 3,600 s run: 20 s, 180 bins).
     *
     * @param runLengthSeconds > 0 and finite
     */
    public static double defaultBinSeconds(double runLengthSeconds) {
        Range.positiveSeconds().check("runLengthSeconds", runLengthSeconds);
        // From a decade below the exact width up: 10^k for k < 0 by a division, so each width is the
        // double nearest the decimal (0.005, not 5 × 0.001).
        int decade = (int) Math.floor(StrictMath.log10(runLengthSeconds / DEFAULT_MAX_BINS)) - 1;
        for (;; decade++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double width = decade >= 0 ? mantissa * StrictMath.pow(10, decade)
                        : mantissa / StrictMath.pow(10, -decade);
                if (binCount(width, runLengthSeconds) <= DEFAULT_MAX_BINS) {
                    return width;
                }
            }
        }
    }

    /**
     * The bins of width {@code binSeconds} over [0, {@code runLengthSeconds}): the least n with
     * n·w >= the run length (in double arithmetic, as the bins' starts are computed).
     *
     * @param binSeconds > 0
     * @param runLengthSeconds > 0
     */
    public static long binCount(double binSeconds, double runLengthSeconds) {
        if (!(binSeconds > 0 && runLengthSeconds > 0 && Double.isFinite(binSeconds / runLengthSeconds))) {
            throw new IllegalArgumentException("need a width and a run length > 0, were " + binSeconds + " and "
                    + runLengthSeconds);
        }
        double ratio = Math.ceil(runLengthSeconds / binSeconds);
        if (ratio > 1L << 52) {
            return Long.MAX_VALUE; // beyond exact doubles: more bins than any check allows
        }
        long n = Math.max(1, (long) ratio);
        while (n > 1 && (n - 1) * binSeconds >= runLengthSeconds) {
            n--;
        }
        while (n * binSeconds < runLengthSeconds) {
            n++;
        }
        return n;
    }

    /**
     * Checks a series width for a run of {@code runLengthSeconds}: 0 (no series), or a time giving at most
     * {@link #MAX_BINS} bins.
     *
     * @return {@code binSeconds}
     * @throws InvalidFieldException naming {@code seriesBinSeconds} if it is neither
     */
    public static double checkBinSeconds(double binSeconds, double runLengthSeconds) {
        BIN_SECONDS.check("seriesBinSeconds", binSeconds);
        if (binSeconds > 0) {
            long bins = binCount(binSeconds, runLengthSeconds);
            if (bins > MAX_BINS) {
                throw new InvalidFieldException("seriesBinSeconds", Double.toString(binSeconds),
                        "must give at most " + MAX_BINS + " bins over runLengthSeconds " + runLengthSeconds
                                + ", was " + binSeconds + " (" + (bins == Long.MAX_VALUE ? "more" : bins) + " bins)",
                        "0 (no series) or a width in seconds giving at most " + MAX_BINS + " bins");
            }
        }
        return binSeconds;
    }

    /** True for {@link #NONE}: a run that kept no series. */
    public boolean isNone() {
        return binSeconds == 0;
    }

    /** The number of bins (0 for {@link #NONE}). */
    public int binCount() {
        return attempts.length;
    }

    /** Where bin {@code bin} starts: {@code bin × binSeconds}. */
    public double binStartSeconds(int bin) {
        Objects.checkIndex(bin, binCount());
        return bin * binSeconds;
    }

    /** How long bin {@code bin} lasts: the width, or less for the last bin. */
    public double binLengthSeconds(int bin) {
        Objects.checkIndex(bin, binCount());
        double end = bin == binCount() - 1 ? runLengthSeconds : (bin + 1) * binSeconds;
        return end - bin * binSeconds;
    }

    /** The flows of {@code kind}, per bin. */
    public FlowBins flowsOf(FlowKind kind) {
        return flows.get(kind);
    }

    /** A copy. */
    @Override
    public double[] busyChannels() {
        return busyChannels.clone();
    }

    /** A copy. */
    @Override
    public double[] storedBytes() {
        return storedBytes.clone();
    }

    /** A copy. */
    @Override
    public long[] attempts() {
        return attempts.clone();
    }

    /** A copy. */
    @Override
    public long[] blockedAttempts() {
        return blockedAttempts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinnedSeries s && Double.compare(binSeconds, s.binSeconds) == 0
                && Double.compare(runLengthSeconds, s.runLengthSeconds) == 0
                && Arrays.equals(busyChannels, s.busyChannels) && Arrays.equals(storedBytes, s.storedBytes)
                && flows.equals(s.flows) && Arrays.equals(attempts, s.attempts)
                && Arrays.equals(blockedAttempts, s.blockedAttempts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(binSeconds, runLengthSeconds, Arrays.hashCode(busyChannels), Arrays.hashCode(storedBytes),
                flows, Arrays.hashCode(attempts), Arrays.hashCode(blockedAttempts));
    }

    @Override
    public String toString() {
        return "BinnedSeries[binSeconds=" + binSeconds + ", runLengthSeconds=" + runLengthSeconds + ", bins="
                + binCount() + "]";
    }

    /**
     * One flow kind's counts per bin: flows started in the bin (by start time), and flows that ended in it
     * (by end time), successes and failures apart, with the summed completion times of the successes.
     *
     * @param started the flows that started in each bin
     * @param succeeded the flows that ended in each bin with success
     * @param failed the flows that ended in each bin with any other outcome
     * @param completionSecondsSum the summed completion times (start to end) of the successes ending in each bin
     */
    public record FlowBins(long[] started, long[] succeeded, long[] failed, double[] completionSecondsSum)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Checks that the arrays have one length and no negative value, and copies them. */
        public FlowBins {
            int bins = Objects.requireNonNull(started, "started").length;
            started = counts(started, bins, "started");
            succeeded = counts(succeeded, bins, "succeeded");
            failed = counts(failed, bins, "failed");
            completionSecondsSum = levels(completionSecondsSum, bins, "completionSecondsSum");
        }

        /** No flow in any of {@code bins} bins. */
        static FlowBins zeros(int bins) {
            return new FlowBins(new long[bins], new long[bins], new long[bins], new double[bins]);
        }

        /** A copy. */
        @Override
        public long[] started() {
            return started.clone();
        }

        /** A copy. */
        @Override
        public long[] succeeded() {
            return succeeded.clone();
        }

        /** A copy. */
        @Override
        public long[] failed() {
            return failed.clone();
        }

        /** A copy. */
        @Override
        public double[] completionSecondsSum() {
            return completionSecondsSum.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowBins f && Arrays.equals(started, f.started) && Arrays.equals(succeeded, f.succeeded)
                    && Arrays.equals(failed, f.failed) && Arrays.equals(completionSecondsSum, f.completionSecondsSum);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(started), Arrays.hashCode(succeeded), Arrays.hashCode(failed),
                    Arrays.hashCode(completionSecondsSum));
        }

        @Override
        public String toString() {
            return "FlowBins[bins=" + started.length + "]";
        }
    }

    private static BinnedSeries none() {
        Map<FlowKind, FlowBins> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            flows.put(kind, FlowBins.zeros(0));
        }
        return new BinnedSeries(0, 0, new double[0], new double[0], flows, new long[0], new long[0]);
    }

    /** A copy of {@code values}, {@code bins} finite values >= 0. */
    private static double[] levels(double[] values, int bins, String field) {
        requireLength(Objects.requireNonNull(values, field).length, bins, field);
        for (double value : values) {
            if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
            }
        }
        return values.clone();
    }

    /** A copy of {@code values}, {@code bins} counts >= 0. */
    private static long[] counts(long[] values, int bins, String field) {
        requireLength(Objects.requireNonNull(values, field).length, bins, field);
        for (long value : values) {
            if (value < 0) {
                throw new IllegalArgumentException(field + " must be >= 0, was " + value);
            }
        }
        return values.clone();
    }

    private static void requireLength(int length, int bins, String field) {
        if (length != bins) {
            throw new IllegalArgumentException(field + " has " + length + " bins, need " + bins);
        }
    }
}
