package io.radiolink.stats;

/**
 * A replication's observation window [{@code warmupSeconds}, {@code runLengthSeconds}], both ends
 * included: what every calculator counts in it is stated in the package's run-control contract
 * ({@link io.radiolink.stats}).
 *
 * @param warmupSeconds the window's start, finite and >= 0
 * @param runLengthSeconds the window's end, finite and > {@code warmupSeconds}
 */
public record ObservationWindow(double warmupSeconds, double runLengthSeconds) {

    /** Requires {@code 0 <= warmupSeconds < runLengthSeconds}, both finite. */
    public ObservationWindow {
        if (!(warmupSeconds >= 0.0 && warmupSeconds < runLengthSeconds
                && runLengthSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need finite 0 <= warmupSeconds < runLengthSeconds, was "
                    + warmupSeconds + " and " + runLengthSeconds);
        }
    }

    /** True if {@code timeSeconds} lies in the window, either end included. */
    public boolean contains(double timeSeconds) {
        return timeSeconds >= warmupSeconds && timeSeconds <= runLengthSeconds;
    }

    /** The window's length in seconds. */
    public double lengthSeconds() {
        return runLengthSeconds - warmupSeconds;
    }

    /** A level of 0, integrated over this window. */
    TimeWeightedLevel newLevel() {
        return new TimeWeightedLevel(warmupSeconds, runLengthSeconds);
    }
}
