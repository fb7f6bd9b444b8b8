package io.radiolink.protocol;

import java.util.Arrays;
import java.util.Map;

/** How long a flow spent in each {@link FlowPhase}; a phase the flow never entered has no time. */
public final class PhaseTimes {

    private static final FlowPhase[] PHASES = FlowPhase.values();

    private final double[] seconds;

    private PhaseTimes(double[] seconds) {
        this.seconds = seconds;
    }

    /** Times from an array indexed by phase ordinal, NaN for a phase not entered (copied). */
    public static PhaseTimes of(double[] secondsByOrdinal) {
        if (secondsByOrdinal.length != PHASES.length) {
            throw new IllegalArgumentException("one entry per phase expected");
        }
        return new PhaseTimes(secondsByOrdinal.clone());
    }

    /**
     * Times for the phases in {@code secondsByPhase}; a phase missing from it was not entered. For
     * records built outside the protocol (statistics tests, imported traces).
     *
     * @throws IllegalArgumentException if a time is negative or NaN
     */
    public static PhaseTimes of(Map<FlowPhase, Double> secondsByPhase) {
        double[] seconds = new double[PHASES.length];
        Arrays.fill(seconds, Double.NaN);
        for (FlowPhase phase : PHASES) {
            Double value = secondsByPhase.get(phase);
            if (value != null) {
                if (!(value >= 0.0)) {
                    throw new IllegalArgumentException("seconds in " + phase + " must be >= 0, was " + value);
                }
                seconds[phase.ordinal()] = value;
            }
        }
        return new PhaseTimes(seconds);
    }

    /** True if the flow entered {@code phase}. */
    public boolean entered(FlowPhase phase) {
        return !Double.isNaN(seconds[phase.ordinal()]);
    }

    /** Seconds spent in {@code phase}, or NaN if the flow never entered it. */
    public double seconds(FlowPhase phase) {
        return seconds[phase.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseTimes other && Arrays.equals(seconds, other.seconds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seconds);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("PhaseTimes[");
        for (FlowPhase phase : PHASES) {
            if (entered(phase)) {
                text.append(text.length() > 11 ? ", " : "").append(phase).append('=').append(seconds(phase));
            }
        }
        return text.append(']').toString();
    }
}
