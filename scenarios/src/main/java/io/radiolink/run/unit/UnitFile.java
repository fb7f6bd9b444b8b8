package io.radiolink.run.unit;

import io.radiolink.run.UnitResult;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * A unit file's bytes (docs/runs.md, section 1), big-endian: a 96-byte header (magic {@code RLU1},
 * format version, flags, model identity, classes' SHA-256, point, replication, series bin width, payload
 * length {@code L}), the {@link RecordCodec} payload, and the CRC-32C of everything before it.
 */
public final class UnitFile {

    /** The header's length in bytes. */
    public static final int HEADER_BYTES = 96;
    /** The trailer's length in bytes: the CRC-32C. */
    public static final int TRAILER_BYTES = 4;
    /** {@code RLU1}, the first 4 bytes. */
    public static final int MAGIC = 0x524C5531;
    /** The container format's version, which changes when the header changes. */
    public static final int VERSION = 1;

    /** Flag bit 0: the unit holds its flows. */
    static final int FLOWS = 1;
    /** Flag bit 1: the unit holds a time-binned series. */
    static final int SERIES = 2;

    private static final int MODEL_OFFSET = 8;
    private static final int CLASSES_OFFSET = 40;
    private static final int POINT_OFFSET = 72;
    private static final int BIN_OFFSET = 80;
    private static final int LENGTH_OFFSET = 88;
    private static final int SHOWN_HEX_DIGITS = 12;

    private UnitFile() {}

    /**
     * The file of {@code unit}, with series of bins {@code seriesBinSeconds} wide (0 without series), written
     * by code of {@code identity}.
     *
     * @throws IllegalArgumentException if {@code seriesBinSeconds} is negative, NaN or infinite
     */
    public static byte[] bytes(UnitResult unit, double seriesBinSeconds, UnitIdentity identity) {
        if (!(seriesBinSeconds >= 0 && seriesBinSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("seriesBinSeconds must be finite and >= 0, was " + seriesBinSeconds);
        }
        byte[] payload = RecordCodec.encode(unit);
        ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + payload.length + TRAILER_BYTES);
        file.putInt(MAGIC).putShort((short) VERSION).putShort((short) flags(unit, seriesBinSeconds))
                .put(identity.model()).put(identity.classes()).putInt(unit.point()).putInt(unit.replication())
                .putDouble(seriesBinSeconds).putLong(payload.length).put(payload);
        file.putInt(crc(file.array(), HEADER_BYTES + payload.length));
        return file.array();
    }

    private static int flags(UnitResult unit, double seriesBinSeconds) {
        return (unit.flows().isEmpty() ? 0 : FLOWS) | (seriesBinSeconds > 0 ? SERIES : 0);
    }

    /** Whether the bytes there are of a unit's start as far as they go: none, or the first of the magic. */
    private static boolean startsAsAUnit(byte[] file) {
        byte[] magic = ByteBuffer.allocate(4).putInt(MAGIC).array();
        return Arrays.equals(file, 0, Math.min(4, file.length), magic, 0, Math.min(4, file.length));
    }

