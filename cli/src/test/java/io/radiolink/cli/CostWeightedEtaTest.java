package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.ScenarioRunner.UnitDone;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cost-weighted ETA on a fake clock, units ending as a run of known costs would end them, compared with
 * the true time left and with the estimate by count (elapsed times units left over units done).
 *
 * <p>The bounds are derived, not tuned. While a point's expected cost is its finished units' mean and the
 * units of a point all cost the same, the cost left is exact, so the ETA errs only through the rate. When a
 * unit ends, with every thread busy since the start, the finished units cover the window's busy time but for
 * the part of each other thread's unit still running, at most c (the longest unit) each: the rate lies in
 * [T − (T − 1) · c / W, T] on T threads, so the ETA in [true, true · T / (T − (T − 1) · c / W)]; on one
 * thread, or when the threads' units end together, it is exact. Before a point has a finished unit, its
 * units are expected to cost their predicted events times the measured seconds per predicted event: wrong by
 * the prediction's own error, which the test sets.
 */
final class CostWeightedEtaTest {

    private static final long SECOND = 1_000_000_000L;
    private static final double WINDOW_SECONDS = CostWeightedEta.WINDOW_NANOS / (double) SECOND;

    /** A clock moved by hand. */
    private static final class FakeClock {
        long nanos;

        void advanceSeconds(double seconds) {
            nanos += Math.round(seconds * SECOND);
        }
    }

    private final FakeClock clock = new FakeClock();

    /**
     * One thread; point 0's 20 units cost 1 s each, point 1's 20 cost 10 s each, run in order, with point 1
     * predicted at 6 times point 0's events (its true cost is 10 times). By count, the ETA at a quarter, half
     * and three quarters of the units is 30 s, 20 s and 40 s against a true 210 s, 200 s and 100 s, below the
     * band ours is held to. Ours: while point 1 has no finished unit, point 0's cost is exact and point 1's is
     * 6 s a unit, so the ETA is exactly (20 − k) · 1 s + 20 · 6 s after k units (one thread: the rate is
     * exactly 1), within [0.6, 1] times the truth; from point 1's first unit on, the truth. Halfway through
     * each unit, the estimate has been counted down by the half unit.
     */
    @Test
    void remaining_pointTenTimesCostlier_withinTheDerivedBoundWhereTheCountIsFarOff() {
        CostWeightedEta eta = new CostWeightedEta(new int[] {20, 20}, new double[] {100, 600}, () -> clock.nanos);
        double[] costs = new double[40];
        for (int k = 0; k < 40; k++) {
            costs[k] = k < 20 ? 1 : 10;
        }
        double elapsed = 0;
        for (int k = 1; k <= 40; k++) {
            double cost = costs[k - 1];
            clock.advanceSeconds(cost);
            elapsed += cost;
            eta.unitDone(new UnitDone(k, 40, k <= 20 ? 0 : 1, Math.round(cost * SECOND), elapsed, false));
            double trueLeft = 0;
            for (int j = k; j < 40; j++) {
                trueLeft += costs[j];
            }
            double shown = seconds(eta.remaining());
            double byCount = elapsed * (40 - k) / k;
            // The band the cost-weighted ETA is held to: while point 1 has no finished unit, every unit left is
            // expected to cost between 0.6 times (6 predicted against 10 true) and once its true cost, at an
            // exact rate; then the truth (one thread).
            double low = k <= 20 ? 0.6 * trueLeft : trueLeft;
            double high = trueLeft;
            if (k <= 20) {
                assertEquals((20 - k) + 20 * 6.0, shown, 1e-6, "after " + k + " units");
            }
            assertTrue(shown >= low - 1e-6 && shown <= high + 1e-6,
                    "after " + k + " units: ETA " + shown + " s, true " + trueLeft + " s");
            if (k == 10 || k == 20 || k == 30) {
                assertTrue(byCount < low, "after " + k + " units: by count " + byCount + " s, below the band ["
                        + low + ", " + high + "] s");
            }
            if (k < 40) {
                double half = costs[k] / 2;
                clock.advanceSeconds(half);
                assertEquals(shown - half, seconds(eta.remaining()), 1e-6, "halfway through unit " + (k + 1));
                clock.advanceSeconds(-half);
            }
        }
        assertEquals(0, seconds(eta.remaining()), 1e-9);
    }

