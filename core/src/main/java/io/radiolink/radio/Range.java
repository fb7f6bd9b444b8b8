package io.radiolink.radio;

import java.math.BigDecimal;

/**
 * The values a numeric field of a configuration record accepts, stated once: the record checks its
 * argument with {@link #check}, and documentation and error messages read {@link #describe()} and
 * {@link #brief()}.
 *
 * <p>A range is an interval of whole numbers or of finite reals, each end open or closed (an absent end
 * is unbounded), and a real range may also accept positive infinity (a mean time that means "never").
 */
public final class Range {

    /** The longest time any field accepts: about 31,700 years, so that sums of times stay finite. */
    public static final double MAX_SECONDS = 1e12;

    private final boolean whole;
    private final double low;
    private final boolean lowOpen;
    private final double high;
    private final boolean highOpen;
    private final boolean infinity;

    private Range(boolean whole, double low, boolean lowOpen, double high, boolean highOpen, boolean infinity) {
        this.whole = whole;
        this.low = low;
        this.lowOpen = lowOpen;
        this.high = high;
        this.highOpen = highOpen;
        this.infinity = infinity;
    }

    /** Whole numbers >= {@code min}. */
    public static Range wholeAtLeast(long min) {
        return new Range(true, min, false, Double.POSITIVE_INFINITY, true, false);
    }

    /** Whole numbers in [{@code min}, {@code max}]. */
    public static Range wholeBetween(long min, long max) {
        return new Range(true, min, false, max, false, false);
    }

    /** Finite reals >= {@code min}. */
    public static Range atLeast(double min) {
        return new Range(false, min, false, Double.POSITIVE_INFINITY, true, false);
    }

    /** Finite reals > {@code min}. */
    public static Range above(double min) {
        return new Range(false, min, true, Double.POSITIVE_INFINITY, true, false);
    }

    /** Any finite real. */
    public static Range finite() {
        return new Range(false, Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, false);
    }

    /** Reals in [{@code min}, {@code max}]. */
    public static Range closed(double min, double max) {
        return new Range(false, min, false, max, false, false);
    }

    /** Reals in [{@code min}, {@code max}). */
    public static Range closedOpen(double min, double max) {
        return new Range(false, min, false, max, true, false);
    }

    /** Reals in ({@code min}, {@code max}]. */
    public static Range openClosed(double min, double max) {
        return new Range(false, min, true, max, false, false);
    }

    /** Probabilities, [0, 1]. */
    public static Range probability() {
        return closed(0, 1);
    }

    /** A time in seconds >= 0 and at most {@link #MAX_SECONDS}. */
    public static Range seconds() {
        return closed(0, MAX_SECONDS);
    }

    /** A time in seconds > 0 and at most {@link #MAX_SECONDS}. */
    public static Range positiveSeconds() {
        return openClosed(0, MAX_SECONDS);
    }

    /** A mean time in seconds > 0 and at most {@link #MAX_SECONDS}, or infinity for "never". */
    public static Range positiveSecondsOrNever() {
        Range finite = positiveSeconds();
        return new Range(false, finite.low, finite.lowOpen, finite.high, finite.highOpen, true);
    }

    /** True if {@code value} lies in this range. */
    public boolean contains(double value) {
        if (infinity && value == Double.POSITIVE_INFINITY) {
            return true;
        }
        boolean aboveLow = lowOpen ? value > low : value >= low;
        boolean belowHigh = highOpen ? value < high : value <= high;
        return aboveLow && belowHigh && !Double.isNaN(value) && (whole || Double.isFinite(value));
    }

    /** True for a range of whole numbers. */
    public boolean whole() {
        return whole;
    }

    /** The least value in the range, or its open lower end. */
    public double low() {
        return low;
    }

    /** The greatest value in the range, or its open upper end (infinite when unbounded). */
    public double high() {
        return high;
    }