    private static int crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /**
     * The unit in {@code file}, shown in messages as {@code shown}, whose name says point {@code point} and
     * replication {@code replication}, if it is valid and of {@code expected}; else its first problem.
     */
    static UnitStore.Read read(byte[] file, String shown, int point, int replication, UnitIdentity expected) {
        if (file.length < HEADER_BYTES + TRAILER_BYTES && startsAsAUnit(file)) {
            return invalid(UnitProblem.TOO_SHORT, shown + " is too short to be a unit (" + byteCount(file.length)
                    + ", at least " + (HEADER_BYTES + TRAILER_BYTES) + ")");
        }
        ByteBuffer header = ByteBuffer.wrap(file, 0, Math.min(file.length, HEADER_BYTES));
        int magic = file.length < 4 ? 0 : header.getInt();
        if (magic != MAGIC || file.length < HEADER_BYTES + TRAILER_BYTES) {
            return invalid(UnitProblem.NOT_A_UNIT, shown + " is not a radiolink unit (it starts with "
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(file, 0, Math.min(4, file.length))
                    + ", not 52 4C 55 31)");
        }
        int version = Short.toUnsignedInt(header.getShort());
        if (version != VERSION) {
            return invalid(UnitProblem.OTHER_FORMAT_VERSION, shown + " is of unit format version " + version
                    + "; this radiolink reads version " + VERSION);
        }
        int flags = Short.toUnsignedInt(header.getShort());
        if (!expected.modelEquals(file, MODEL_OFFSET)) {
            return invalid(UnitProblem.OTHER_MODEL, shown + " is of model identity " + shownHex(file, MODEL_OFFSET)
                    + ", not this run's " + shownHex(expected.model(), 0));
        }
        if (!expected.classesEqual(file, CLASSES_OFFSET)) {
            return invalid(UnitProblem.OTHER_CODE, shown + " was written by other code (classes "
                    + shownHex(file, CLASSES_OFFSET) + ", this code's " + shownHex(expected.classes(), 0) + ")");
        }
        header.position(POINT_OFFSET);
        int headerPoint = header.getInt();
        int headerReplication = header.getInt();
        double binSeconds = header.getDouble();
        long length = header.getLong();
        long expectedSize = length >= 0 && length <= Integer.MAX_VALUE ? HEADER_BYTES + length + TRAILER_BYTES : -1;
        if (expectedSize != file.length) {
            return invalid(UnitProblem.CUT_SHORT, shown + (expectedSize < 0
                    ? " has an impossible payload length " + length + " (" + byteCount(file.length) + ")"
                    : (file.length < expectedSize ? " is cut short (" : " is longer than its header says (")
                            + String.format(Locale.ROOT, "%,d of %,d bytes)", file.length, expectedSize)));
        }
        int payloadEnd = HEADER_BYTES + (int) length;
        int stored = ByteBuffer.wrap(file, payloadEnd, TRAILER_BYTES).getInt();
        int computed = crc(file, payloadEnd);
        if (stored != computed) {
            return invalid(UnitProblem.CHECKSUM, shown + " fails its checksum (CRC-32C " + hex32(stored)
                    + ", computed " + hex32(computed) + ")");
        }
        if (headerPoint != point || headerReplication != replication) {
            return invalid(UnitProblem.NAME_MISMATCH, shown + " holds point " + headerPoint + " replication "
                    + headerReplication + ", not its name's point " + point + " replication " + replication);
        }
        return decode(file, shown, flags, binSeconds, (int) length, headerPoint, headerReplication);
    }

    private static UnitStore.Read decode(byte[] file, String shown, int flags, double binSeconds, int length,
            int point, int replication) {
        if ((flags & ~(FLOWS | SERIES)) != 0 || !(binSeconds >= 0 && binSeconds < Double.POSITIVE_INFINITY)
                || ((flags & SERIES) != 0) != (binSeconds > 0)) {
            return invalid(UnitProblem.UNDECODABLE, shown + " has an invalid header (flags 0x"
                    + Integer.toHexString(flags) + ", series bin " + binSeconds + " s)");
        }
        UnitResult unit;
        try {
            unit = RecordCodec.decode(file, HEADER_BYTES, length);
        } catch (UnitFormatException e) {
            return invalid(UnitProblem.UNDECODABLE, shown + " does not decode: " + e.getMessage());
        }
        if (unit.point() != point || unit.replication() != replication || ((flags & FLOWS) != 0) == unit.flows().isEmpty()) {
            return invalid(UnitProblem.UNDECODABLE, shown + "'s payload (point " + unit.point() + " replication "
                    + unit.replication() + ", " + unit.flows().size() + " flows) disagrees with its header (point "
                    + point + " replication " + replication + ", flags 0x" + Integer.toHexString(flags) + ")");
        }
        return new UnitStore.Read.Valid(unit, binSeconds);
    }

    private static UnitStore.Read invalid(UnitProblem problem, String message) {
        return new UnitStore.Read.Invalid(problem, message);
    }

    private static String byteCount(long count) {
        return String.format(Locale.ROOT, "%,d bytes", count);
    }

    private static String shownHex(byte[] bytes, int offset) {
        return HexFormat.of().formatHex(bytes, offset, offset + SHOWN_HEX_DIGITS / 2) + "…";
    }

    private static String hex32(int value) {
        return String.format(Locale.ROOT, "%08x", value);
    }
}
