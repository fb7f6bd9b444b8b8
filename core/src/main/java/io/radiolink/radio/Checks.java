package io.radiolink.radio;

/** Argument checks shared by the configuration records of the model, with messages naming the field. */
public final class Checks {

    private Checks() {}

    /** Requires {@code value} in [0, 1]. */
    public static double probability(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
        }
        return value;
    }

    /** Requires {@code value} in [0, 1). */
    public static double probabilityBelowOne(String field, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), was " + value);
        }
        return value;
    }

    /** Requires {@code value} in (0, 1]. */
    public static double positiveProbability(String field, double value) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was " + value);
        }
        return value;
    }

    /** Requires a finite {@code value} > 0. */
    public static double positive(String field, double value) {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
        }
        return value;
    }

    /** Requires a finite {@code value} >= 0. */
    public static double nonNegative(String field, double value) {
        if (!(value >= 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(field + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    /** Requires {@code value} > 0, infinity allowed (e.g. a mean time to failure meaning "never"). */
    public static double positiveOrInfinite(String field, double value) {
        if (!(value > 0.0)) {
            throw new IllegalArgumentException(field + " must be > 0 (Infinity for never), was " + value);
        }
        return value;
    }

    /** Requires {@code value} >= {@code min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** Requires {@code value} >= {@code min}. */
    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", was " + value);
        }
        return value;
    }
}
