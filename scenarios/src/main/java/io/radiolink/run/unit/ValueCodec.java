package io.radiolink.run.unit;

/** How the record codec writes and reads the values of one type (docs/runs.md, section 1). */
interface ValueCodec {

    /** Writes {@code value}, never null, to {@code sink}. */
    void write(Object value, ByteSink sink);

    /** Reads a value {@link #write} wrote. */
    Object read(ByteSource source) throws UnitFormatException;

    /** The fewest bytes a value takes, to bound a list's or map's size by the bytes left before reading it. */
    int minimumBytes();
}
