package io.radiolink.run;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.report.FlowRow;
import io.radiolink.report.PointResult;
import io.radiolink.report.RunReport;
import io.radiolink.scenario.EngineChoice;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.ReplicationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;

/**
 * Runs a resolved scenario: every (sweep point, replication) pair is one unit of work, a pure function of
 * the point's configuration and the replication index, run on a new engine of the scenario's choice;
 * units run on a thread pool and are merged in (point, replication) order, so the report does not depend
 * on the thread count.
 *
 * <p>Every sweep point uses the scenario's seed: replication r of each point draws from the same
 * streams (common random numbers), which sharpens the comparison between points.
 */
public final class ScenarioRunner {

    /** Told after each finished unit. */
    public interface Progress {
        void unitDone(int done, int total, double simulatedSeconds);
    }

    private final int threads;
    private final boolean allFlows;
    private final Progress progress;

    public ScenarioRunner(int threads, boolean allFlows, Progress progress) {
        this.threads = threads;
        this.allFlows = allFlows;
        this.progress = progress;
    }

    /**
     * One unit: replication {@code replication} of {@code point} on a new engine of kind {@code engine},
     * recording its flows if asked.
     */
    public static UnitResult runUnit(SweepPoint point, int replication, EngineChoice engine, boolean recordFlows) {
        List<FlowRow> flows = new ArrayList<>();
        FlowListener listener = !recordFlows ? FlowListener.NONE : new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                flows.add(FlowRow.of(point.index(), replication, record));
            }
        };
        Simulation simulation = Simulation.builder().config(point.config()).engine(engine.newEngine())
                .flowListener(listener).build();
        ReplicationResult result = simulation.runReplication(replication);
        flows.sort(Comparator.comparingLong(FlowRow::flowId));
        return new UnitResult(point.index(), replication, result, flows);
    }

    public RunReport run(ResolvedScenario scenario) {
        List<SweepPoint> points = scenario.points();
        int replications = scenario.replications();
        int total = points.size() * replications;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, total)));
        try {
            CompletionService<UnitResult> completion = new ExecutorCompletionService<>(pool);
            for (SweepPoint point : points) {
                for (int r = 0; r < replications; r++) {
                    int replication = r;
                    boolean record = allFlows || replication == 0;
                    completion.submit(() -> runUnit(point, replication, scenario.engine(), record));
                }
            }
            UnitResult[] results = new UnitResult[total];
            double simulatedSeconds = 0;
            for (int done = 1; done <= total; done++) {
                UnitResult unit = completion.take().get();
                results[unit.point() * replications + unit.replication()] = unit;
                simulatedSeconds += points.get(unit.point()).config().runLengthSeconds();
                progress.unitDone(done, total, simulatedSeconds);
            }
            return merge(scenario, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private RunReport merge(ResolvedScenario scenario, UnitResult[] units) {
        List<PointResult> pointResults = new ArrayList<>();
        int replications = scenario.replications();
        for (SweepPoint point : scenario.points()) {
            List<ReplicationResult> results = new ArrayList<>();
            List<FlowRow> flows = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                UnitResult unit = units[point.index() * replications + r];
                results.add(unit.result());
                flows.addAll(unit.flows());
            }
            pointResults.add(new PointResult(point, results, ExperimentSummary.of(results), flows));
        }
        return new RunReport(scenario, pointResults, allFlows);
    }
}
