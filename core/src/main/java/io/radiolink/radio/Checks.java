package io.radiolink.radio;

/**
 * Argument checks shared by the configuration records of the model: each fails with an
 * {@link InvalidFieldException} naming the field, its value and the {@link Range} it must lie in.
 */
public final class Checks {

    private static final Range PROBABILITY = Range.probability();
    private static final Range PROBABILITY_BELOW_ONE = Range.closedOpen(0, 1);
    private static final Range POSITIVE_PROBABILITY = Range.openClosed(0, 1);
    private static final Range POSITIVE = Range.above(0);
    private static final Range NON_NEGATIVE = Range.atLeast(0);

    private Checks() {}

    /** Requires {@code value} in [0, 1]. */
    public static double probability(String field, double value) {
        return PROBABILITY.check(field, value);
    }

    /** Requires {@code value} in [0, 1). */
    public static double probabilityBelowOne(String field, double value) {
        return PROBABILITY_BELOW_ONE.check(field, value);
    }

    /** Requires {@code value} in (0, 1]. */
    public static double positiveProbability(String field, double value) {
        return POSITIVE_PROBABILITY.check(field, value);
    }

    /** Requires a finite {@code value} > 0. */
    public static double positive(String field, double value) {
        return POSITIVE.check(field, value);
    }

    /** Requires a finite {@code value} >= 0. */
    public static double nonNegative(String field, double value) {
        return NON_NEGATIVE.check(field, value);
    }

    /** Requires {@code value} >= {@code min}. */
    public static int atLeast(String field, int value, int min) {
        return Range.wholeAtLeast(min).check(field, value);
    }

    /** Requires {@code value} >= {@code min}. */
    public static long atLeast(String field, long value, long min) {
        return Range.wholeAtLeast(min).check(field, value);
    }

    /**
     * Requires {@code value} to be {@code relation} (e.g. {@code "> min"}) another field's value, as
     * {@code holds} says; the error states both values.
     */
    public static void relation(boolean holds, String field, double value, String relation, String otherField,
            double otherValue, String allowed) {
        if (!holds) {
            throw new InvalidFieldException(field, Double.toString(value), "must be " + relation + " "
                    + otherField + " (" + otherValue + "), was " + value, allowed);
        }
    }
}