    @Test
    void remaining_beforeTheFirstUnit_isEmpty() {
        CostWeightedEta eta = new CostWeightedEta(new int[] {3}, new double[] {100}, () -> clock.nanos);
        assertEquals(Optional.empty(), eta.remaining());
        clock.advanceSeconds(100);
        assertEquals(Optional.empty(), eta.remaining());
        assertEquals(ProgressDisplay.NO_ETA, ProgressDisplay.etaText(eta.remaining()));
        eta.unitDone(new UnitDone(1, 3, 0, 100 * SECOND, 60, false));
        assertEquals(200, seconds(eta.remaining()), 1e-6);
    }

    /**
     * A resumed run: point 1's 10 units (costly, had they run) and 5 of point 0's are reused at the start; they
     * tell nothing of the cost, so no ETA until a unit runs, and then only point 0's 4 units left count, at the
     * rate of the units that ran: 1 s each on one thread, 4 s.
     */
    @Test
    void remaining_reusedUnits_costNothing() {
        CostWeightedEta eta = new CostWeightedEta(new int[] {10, 10}, new double[] {100, 1000}, () -> clock.nanos);
        for (int k = 1; k <= 15; k++) {
            eta.unitDone(new UnitDone(k, 20, k <= 10 ? 1 : 0, 0, 0, true));
        }
        assertEquals(Optional.empty(), eta.remaining());
        clock.advanceSeconds(1);
        eta.unitDone(new UnitDone(16, 20, 0, SECOND, 0, false));
        assertEquals(4, seconds(eta.remaining()), 1e-6);
    }

    /**
     * Two threads, 60 units of 1 s: two end every second. Once both of a second have ended, the rate is 2 (one
     * unit of cost per thread-second), so the ETA is half the cost left, the true time left; checked against
     * the band for two threads, [true, true · 2 / (2 − 1/30)] (exact here, as the threads' units end together).
     * By count it would be the same here: the threads are the rate's business, not the count's.
     */
    @Test
    void remaining_twoThreads_dividesTheCostLeftByTheThreadsAtWork() {
        CostWeightedEta eta = new CostWeightedEta(new int[] {60}, new double[] {50}, () -> clock.nanos);
        for (int second = 1; second <= 30; second++) {
            clock.advanceSeconds(1);
            eta.unitDone(new UnitDone(2 * second - 1, 60, 0, SECOND, 0, false));
            eta.unitDone(new UnitDone(2 * second, 60, 0, SECOND, 0, false));
            double trueLeft = (60 - 2 * second) / 2.0;
            double shown = seconds(eta.remaining());
            assertTrue(shown >= trueLeft - 1e-6 && shown <= trueLeft * 2 / (2 - 1 / WINDOW_SECONDS) + 1e-6,
                    "after " + 2 * second + " units: ETA " + shown + " s, true " + trueLeft + " s");
        }
    }

    /**
     * Units longer than the window: after point 0's ten 1 s units, point 1's first 100 s unit runs and no
     * unit ends for longer than 30 s. The estimate made when the last unit ended, the cost left 2 × 100 s
     * (predicted events exact) at a rate of 1, is counted down: 150 s at 50 s into the unit, the truth, instead
     * of growing without bound as a rate of the last 30 s alone would (no unit ended in them).
     */
    @Test
    void remaining_noUnitEndedInTheLast30Seconds_countsDownTheLastEstimate() {
        CostWeightedEta eta = new CostWeightedEta(new int[] {10, 2}, new double[] {10, 1000}, () -> clock.nanos);
        for (int k = 1; k <= 10; k++) {
            clock.advanceSeconds(1);
            eta.unitDone(new UnitDone(k, 12, 0, SECOND, 0, false));
        }
        clock.advanceSeconds(50);
        assertEquals(150, seconds(eta.remaining()), 1e-6);
    }

    private static double seconds(Optional<Duration> remaining) {
        return remaining.orElseThrow().toNanos() / (double) SECOND;
    }
}
