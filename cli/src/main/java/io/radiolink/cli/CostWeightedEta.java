package io.radiolink.cli;

import io.radiolink.run.ScenarioRunner.UnitDone;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The time a run has left, with units weighed by their expected cost rather than counted (docs/runs.md,
 * section 6): a unit left at point p is expected to cost the mean wall time of p's finished units, or, while
 * p has none, its predicted events times the run's measured wall time per predicted event; the sum of those
 * costs is divided by the rate at which finished cost accrued over the last {@link #WINDOW_NANOS} of wall
 * time (since the start if shorter), which counts the threads at work. Reused units count as done and cost
 * nothing.
 *
 * <p>Where section 6 is silent: a unit's cost accrues over the time it ran (its wall time up to its end), not
 * all at its end, so that a unit longer than the window adds no more than the window holds; the window is at
 * least {@link #WINDOW_UNITS} times the longest finished unit, so that it spans several units of each thread;
 * it ends when the last unit ended, and the estimate made then is counted down by the time since (a unit
 * running meanwhile is counted at its whole cost, so this is its progress), never below 0.
 *
 * <p>Thread-safe: told of units on the run's thread, asked by the progress bar's.
 */
final class CostWeightedEta {

    /** The shortest window over which the rate of finished cost is measured: 30 s. */
    static final long WINDOW_NANOS = 30_000_000_000L;
    /** The window spans at least this many times the longest finished unit. */
    static final int WINDOW_UNITS = 4;

    private final LongSupplier nanoClock;
    private final long startNanos;
    private final double[] predictedEventsPerUnit;
    private final int[] left;
    private final long[] finishedWallNanos;
    private final int[] finished;
    private long allFinishedWallNanos;
    private double finishedPredictedEvents;
    private int allFinished;
    private long longestWallNanos;
    private long lastEndNanos;
    /** Finished units that may still overlap the window: their end time and wall time, oldest end first. */
    private final Deque<long[]> recent = new ArrayDeque<>();
    /** The estimate as of {@link #lastEndNanos}, made when first asked after a unit ended. */
    private Optional<Duration> atLastEnd = Optional.empty();
    private boolean stale;

    /**
     * An estimate for a run of {@code unitsOfPoint[p]} units at each point p, one of which is predicted to run
     * {@code predictedEventsPerUnit[p]} events, on {@code nanoClock} (as {@link System#nanoTime}); the run
     * starts now.
     */
    CostWeightedEta(int[] unitsOfPoint, double[] predictedEventsPerUnit, LongSupplier nanoClock) {
        if (unitsOfPoint.length != predictedEventsPerUnit.length) {
            throw new IllegalArgumentException(unitsOfPoint.length + " points of units but "
                    + predictedEventsPerUnit.length + " of predicted events");
        }
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.predictedEventsPerUnit = predictedEventsPerUnit.clone();
        this.left = unitsOfPoint.clone();
        this.finishedWallNanos = new long[left.length];
        this.finished = new int[left.length];
    }

    /** Takes a finished unit into account. */
    synchronized void unitDone(UnitDone done) {
        int p = done.point();
        left[p]--;
        stale = true;
        if (done.reused()) {
            return;
        }
        finished[p]++;
        finishedWallNanos[p] += done.wallNanos();
        allFinished++;
        allFinishedWallNanos += done.wallNanos();
        finishedPredictedEvents += predictedEventsPerUnit[p];
        longestWallNanos = Math.max(longestWallNanos, done.wallNanos());
        lastEndNanos = nanoClock.getAsLong();
        recent.addLast(new long[] {lastEndNanos, done.wallNanos()});
    }

    /**
     * The time left; empty before any unit has been run (reused ones tell nothing of the cost) or while the
     * finished ones took no measurable time.
     */
    synchronized Optional<Duration> remaining() {
        if (stale) {
            atLastEnd = estimateAtLastEnd();
            stale = false;
        }
        Duration since = Duration.ofNanos(nanoClock.getAsLong() - lastEndNanos);
        return atLastEnd.map(left -> left.compareTo(since) > 0 ? left.minus(since) : Duration.ZERO);
    }

    private Optional<Duration> estimateAtLastEnd() {
        if (allFinished == 0) {
            return Optional.empty();
        }
        double costNanos = 0;
        for (int p = 0; p < left.length; p++) {
            costNanos += left[p] * expectedNanos(p);
        }
        long windowStart = Math.max(startNanos, lastEndNanos - Math.max(WINDOW_NANOS, WINDOW_UNITS * longestWallNanos));
        while (!recent.isEmpty() && recent.peekFirst()[0] <= windowStart) {
            recent.removeFirst();
        }
        double accruedNanos = 0;
        for (long[] unit : recent) {
            accruedNanos += Math.min(unit[1], unit[0] - windowStart);
        }
        double rate = accruedNanos / Math.max(1, lastEndNanos - windowStart);
        if (costNanos == 0) {
            return Optional.of(Duration.ZERO);
        }
        return rate > 0 ? Optional.of(Duration.ofNanos(Math.round(costNanos / rate))) : Optional.empty();
    }

    /** The expected wall time of a unit of point {@code p}; needs a finished unit. */
    private double expectedNanos(int p) {
        if (finished[p] > 0) {
            return (double) finishedWallNanos[p] / finished[p];
        }
        // Only points predicted to run no events finished: every unit is taken to cost their mean.
        if (finishedPredictedEvents == 0) {
            return (double) allFinishedWallNanos / allFinished;
        }
        return predictedEventsPerUnit[p] * allFinishedWallNanos / finishedPredictedEvents;
    }
}
