package io.radiolink.stats;

import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * What every statistics calculator shares: it listens to one concern's events of one replication,
 * counts them in its {@link ObservationWindow} and, once, {@link #finish() finishes} with its part of
 * the {@link ReplicationResult}. Single-use and single-threaded; it accepts no event after finishing.
 *
 * @param <R> the part of the result it makes
 */
public abstract class Calculator<R> {

    private final ObservationWindow window;
    private boolean finished;

    /** Package-private: the calculators are this package's, and nothing switches over them. */
    Calculator(ObservationWindow window) {
        this.window = Objects.requireNonNull(window, "window");
    }

    /** The window this calculator counts in. */
    public final ObservationWindow window() {
        return window;
    }

    /**
     * Closes the window at the run length (never at the current time: see the run-control contract of
     * {@link io.radiolink.stats}) and returns this calculator's part; call once, after the run.
     *
     * @throws IllegalStateException if called twice, or if the events it was told do not add up
     */
    public final R finish() {
        requireOpen();
        finished = true;
        return result();
    }

    /** The part, from everything counted; called once, by {@link #finish()}. */
    abstract R result();

    /** Throws if the calculator has finished: called at every event. */
    final void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the calculator has finished; use a new one per replication");
        }
    }

    /** True if {@code timeSeconds} lies in the window. */
    final boolean inWindow(double timeSeconds) {
        return window.contains(timeSeconds);
    }

    /** An immutable copy of {@code statistics}: n, mean, variance, min, max, sum (NaN where undefined). */
    static StatisticalSummaryValues summary(SummaryStatistics statistics) {
        return new StatisticalSummaryValues(statistics.getMean(), statistics.getVariance(), statistics.getN(),
                statistics.getMax(), statistics.getMin(), statistics.getSum());
    }
}
