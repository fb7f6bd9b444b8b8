package io.radiolink.run;

import io.radiolink.scenario.ResolvedScenario;
import java.io.IOException;
import java.util.List;

/**
 * Where a {@link ScenarioRunner}'s units are computed: on this JVM's threads ({@link #threads}, the default), or
 * elsewhere (docs/spark.md: a Spark cluster's executors). Whatever computes them, a unit is
 * {@link ScenarioRunner#runUnit}'s pure function of the scenario, its point and replication, so the runner's
 * report does not depend on the executor.
 */
public interface UnitExecutor {

    /** Told of each unit computed. */
    @FunctionalInterface
    interface Finished {

        /**
         * {@code unit} has been computed, its run taking {@code wallNanos} on the thread or machine that ran it;
         * a failure ends the run.
         */
        void unit(UnitResult unit, long wallNanos) throws IOException;
    }

    /**
     * A unit to compute: replication {@code replication} of point {@code point}, recording its flows if asked, its
     * series in bins of {@code seriesBinSeconds} (0: none), as {@link ScenarioRunner#runUnit} computes it.
     *
     * @param point the sweep point's index
     * @param replication the replication's index
     * @param recordFlows whether the unit records its flows
     * @param seriesBinSeconds the width of its series' bins, 0 for none
     */
    record UnitTask(int point, int replication, boolean recordFlows, double seriesBinSeconds) {}

    /**
     * Computes every task, units of {@code scenario}, and tells {@code finished} of each once, on the thread that
     * called this method, one at a time, in the order they end.
     *
     * @throws IOException the first failure of {@code finished}, which ends the run (the units still being
     *     computed are dropped)
     */
    void run(ResolvedScenario scenario, List<UnitTask> tasks, Finished finished) throws IOException;

    /** On {@code threads} threads of this JVM (at most one per unit). */
    static UnitExecutor threads(int threads) {
        return new ThreadedUnits(threads);
    }
}
