package io.radiolink.run.unit;

import java.util.Arrays;

/** A growing big-endian byte buffer with the codec's primitive encodings (docs/runs.md, section 1). */
final class ByteSink {

    private byte[] bytes;
    private int size;

    /** An empty sink of {@code capacity} bytes to start with. */
    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The number of bytes written so far. */
    int size() {
        return size;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** One byte. */
    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    /** {@code length} bytes of {@code source} from {@code offset}. */
    void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint: 7 bits per byte, low bits first, the high bit set on all but the last. */
    void writeUnsigned(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    /** A signed value as the unsigned varint of its zig-zag code (0, -1, 1, -2, ... as 0, 1, 2, 3, ...). */
    void writeSigned(long value) {
        writeUnsigned((value << 1) ^ (value >> 63));
    }

    /** The 8 bytes of {@link Double#doubleToLongBits}, big-endian (so every NaN is written as the one NaN). */
    void writeDouble(double value) {
        ensure(8);
        long bits = Double.doubleToLongBits(value);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (bits >>> shift);
        }
    }
}
