package io.radiolink.stats;

/**
 * A piecewise-constant level (busy channels, stored bytes) integrated exactly over a window
 * [start, end], with its peak and end value there. Changes before the window set the level it opens
 * with; changes after it count for nothing.
 *
 * <p>The level at an instant is the level after every change at that instant. So the window opens with
 * the level after the changes at its start, and ends with the level after the changes at its end. The
 * peak is the largest of the opening level and every level set in (start, end], counting levels that
 * last no time (several changes at one instant).
 */
final class TimeWeightedLevel {

    private final double windowStartSeconds;
    private final double windowEndSeconds;
    private long level;
    private double lastChangeSeconds = Double.NEGATIVE_INFINITY;
    private double areaSeconds;
    private boolean opened;
    private long peak;
    private long endLevel;

    /** A level of 0 until its first change. */
    TimeWeightedLevel(double windowStartSeconds, double windowEndSeconds) {
        this.windowStartSeconds = windowStartSeconds;
        this.windowEndSeconds = windowEndSeconds;
    }

    /** Changes the level by {@code delta} at {@code timeSeconds}, not before the previous change. */
    void add(double timeSeconds, long delta) {
        set(timeSeconds, level + delta);
    }

    /** Sets the level at {@code timeSeconds}, not before the previous change. */
    void set(double timeSeconds, long newLevel) {
        advanceTo(timeSeconds);
        level = newLevel;
        if (timeSeconds <= windowEndSeconds) {
            endLevel = newLevel;
            if (opened) {
                peak = Math.max(peak, newLevel);
            }
        }
    }

    /** Integrates the current level up to {@code timeSeconds}, clipped to the window. */
    private void advanceTo(double timeSeconds) {
        if (timeSeconds < lastChangeSeconds) {
            throw new IllegalArgumentException("time went backwards: " + timeSeconds + " after "
                    + lastChangeSeconds);
        }
        if (!opened && timeSeconds > windowStartSeconds) {
            opened = true;
            peak = level; // the level the window opened with: after every change at its start
        }
        double from = Math.max(lastChangeSeconds, windowStartSeconds);
        double to = Math.min(timeSeconds, windowEndSeconds);
        if (to > from) {
            areaSeconds += level * (to - from);
        }
        lastChangeSeconds = timeSeconds;
    }

    /** Integrates up to the window's end if no change came after it; call once, after the last change. */
    void close() {
        if (lastChangeSeconds < windowEndSeconds) {
            advanceTo(windowEndSeconds);
        }
    }

    /** The time-weighted mean over the window; valid after {@link #close()}. */
    double mean() {
        return areaSeconds / (windowEndSeconds - windowStartSeconds);
    }

    /** The largest level in force in the window; valid after {@link #close()}. */
    long peak() {
        return peak;
    }

    /** The level after every change at or before the window's end. */
    long endLevel() {
        return endLevel;
    }
}
