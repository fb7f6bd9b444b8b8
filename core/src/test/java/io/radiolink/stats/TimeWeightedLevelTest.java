package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Exact integration of a step function over [10, 20], with its peak and end value. */
final class TimeWeightedLevelTest {

    private static final double EPS = 1e-12;

    @Test
    void close_noChange_zeroEverywhere() {
        TimeWeightedLevel level = new TimeWeightedLevel(10, 20);
        level.close();
        assertEquals(0.0, level.mean());
        assertEquals(0, level.peak());
        assertEquals(0, level.endLevel());
    }

    @Test
    void set_changesAtTheWindowsEdges_levelAfterTheChangesAtAnInstantCounts() {
        TimeWeightedLevel level = new TimeWeightedLevel(10, 20);
        level.set(5, 9);
        level.set(10, 4); // the window opens with 4, not 9
        level.set(10, 2);
        level.set(15, 6);
        level.set(20, 7); // lasts no time, but is the end value and the peak
        level.set(21, 100);
        level.close();
        assertEquals((2 * 5 + 6 * 5) / 10.0, level.mean(), EPS);
        assertEquals(7, level.peak());
        assertEquals(7, level.endLevel());
    }

    @Test
    void add_transientAtOneInstant_countsForThePeakOnly() {
        TimeWeightedLevel level = new TimeWeightedLevel(10, 20);
        level.add(12, 3);
        level.add(12, 5);
        level.add(12, -5);
        level.close();
        assertEquals(3 * 8 / 10.0, level.mean(), EPS);
        assertEquals(8, level.peak());
        assertEquals(3, level.endLevel());
    }

    @Test
    void set_firstChangeAfterTheWindow_windowKeepsTheEarlierLevel() {
        TimeWeightedLevel level = new TimeWeightedLevel(10, 20);
        level.set(1, 5);
        level.set(30, 0);
        level.close();
        assertEquals(5.0, level.mean(), EPS);
        assertEquals(5, level.peak());
        assertEquals(5, level.endLevel());
    }

    @Test
    void set_timeGoingBackwards_rejected() {
        TimeWeightedLevel level = new TimeWeightedLevel(10, 20);
        level.set(12, 1);
        assertThrows(IllegalArgumentException.class, () -> level.set(11, 2));
    }
}
