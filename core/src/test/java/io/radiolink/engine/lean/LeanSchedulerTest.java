package io.radiolink.engine.lean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.ScheduledAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The lean calendar's own mechanics, beyond the engine contract every engine passes: the order of a
 * long random run with many ties and cancellations equals a reference priority queue's, also across
 * compactions of cancelled entries.
 */
final class LeanSchedulerTest {

    private record Expected(double time, long order, int id) {}

    /**
     * Actions scheduling one or two more from inside (until 60,000 were scheduled) at random delays (a third of them 0, many on a coarse grid,
     * so ties abound), a fifth of them cancelled soon after, some cancelled twice or after they ran, and
     * now and then a burst cancelling three in four of the latest 2,000 (so that compactions happen).
     */
    @Test
    void randomRunWithTiesAndCancellations_runsAsAReferenceQueueOrdersIt() {
        LeanScheduler scheduler = new LeanScheduler();
        SplittableRandom random = new SplittableRandom(42);
        PriorityQueue<Expected> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Expected::time).thenComparingLong(Expected::order));
        List<Integer> ran = new ArrayList<>();
        List<Boolean> hasRun = new ArrayList<>();
        List<ScheduledAction> handles = new ArrayList<>();
        List<Boolean> cancelled = new ArrayList<>();
        long[] order = {0};
        int[] budget = {60_000};
        Runnable[] spawn = new Runnable[1];
        spawn[0] = () -> {
            for (int n = 1 + random.nextInt(2); n > 0 && budget[0] > 0; n--, budget[0]--) {
                double delay = switch (random.nextInt(3)) {
                    case 0 -> 0.0;
                    case 1 -> random.nextInt(4) * 0.25;
                    default -> random.nextDouble();
                };
                int id = handles.size();
                hasRun.add(false);
                handles.add(scheduler.schedule(delay, () -> {
                    ran.add(id);
                    hasRun.set(id, true);
                    spawn[0].run();
                }));
                cancelled.add(false);
                reference.add(new Expected(scheduler.nowSeconds() + delay, order[0]++, id));
            }
            // Now and then a burst: the most recent actions are cancelled, most of the heap at once.
            boolean burst = random.nextInt(2_000) == 0;
            for (int c = 0; c < (burst ? 2_000 : 2) && !handles.isEmpty(); c++) {
                if (burst ? c % 4 != 0 : random.nextInt(5) == 0) {
                    int victim = handles.size() - 1 - (burst ? Math.min(c, handles.size() - 1)
                            : random.nextInt(Math.min(handles.size(), 50)));
                    boolean wasPending = !cancelled.get(victim) && !hasRun.get(victim);
                    assertEquals(wasPending, handles.get(victim).cancel(), "cancel of " + victim);
                    if (wasPending) {
                        cancelled.set(victim, true);
                    }
                }
            }
        };
        for (int i = 0; i < 200; i++) {
            scheduler.schedule(0.0, spawn[0]);
            reference.add(new Expected(0.0, order[0]++, -1));
        }
        scheduler.runUntil(Double.POSITIVE_INFINITY);

        List<Integer> expected = new ArrayList<>();
        while (!reference.isEmpty()) {
            Expected next = reference.poll();
            if (next.id() >= 0 && !cancelled.get(next.id())) {
                expected.add(next.id());
            }
        }
        assertTrue(expected.size() > 40_000, "a long run: " + expected.size());
        assertEquals(expected, ran);
        assertEquals(0, scheduler.pendingEntries());
        assertTrue(scheduler.compactions() > 0, "cancelled entries were compacted away");
        assertFalse(handles.get(0).cancel());
    }
}
