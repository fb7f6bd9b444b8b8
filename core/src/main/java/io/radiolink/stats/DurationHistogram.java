package io.radiolink.stats;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import org.HdrHistogram.Histogram;

/**
 * An immutable, mergeable histogram of durations (HdrHistogram, 3 significant digits) for percentiles.
 *
 * <p>Durations are recorded in whole microseconds in an integer {@link Histogram} whose bucket layout
 * is fixed (lowest discernible value 1 µs, growing upwards as needed). Unlike a {@code DoubleHistogram},
 * whose layout follows the first values recorded, two histograms therefore always share bucket
 * boundaries: merging is exact, and the merge of a set of histograms does not depend on their order.
 * Values are kept to 3 significant digits (relative error below 0.1 %).
 */
public final class DurationHistogram implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The histogram's precision in significant decimal digits. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final double MICROS_PER_SECOND = 1e6;

    private static final DurationHistogram EMPTY = new DurationHistogram(newRecorder());

    /** Never handed out and never changed after construction. */
    private final Histogram micros;

    private DurationHistogram(Histogram micros) {
        this.micros = micros;
    }

    /** A histogram without values. */
    public static DurationHistogram empty() {
        return EMPTY;
    }

    /**
     * A histogram of the given durations.
     *
     * @throws IllegalArgumentException if a duration is negative, NaN or infinite
     */
    public static DurationHistogram ofSeconds(double... seconds) {
        Histogram recorder = newRecorder();
        for (double value : seconds) {
            record(recorder, value);
        }
        return new DurationHistogram(recorder);
    }

    /** The merge of {@code histograms}: as if every value of each had been recorded into one. */
    public static DurationHistogram merge(Collection<DurationHistogram> histograms) {
        Histogram merged = newRecorder();
        for (DurationHistogram histogram : histograms) {
            merged.add(histogram.micros);
        }
        return new DurationHistogram(merged);
    }

    /**
     * The histogram {@link #encoded} wrote: HdrHistogram's uncompressed encoding of a microsecond histogram
     * of this class's layout, read from {@code encoding}'s position to its limit.
     *
     * @throws IllegalArgumentException if {@code encoding} is not exactly one such histogram
     */
    public static DurationHistogram ofEncoded(ByteBuffer encoding) {
        Histogram decoded;
        try {
            decoded = Histogram.decodeFromByteBuffer(encoding, 2);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e, e);
        }
        if (encoding.hasRemaining()) {
            throw new IllegalArgumentException(encoding.remaining() + " byte(s) after the encoded histogram");
        }
        if (decoded.getNumberOfSignificantValueDigits() != SIGNIFICANT_DIGITS || decoded.getLowestDiscernibleValue() != 1) {
            throw new IllegalArgumentException("the encoded histogram has " + decoded.getNumberOfSignificantValueDigits()
                    + " significant digits and lowest discernible value " + decoded.getLowestDiscernibleValue()
                    + ", not " + SIGNIFICANT_DIGITS + " and 1");
        }
        decoded.setAutoResize(true);
        return new DurationHistogram(decoded);
    }

    /**
     * HdrHistogram's uncompressed encoding ({@link Histogram#encodeIntoByteBuffer}) of the microsecond
     * histogram, which {@link #ofEncoded} reads back into an equal histogram.
     */
    public byte[] encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(micros.getNeededByteBufferCapacity());
        int length = micros.encodeIntoByteBuffer(buffer);
        return Arrays.copyOf(buffer.array(), length);
    }

    /** A fresh, growing recorder with this class's layout, for a calculator to record into. */
    static Histogram newRecorder() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    /** Records {@code seconds} into a recorder made by {@link #newRecorder()}. */
    static void record(Histogram recorder, double seconds) {
        if (!(seconds >= 0.0 && seconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a duration must be finite and >= 0, was " + seconds);
        }
        recorder.recordValue(Math.round(seconds * MICROS_PER_SECOND));
    }

    /** An immutable copy of a recorder's contents. */
    static DurationHistogram copyOf(Histogram recorder) {
        return new DurationHistogram(recorder.copy());
    }

    /** The number of durations recorded. */
    public long count() {
        return micros.getTotalCount();
    }

    /**
     * The duration at {@code percentile} (in [0, 100]), NaN if the histogram is empty: the smallest
     * recorded duration such that at least {@code percentile} % of the durations are at most it
     * (nearest rank), reported as the upper edge of its bucket, so within 0.1 % above the value.
     */
    public double secondsAtPercentile(double percentile) {
        if (!(percentile >= 0.0 && percentile <= 100.0)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
        }
        if (count() == 0) {
            return Double.NaN;
        }
        return micros.getValueAtPercentile(percentile) / MICROS_PER_SECOND;
    }

    /** The largest duration recorded (to the histogram's precision), NaN if empty. */
    public double maxSeconds() {
        return count() == 0 ? Double.NaN : micros.getMaxValue() / MICROS_PER_SECOND;
    }

    /** A copy of the underlying HdrHistogram, in microseconds, for its own reports and iterators. */
    public Histogram toMicrosecondHistogram() {
        return micros.copy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationHistogram other && micros.equals(other.micros);
    }

    @Override
    public int hashCode() {
        return micros.hashCode();
    }

    @Override
    public String toString() {
        if (count() == 0) {
            return "DurationHistogram[count=0]";
        }
        return "DurationHistogram[count=" + count() + ", p50=" + secondsAtPercentile(50) + " s, p95="
                + secondsAtPercentile(95) + " s, p99=" + secondsAtPercentile(99) + " s, max=" + maxSeconds() + " s]";
    }
}