    /** True if the lower end belongs to the range. */
    public boolean lowIncluded() {
        return !lowOpen;
    }

    /** True if the upper end belongs to the range. */
    public boolean highIncluded() {
        return !highOpen;
    }

    /** True if positive infinity is accepted (written {@code "Infinity"} in a scenario file). */
    public boolean acceptsInfinity() {
        return infinity;
    }

    /** Returns {@code value} if it lies in the range, else throws an {@link InvalidFieldException} naming {@code field}. */
    public double check(String field, double value) {
        if (!contains(value)) {
            throw new InvalidFieldException(field, Double.toString(value), "must be " + requirement() + ", was " + value,
                    describe());
        }
        return value;
    }

    /** Returns {@code value} if it lies in the range, else throws an {@link InvalidFieldException} naming {@code field}. */
    public long check(String field, long value) {
        if (!contains(value)) {
            throw new InvalidFieldException(field, Long.toString(value), "must be " + requirement() + ", was " + value,
                    describe());
        }
        return value;
    }

    /** Returns {@code value} if it lies in the range, else throws an {@link InvalidFieldException} naming {@code field}. */
    public int check(String field, int value) {
        return (int) check(field, (long) value);
    }

    /**
     * What the range accepts, as the object of a sentence: {@code a finite number > 0}, {@code a whole
     * number >= 1}, {@code a number in [0, 1)}, {@code a number in (0, 1e12], or "Infinity"}.
     */
    public String describe() {
        if (whole) {
            return "a whole number " + condition();
        }
        if (infinity) {
            return "a number " + condition() + ", or \"Infinity\"";
        }
        if (!hasLow() && !hasHigh()) {
            return "a finite number";
        }
        return (hasHigh() ? "a number " : "a finite number ") + condition();
    }

    /**
     * What the range accepts, in the short form of the format's tables: {@code finite, > 0},
     * {@code >= 1}, {@code in [0, 1)}, {@code in (0, 1e12], or `"Infinity"`}.
     */
    public String brief() {
        if (infinity) {
            return condition() + ", or `\"Infinity\"`";
        }
        if (whole || hasHigh()) {
            return condition();
        }
        return hasLow() ? "finite, " + condition() : "finite";
    }

    /** What a value must be, after "must be": {@code finite and > 0}, {@code >= 1}, {@code in [0, 1)}. */
    private String requirement() {
        if (whole || infinity || hasHigh()) {
            return condition();
        }
        return hasLow() ? "finite and " + condition() : "finite";
    }

    /** The bounds alone: {@code > 0}, {@code >= 1}, {@code in [0, 1)}, {@code from 1 to 1000}. */
    private String condition() {
        if (hasLow() && hasHigh()) {
            if (whole) {
                return "from " + format(low) + " to " + format(high);
            }
            return "in " + (lowOpen ? "(" : "[") + format(low) + ", " + format(high) + (highOpen ? ")" : "]");
        }
        if (hasLow()) {
            return (lowOpen ? "> " : ">= ") + format(low);
        }
        return hasHigh() ? (highOpen ? "< " : "<= ") + format(high) : "finite";
    }

    private boolean hasLow() {
        return low != Double.NEGATIVE_INFINITY;
    }

    private boolean hasHigh() {
        return high != Double.POSITIVE_INFINITY;
    }

    /**
     * A bound as the format writes it: whole numbers and reals below 10^7 without a fraction ({@code 1}),
     * larger powers of ten as {@code 1e12}, others in plain decimals ({@code 0.001}).
     */
    private String format(double value) {
        if (whole || value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        double exponent = StrictMath.log10(Math.abs(value));
        if (exponent >= 7 && exponent == Math.rint(exponent) && Double.isFinite(value)) {
            return (value < 0 ? "-" : "") + "1e" + (long) exponent;
        }
        return Double.isFinite(value) ? new BigDecimal(Double.toString(value)).toPlainString() : Double.toString(value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
