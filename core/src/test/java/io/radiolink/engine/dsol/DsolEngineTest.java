package io.radiolink.engine.dsol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DSOL-specific promises of {@link DsolEngine}; the shared ones are in {@code SchedulerContractTest}. */
final class DsolEngineTest {

    /** DSOL names its worker thread after the simulator id, which {@link DsolEngine} prefixes. */
    private static List<Thread> liveWorkerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith(DsolEngine.ID_PREFIX))
                .toList();
    }

    @Test
    @Timeout(30)
    void run_repeatedlyWithAndWithoutFailures_leavesNoWorkerThreadBehind() {
        DsolEngine engine = new DsolEngine();
        RuntimeException failure = new IllegalStateException("action failure");
        List<List<Thread>> workersSeenDuringRuns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            engine.run(Double.POSITIVE_INFINITY,
                    scheduler -> scheduler.schedule(1.0, () -> workersSeenDuringRuns.add(liveWorkerThreads())));
            assertThrows(IllegalStateException.class, () -> engine.run(10.0,
                    scheduler -> scheduler.schedule(1.0, () -> {
                        throw failure;
                    })));
            assertThrows(IllegalStateException.class, () -> engine.run(10.0, scheduler -> {
                throw failure;
            }));
            assertEquals(List.of(), liveWorkerThreads(), "after round " + i);
        }
        // The check above is not vacuous: during each run, exactly its own worker thread is alive, a
        // non-daemon thread that would keep the JVM from exiting.
        assertEquals(30, workersSeenDuringRuns.size());
        for (List<Thread> workers : workersSeenDuringRuns) {
            assertEquals(1, workers.size());
            assertFalse(workers.get(0).isDaemon());
        }
    }

    @Test
    @Timeout(30)
    void run_actionThrows_printsNothingToStdoutOrStderr() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        RuntimeException failure = new IllegalStateException("should reach the caller, not the console");
        RuntimeException caught;
        RunSummary summary;
        System.setOut(capture);
        System.setErr(capture);
        try {
            DsolEngine engine = new DsolEngine();
            summary = engine.run(10.0, scheduler -> {
                for (int i = 0; i < 100; i++) {
                    scheduler.schedule(i * 0.1, () -> { });
                }
                scheduler.scheduleAt(20.0, () -> { });
            });
            caught = assertThrows(RuntimeException.class, () -> engine.run(10.0, scheduler -> {
                scheduler.schedule(1.0, () -> {
                    throw failure;
                });
                scheduler.schedule(2.0, () -> { });
            }));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertSame(failure, caught);
        assertEquals(100, summary.actionsExecuted());
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Timeout(30)
    void run_twoRunsInParallelThreads_bothCompleteWithTheirOwnReplication() throws Exception {
        DsolEngine engine = new DsolEngine();
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        List<String> replicationIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Double>>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(threads.submit(() -> {
                    List<Double> times = new ArrayList<>();
                    engine.run(500.0, scheduler -> {
                        replicationIds.add(replicationId(scheduler));
                        // Both runs are inside an action at the same moment, so they truly overlap.
                        scheduler.schedule(0.0, () -> awaitQuietly(bothRunning));
                        chain(scheduler, times);
                    });
                    return times;
                }));
            }
            List<Double> expected = new ArrayList<>();
            new DsolEngine().run(500.0, scheduler -> chain(scheduler, expected));
            for (Future<List<Double>> result : results) {
                assertEquals(expected, result.get(20, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, replicationIds.size());
        assertNotEquals(replicationIds.get(0), replicationIds.get(1));
        assertTrue(replicationIds.get(0).startsWith(DsolEngine.ID_PREFIX));
    }

    @Test
    @Timeout(60)
    void run_manyShortRunsOnEightThreads_jvmWideDsolStateNeverRaces() throws Exception {
        // Simulator construction edits DSOL's JVM-wide log category, and replications create and
        // destroy sub-contexts of its JVM-wide naming context; unsynchronized, parallel runs failed with
        // a NullPointerException in CategoryLogger.addFormatter or "Cannot destroy context".
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    awaitQuietly(start);
                    long actions = 0;
                    for (int i = 0; i < 100; i++) {
                        actions += new DsolEngine().run(1.0, scheduler -> scheduler.schedule(0.5, () -> { }))
                                .actionsExecuted();
                    }
                    return actions;
                }));
            }
            for (Future<Long> result : results) {
                assertEquals(100L, result.get(50, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A deterministic chain of 1000 actions, half a second apart, ending at 499.5 s. */
    private static void chain(Scheduler scheduler, List<Double> times) {
        scheduler.schedule(0.0, () -> chainLink(scheduler, times, 1000));
    }

    private static void chainLink(Scheduler scheduler, List<Double> times, int remaining) {
        times.add(scheduler.nowSeconds());
        if (remaining > 1) {
            scheduler.schedule(0.5, () -> chainLink(scheduler, times, remaining - 1));
        }
    }

    private static String replicationId(Scheduler scheduler) {
        return ((DsolScheduler) scheduler).simulator().getReplication().getId();
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other run did not reach the barrier", e);
        }
    }
}
