package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Indexed tasks on a pool: results in index order, completions as they come, the first failure at once. */
@Timeout(30)
final class ParallelTasksTest {

    @Test
    void run_tasksEndInReverseOrder_resultsInIndexOrderCompletionsInEndOrderInTheCallingThread() {
        int count = 4;
        // Task i may end only once task i + 1's completion was told: they end 3, 2, 1, 0.
        List<CountDownLatch> mayEnd = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mayEnd.add(new CountDownLatch(i == count - 1 ? 0 : 1));
        }
        List<String> told = new ArrayList<>();
        Thread caller = Thread.currentThread();
        List<String> results = ParallelTasks.run(count, count, index -> {
            await(mayEnd.get(index));
            return "result " + index;
        }, (done, index, result) -> {
            assertSame(caller, Thread.currentThread());
            told.add(done + ": " + result);
            if (index > 0) {
                mayEnd.get(index - 1).countDown();
            }
        });
        assertEquals(List.of("result 0", "result 1", "result 2", "result 3"), results);
        assertEquals(List.of("1: result 3", "2: result 2", "3: result 1", "4: result 0"), told);
    }

    @Test
    void run_moreTasksThanThreads_runOnAtMostThatManyPoolThreads() {
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        List<Integer> results = ParallelTasks.run(12, 2, index -> {
            workers.add(Thread.currentThread());
            return index * index;
        }, ParallelTasks.Completion.NONE);
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121), results);
        assertTrue(workers.size() <= 2, workers.toString());
        assertFalse(workers.contains(Thread.currentThread()));
        assertFalse(stillAlive(workers), "the pool's threads end");
    }

    @Test
    void run_noTasks_emptyResults() {
        assertEquals(List.of(), ParallelTasks.run(0, 3, index -> index, ParallelTasks.Completion.NONE));
    }

    @Test
    void run_taskThrowsRuntimeExceptionOrError_rethrownAsThrown() {
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertSame(runtime, assertThrows(IllegalArgumentException.class, () -> ParallelTasks.run(3, 2, index -> {
            if (index == 1) {
                throw runtime;
            }
            return index;
        }, ParallelTasks.Completion.NONE)));
        OutOfMemoryError error = new OutOfMemoryError("a worker's");
        assertSame(error, assertThrows(OutOfMemoryError.class, () -> ParallelTasks.run(3, 2, index -> {
            throw error;
        }, ParallelTasks.Completion.NONE)));
    }

    @Test
    void run_taskThrowsCheckedException_wrappedInIllegalState() {
        IOException checked = new IOException("disk");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ParallelTasks.run(1, 1, index -> sneakyThrow(checked), ParallelTasks.Completion.NONE));
        assertSame(checked, thrown.getCause());
    }

    @Test
    void run_aTaskFailsWhileAnEarlierOneRuns_failsAtOnceAndInterruptsTheRunningOne() {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("task 1");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> ParallelTasks.run(2, 2, index -> {
            if (index == 1) {
                await(started);
                throw failure;
            }
            started.countDown();
            try {
                new CountDownLatch(1).await(); // never ends by itself
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return index;
        }, ParallelTasks.Completion.NONE)));
        await(interrupted);
    }

    @Test
    void run_callerInterruptedWhileWaiting_illegalStateInterruptFlagSetTasksInterrupted() {
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread.currentThread().interrupt();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ParallelTasks.run(1, 1, index -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return index;
        }, ParallelTasks.Completion.NONE));
        assertTrue(Thread.interrupted(), "the interrupt flag is set again");
        assertTrue(thrown.getCause() instanceof InterruptedException, String.valueOf(thrown.getCause()));
        await(interrupted);
    }

    @Test
    void run_threadsBelowOneOrNegativeCount_rejected() {
        assertEquals("threads must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> ParallelTasks.run(1, 0, index -> index, ParallelTasks.Completion.NONE)).getMessage());
        assertEquals("count must be >= 0, was -1", assertThrows(IllegalArgumentException.class,
                () -> ParallelTasks.run(-1, 1, index -> index, ParallelTasks.Completion.NONE)).getMessage());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS), "waited too long");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if some of {@code threads} is still alive after a while. */
    private static boolean stillAlive(Set<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return threads.stream().anyMatch(Thread::isAlive);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> Integer sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
