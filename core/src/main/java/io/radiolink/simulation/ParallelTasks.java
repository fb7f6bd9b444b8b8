package io.radiolink.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Runs tasks numbered 0 to {@code count - 1} on a pool of threads and returns their results in index order,
 * so that what is built from them does not depend on the thread count or on the order the tasks end in.
 * {@link Simulation#run(int)} runs its replications with it, and the scenario runner its units.
 *
 * <p>The first task to fail ends the run at once, with that task's exception: a {@link RuntimeException} or
 * an {@link Error} (an {@link OutOfMemoryError} in a worker included) as thrown, anything else wrapped in an
 * {@link IllegalStateException}. The tasks still running are then interrupted and their results dropped; so
 * they are when the calling thread is interrupted while it waits, which ends the run with an
 * {@link IllegalStateException} and the thread's interrupt flag set again.
 */
public final class ParallelTasks {

    /** Told after each task ends, in the calling thread, in the order the tasks end. */
    @FunctionalInterface
    public interface Completion<R> {

        /** Tells nothing. */
        Completion<Object> NONE = (done, index, result) -> { };

        /** Task {@code index} ended with {@code result}; {@code done} tasks have ended so far, this one included. */
        void taskDone(int done, int index, R result);
    }

    private ParallelTasks() {}

    /**
     * Runs {@code task} for every index in [0, {@code count}) on a new pool of {@code threads} threads (fewer if
     * there are fewer tasks), tells {@code completion} of each result as it comes and returns them all in index
     * order; the pool is gone when this returns or throws.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1 or {@code count} is negative
     */
    public static <R> List<R> run(int count, int threads, IntFunction<? extends R> task,
            Completion<? super R> completion) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        try {
            CompletionService<Ended<R>> ended = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < count; i++) {
                int index = i;
                ended.submit(() -> new Ended<>(index, task.apply(index)));
            }
            List<R> results = new ArrayList<>(Collections.nCopies(count, null));
            for (int done = 1; done <= count; done++) {
                Ended<R> next = ended.take().get();
                results.set(next.index(), next.result());
                completion.taskDone(done, next.index(), next.result());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the tasks", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task's index and result. */
    private record Ended<R>(int index, R result) {}
}
