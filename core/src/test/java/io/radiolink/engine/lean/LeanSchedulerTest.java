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
 * compactions of cancelled entries; times over many orders of magnitude (every digit position of the
 * radix calendar) come out in order; one action scheduled again and again (it finds itself in its
 * slot) runs as often as it was scheduled and not cancelled, and old handles never touch newer entries.
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

    /** Delays from 1e-12 s to 1e12 s, many equal, interleaved with runs: the order of a reference queue. */
    @Test
    void timesOverManyOrdersOfMagnitude_comeOutInTimeThenSchedulingOrder() {
        SplittableRandom random = new SplittableRandom(7);
        ReferenceRun run = new ReferenceRun();
        Runnable[] spawn = new Runnable[1];
        spawn[0] = () -> {
            for (int n = random.nextInt(1, 3); n > 0 && run.scheduled() < 20_000; n--) {
                run.schedule(random.nextInt(4) == 0 ? 1.0 : Math.pow(10.0, random.nextInt(-12, 13)) * random.nextDouble(),
                        spawn[0]);
            }
        };
        for (int i = 0; i < 50; i++) {
            spawn[0].run();
        }
        run.runAndCompare(20_000);
    }

    /**
     * One action, scheduled 5,000 times (from inside itself), a quarter of its entries cancelled: it runs exactly as often as it was scheduled and not cancelled; a handle of an entry that
     * ran, or was cancelled, cancels nothing, though its slot now holds the same action again.
     */
    @Test
    void oneActionScheduledAgainAndAgain_runsOncePerLiveEntry_andOldHandlesCancelNothing() {
        LeanScheduler scheduler = new LeanScheduler();
        SplittableRandom random = new SplittableRandom(11);
        int[] runs = {0};
        int[] cancelled = {0};
        int[] staleTried = {0};
        List<Issued> issued = new ArrayList<>();
        Runnable[] shared = new Runnable[1];
        shared[0] = () -> {
            runs[0]++;
            for (int n = random.nextInt(1, 4); n > 0 && issued.size() < 5_000; n--) {
                double delay = random.nextInt(3) * 0.5;
                Issued entry = new Issued(scheduler.schedule(delay, shared[0]), scheduler.nowSeconds() + delay,
                        random.nextInt(4) == 0);
                if (entry.cancelled()) {
                    assertTrue(entry.handle().cancel());
                    cancelled[0]++;
                }
                issued.add(entry);
            }
            // Handles of entries that were cancelled or due before now (they ran): their slots are
            // reused by this same action, which must not let them cancel anything.
            for (int k = 0; k < 3; k++) {
                Issued stale = issued.get(random.nextInt(issued.size()));
                if (stale.cancelled() || stale.time() < scheduler.nowSeconds()) {
                    assertFalse(stale.handle().cancel(), "a handle of an entry that left the calendar");
                    staleTried[0]++;
                }
            }
        };
        for (int i = 0; i < 20; i++) {
            issued.add(new Issued(scheduler.schedule(0.0, shared[0]), 0.0, false));
        }
        scheduler.runUntil(Double.POSITIVE_INFINITY);

        assertEquals(5_000, issued.size());
        assertTrue(cancelled[0] > 1_000, "cancelled " + cancelled[0]);
        assertTrue(staleTried[0] > 5_000, "old handles tried " + staleTried[0]);
        assertEquals(issued.size() - cancelled[0], runs[0]);
        assertEquals(0, scheduler.pendingEntries());
    }

    /**
     * A hold model with 20,000 pending events (each run schedules the next an exponential time later),
     * 300,000 steps: the order of a reference queue, with emptied buckets' arrays taken again as spares.
     */
    @Test
    void largeHoldModel_runsInReferenceOrder_reusingSpareArrays() {
        SplittableRandom random = new SplittableRandom(3);
        ReferenceRun run = new ReferenceRun();
        Runnable[] hold = new Runnable[1];
        hold[0] = () -> {
            if (run.scheduled() < 320_000) {
                run.schedule(-Math.log(1.0 - random.nextDouble()), hold[0]);
            }
        };
        for (int i = 0; i < 20_000; i++) {
            hold[0].run();
        }
        run.runAndCompare(320_000);
        assertTrue(run.scheduler.sparesTaken() > 0, "spare arrays were reused");
    }

    /** A lean calendar beside a reference queue: actions record their id when they run. */
    private static final class ReferenceRun {
        final LeanScheduler scheduler = new LeanScheduler();
        private final PriorityQueue<Expected> reference = new PriorityQueue<>(
                Comparator.comparingDouble(Expected::time).thenComparingLong(Expected::order));
        private final List<Integer> ran = new ArrayList<>();
        private int scheduled;

        int scheduled() {
            return scheduled;
        }

        /** Schedules an action that records its id, then runs {@code then}. */
        void schedule(double delay, Runnable then) {
            int id = scheduled++;
            scheduler.schedule(delay, () -> {
                ran.add(id);
                then.run();
            });
            reference.add(new Expected(scheduler.nowSeconds() + delay, id, id));
        }

        /** Runs the calendar empty; the ids ran in the reference's order, {@code count} of them. */
        void runAndCompare(int count) {
            scheduler.runUntil(Double.POSITIVE_INFINITY);
            List<Integer> expected = new ArrayList<>();
            while (!reference.isEmpty()) {
                expected.add(reference.poll().id());
            }
            assertEquals(count, ran.size());
            assertEquals(expected, ran);
        }
    }

    private record Issued(ScheduledAction handle, double time, boolean cancelled) {}
}
