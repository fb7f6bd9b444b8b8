package io.radiolink.run.unit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote from a byte array, failing with {@link UnitFormatException} past its end. */
final class ByteSource {

    private final byte[] bytes;
    private final int end;
    private int position;

    /** Reads {@code bytes} from {@code offset} to {@code end} (exclusive). */
    ByteSource(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.position = offset;
        this.end = end;
    }

    /** The bytes left to read. */
    int remaining() {
        return end - position;
    }

    private void need(int count) throws UnitFormatException {
        if (count > end - position) {
            throw new UnitFormatException("ends " + (count - (end - position)) + " byte(s) early at offset " + position);
        }
    }

    /** One byte, 0 to 255. */
    int readByte() throws UnitFormatException {
        need(1);
        return bytes[position++] & 0xFF;
    }

    /** The next {@code length} bytes as a read-only buffer over the array, skipped. */
    ByteBuffer readSlice(int length) throws UnitFormatException {
        need(length);
        ByteBuffer slice = ByteBuffer.wrap(bytes, position, length).slice().asReadOnlyBuffer();
        position += length;
        return slice;
    }

    /** The next {@code length} bytes as a string: ASCII directly, anything else as strict UTF-8. */
    String readUtf8(int length) throws UnitFormatException {
        need(length);
        int start = position;
        position += length;
        for (int i = start; i < start + length; i++) {
            if (bytes[i] < 0) {
                return strictUtf8(start, length);
            }
        }
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    private String strictUtf8(int start, int length) throws UnitFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnitFormatException("the string at offset " + start + " is not UTF-8", e);
        }
    }

    /** An unsigned LEB128 varint of at most 10 bytes. */
    long readUnsigned() throws UnitFormatException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            if (shift == 63 && (b & 0x7E) != 0) {
                throw new UnitFormatException("a varint overflows 64 bits at offset " + (position - 1));
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new UnitFormatException("a varint is longer than 10 bytes at offset " + position);
    }

    /** An unsigned varint that fits an {@code int} (a size, a length, an ordinal). */
    int readCount() throws UnitFormatException {
        long value = readUnsigned();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new UnitFormatException("a size of " + Long.toUnsignedString(value) + " at offset " + position
                    + " exceeds " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /**
     * A size (of a list, map or array) that the bytes left can hold with elements of at least
     * {@code elementBytes} each, so a corrupt size fails at once instead of allocating.
     */
    int readSize(int elementBytes) throws UnitFormatException {
        int size = readCount();
        if (elementBytes > 0 && (long) size * elementBytes > remaining()) {
            throw new UnitFormatException("a size of " + size + " elements of at least " + elementBytes
                    + " byte(s) each exceeds the " + remaining() + " bytes left");
        }
        return size;
    }

    /** A zig-zag varint. */
    long readSigned() throws UnitFormatException {
        long code = readUnsigned();
        return (code >>> 1) ^ -(code & 1);
    }

    /** A zig-zag varint that fits an {@code int}. */
    int readInt() throws UnitFormatException {
        long value = readSigned();
        if (value != (int) value) {
            throw new UnitFormatException("the int " + value + " before offset " + position + " exceeds 32 bits");
        }
        return (int) value;
    }

    /** 8 bytes of {@link Double#doubleToLongBits}. */
    double readDouble() throws UnitFormatException {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (bytes[position++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }
}
