package io.radiolink.run.unit;

import io.radiolink.stats.DurationHistogram;
import java.nio.ByteBuffer;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;

/** The two non-record types of a unit, written by an adapter each (docs/runs.md, section 1). */
enum Adapters implements ValueCodec {
    /** commons-math's summary: n, mean, variance, min, max, sum. */
    SUMMARY(1 + 5 * 8) {
        @Override
        public void write(Object value, ByteSink sink) {
            StatisticalSummaryValues summary = (StatisticalSummaryValues) value;
            sink.writeSigned(summary.getN());
            sink.writeDouble(summary.getMean());
            sink.writeDouble(summary.getVariance());
            sink.writeDouble(summary.getMin());
            sink.writeDouble(summary.getMax());
            sink.writeDouble(summary.getSum());
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            long n = source.readSigned();
            double mean = source.readDouble();
            double variance = source.readDouble();
            double min = source.readDouble();
            double max = source.readDouble();
            double sum = source.readDouble();
            return new StatisticalSummaryValues(mean, variance, n, max, min, sum);
        }
    },
    /** A duration histogram: the length of HdrHistogram's uncompressed encoding, then the encoding. */
    HISTOGRAM(1) {
        @Override
        public void write(Object value, ByteSink sink) {
            byte[] encoded = ((DurationHistogram) value).encoded();
            sink.writeUnsigned(encoded.length);
            sink.writeBytes(encoded, 0, encoded.length);
        }

        @Override
        public Object read(ByteSource source) throws UnitFormatException {
            ByteBuffer encoding = source.readSlice(source.readSize(1));
            try {
                return DurationHistogram.ofEncoded(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnitFormatException("a duration histogram does not decode: " + e.getMessage(), e);
            }
        }
    };

    private final int minimumBytes;

    Adapters(int minimumBytes) {
        this.minimumBytes = minimumBytes;
    }

    @Override
    public int minimumBytes() {
        return minimumBytes;
    }
}
