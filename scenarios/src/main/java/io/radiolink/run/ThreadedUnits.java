package io.radiolink.run;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.simulation.ParallelTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** {@link UnitExecutor#threads}: units on a pool of this JVM's threads ({@link ParallelTasks}). */
final class ThreadedUnits implements UnitExecutor {

    private final int threads;

    ThreadedUnits(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public void run(ResolvedScenario scenario, List<UnitTask> tasks, Finished finished) throws IOException {
        try {
            ParallelTasks.run(tasks.size(), threads, index -> {
                UnitTask task = tasks.get(index);
                long start = System.nanoTime();
                UnitResult unit = ScenarioRunner.runUnit(scenario.points().get(task.point()), task.replication(),
                        scenario.engine(), task.recordFlows(), task.seriesBinSeconds());
                return new Timed(unit, System.nanoTime() - start);
            }, (done, index, timed) -> {
                try {
                    finished.unit(timed.unit(), timed.wallNanos());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "UnitExecutor.threads(" + threads + ")";
    }

    /** A unit and the wall time its run took on its worker thread. */
    private record Timed(UnitResult unit, long wallNanos) {}
}
