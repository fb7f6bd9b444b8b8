package io.radiolink.run.unit;

/** A unit payload that does not decode: cut short, a value out of range, or trailing bytes. */
public final class UnitFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A payload that does not decode, for the reason {@code message}. */
    public UnitFormatException(String message) {
        super(message);
    }

    /** A payload that does not decode, for the reason {@code message}, found as {@code cause}. */
    public UnitFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
