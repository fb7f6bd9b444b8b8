package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Percentiles of a known sample, exact merges, serialization and the encoding of {@link DurationHistogram}. */
final class DurationHistogramTest {

    /** 1, 2, ..., 100 seconds. */
    private static double[] oneToHundred() {
        double[] seconds = new double[100];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = i + 1;
        }
        return seconds;
    }

    /** The value with 3 significant digits: at or at most 0.1 % above the true value. */
    private static void assertWithinPrecision(double expected, double actual) {
        assertTrue(actual >= expected && actual <= expected * 1.001, "expected " + expected + ", was " + actual);
    }

    @Test
    void secondsAtPercentile_oneToHundred_nearestRank() {
        DurationHistogram histogram = DurationHistogram.ofSeconds(oneToHundred());
        assertEquals(100, histogram.count());
        assertWithinPrecision(50, histogram.secondsAtPercentile(50));
        assertWithinPrecision(95, histogram.secondsAtPercentile(95));
        assertWithinPrecision(99, histogram.secondsAtPercentile(99));
        assertWithinPrecision(100, histogram.secondsAtPercentile(100));
        assertWithinPrecision(100, histogram.maxSeconds());
        assertWithinPrecision(51, histogram.secondsAtPercentile(50.5)); // ceil(50.5) = 51st value
    }

    @Test
    void secondsAtPercentile_smallDurations_keptToMicroseconds() {
        DurationHistogram histogram = DurationHistogram.ofSeconds(0.000_25, 0.0125, 0.5);
        assertEquals(0.000_25, histogram.secondsAtPercentile(0), 1e-9);
        assertWithinPrecision(0.0125, histogram.secondsAtPercentile(50));
    }

    @Test
    void secondsAtPercentile_empty_nan() {
        assertTrue(Double.isNaN(DurationHistogram.empty().secondsAtPercentile(50)));
        assertTrue(Double.isNaN(DurationHistogram.empty().maxSeconds()));
        assertEquals(0, DurationHistogram.empty().count());
    }

    @Test
    void secondsAtPercentile_outOfRange_rejected() {
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.empty().secondsAtPercentile(101));
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.empty().secondsAtPercentile(-1));
    }

    @Test
    void ofSeconds_negativeOrNan_rejected() {
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.ofSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.ofSeconds(Double.NaN));
    }

    @Test
    void merge_inAnyOrder_equalsRecordingEveryValueIntoOne() {
        Random random = new Random(11);
        List<DurationHistogram> parts = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int part = 0; part < 6; part++) {
            double[] values = new double[50];
            for (int i = 0; i < values.length; i++) {
                // spread over seven decades, so that the parts' ranges differ widely
                values[i] = Math.pow(10, -3 + 7 * random.nextDouble());
                all.add(values[i]);
            }
            parts.add(DurationHistogram.ofSeconds(values));
        }
        DurationHistogram expected = DurationHistogram.ofSeconds(all.stream().mapToDouble(Double::doubleValue).toArray());
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(parts, random);
            DurationHistogram merged = DurationHistogram.merge(parts);
            assertEquals(expected, merged);
            assertEquals(expected.hashCode(), merged.hashCode());
            assertEquals(expected.secondsAtPercentile(95), merged.secondsAtPercentile(95));
        }
        assertEquals(DurationHistogram.empty(), DurationHistogram.merge(List.of()));
    }

    @Test
    void equals_differentValues_notEqual() {
        assertNotEquals(DurationHistogram.ofSeconds(1, 2), DurationHistogram.ofSeconds(1, 3));
        assertNotEquals(DurationHistogram.ofSeconds(1), DurationHistogram.ofSeconds(1, 1));
    }

    @Test
    void toMicrosecondHistogram_changed_histogramUnchanged() {
        DurationHistogram histogram = DurationHistogram.ofSeconds(1, 2);
        histogram.toMicrosecondHistogram().recordValue(5_000_000);
        assertEquals(2, histogram.count());
    }

    @Test
    void serialization_roundTrip_equalValue() {
        DurationHistogram histogram = DurationHistogram.ofSeconds(oneToHundred());
        DurationHistogram copy = Serialization.roundTrip(histogram, DurationHistogram.class);
        assertNotSame(histogram, copy);
        assertEquals(histogram, copy);
        assertEquals(histogram.secondsAtPercentile(99), copy.secondsAtPercentile(99));
    }

    @Test
    void ofEncoded_encoded_equalHistogramAndTheSameBytes() {
        for (DurationHistogram histogram : List.of(DurationHistogram.empty(), DurationHistogram.ofSeconds(0.000_25),
                DurationHistogram.ofSeconds(oneToHundred()), DurationHistogram.ofSeconds(1e-6, 86_400))) {
            DurationHistogram copy = DurationHistogram.ofEncoded(ByteBuffer.wrap(histogram.encoded()));
            assertEquals(histogram, copy);
            assertEquals(histogram.secondsAtPercentile(99), copy.secondsAtPercentile(99));
            assertArrayEquals(histogram.encoded(), copy.encoded());
        }
    }

    @Test
    void ofEncoded_decodedHistogram_mergesAndGrowsAsTheOriginal() {
        DurationHistogram histogram = DurationHistogram.ofSeconds(oneToHundred());
        DurationHistogram copy = DurationHistogram.ofEncoded(ByteBuffer.wrap(histogram.encoded()));
        DurationHistogram large = DurationHistogram.ofSeconds(86_400);
        assertEquals(DurationHistogram.merge(List.of(histogram, large)), DurationHistogram.merge(List.of(copy, large)));
        // Its copy grows for a value beyond its range, as a recorder's does, rather than failing.
        Histogram grown = copy.toMicrosecondHistogram();
        grown.recordValue(1L << 40);
        assertEquals(101, grown.getTotalCount());
    }

    @Test
    void ofEncoded_trailingBytesOrAnotherLayoutOrGarbage_rejected() {
        byte[] encoded = DurationHistogram.ofSeconds(1, 2).encoded();
        assertThrows(IllegalArgumentException.class,
                () -> DurationHistogram.ofEncoded(ByteBuffer.wrap(Arrays.copyOf(encoded, encoded.length + 1))));
        Histogram twoDigits = new Histogram(2);
        twoDigits.recordValue(5);
        ByteBuffer other = ByteBuffer.allocate(twoDigits.getNeededByteBufferCapacity());
        twoDigits.encodeIntoByteBuffer(other);
        other.flip();
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.ofEncoded(other));
        assertThrows(IllegalArgumentException.class, () -> DurationHistogram.ofEncoded(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertThrows(IllegalArgumentException.class,
                () -> DurationHistogram.ofEncoded(ByteBuffer.wrap(Arrays.copyOf(encoded, encoded.length - 1))));
    }
}
