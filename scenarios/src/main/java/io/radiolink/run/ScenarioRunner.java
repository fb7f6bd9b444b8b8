package io.radiolink.run;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.report.Part;
import io.radiolink.report.PointResult;
import io.radiolink.report.Provenance;
import io.radiolink.report.RunReport;
import io.radiolink.scenario.EngineChoice;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.ReplicationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a resolved scenario: every (sweep point, replication) pair is one unit of work, a pure function of
 * the point's configuration and the replication index, run on a new engine of the scenario's choice;
 * units run on a thread pool and are merged in (point, replication) order, so the report does not depend
 * on the thread count.
 *
 * <p>Every sweep point uses the scenario's seed: replication r of each point draws from the same
 * streams (common random numbers), which sharpens the comparison between points.
 *
 * <p>To run the units elsewhere (other threads, other machines), give the runner a {@link UnitExecutor}, or
 * run each with {@link #runUnit}, recording flows where {@link #recordsFlows} says, and give their results to
 * {@link #merge}: the report is the one {@link #run} makes.
 */
public final class ScenarioRunner {

    /** Told after each finished unit. */
    public interface Progress {

        /** Tells nothing. */
        Progress NONE = done -> { };

        /** A unit has finished; called from the thread that called {@link ScenarioRunner#run}, in the order units end. */
        void unitDone(UnitDone done);
    }

    /**
     * A finished unit, as {@link Progress} is told of it.
     *
     * @param done units of the run finished so far, this one included
     * @param total units of the run
     * @param point the unit's sweep point index
     * @param wallNanos wall time of the unit's own run, measured on the thread that ran it (0 if {@code reused})
     * @param simulatedSeconds simulated time of every unit finished so far, this one included
     * @param reused whether the unit was not run but taken from an earlier run (resume); it cost nothing
     */
    public record UnitDone(int done, int total, int point, long wallNanos, double simulatedSeconds, boolean reused) {}

    /**
     * Told of each unit the runner ran, on the thread that called {@link ScenarioRunner#run}, one at a time, as
     * soon as it has finished and before it counts as done ({@link UnitExecutor.Finished}).
     */
    @FunctionalInterface
    public interface UnitSink {

        /** Keeps nothing. */
        UnitSink NONE = (unit, seriesBinSeconds) -> { };

        /** {@code unit} has finished, its series binned {@code seriesBinSeconds} wide (0: none); a failure ends the run. */
        void finished(UnitResult unit, double seriesBinSeconds) throws IOException;
    }

    private final UnitExecutor executor;
    private final boolean allFlows;
    private final Progress progress;
    private final OptionalDouble seriesBinSeconds;

    /**
     * A runner on {@code threads} threads (at most one per unit) that records the flows of replication 0
     * of every point, or of every replication with {@code allFlows}, and tells {@code progress}; each unit
     * keeps its series at its point's default width ({@link BinnedSeries#defaultBinSeconds}).
     */
    public ScenarioRunner(int threads, boolean allFlows, Progress progress) {
        this(threads, allFlows, OptionalDouble.empty(), progress);
    }

    /**
     * As {@link #ScenarioRunner(int, boolean, Progress)}, every unit's series in bins of {@code seriesBinSeconds}
     * (0: none) if given, else of its point's default width. Check the width first with
     * {@link #checkSeriesBinSeconds}.
     */
    public ScenarioRunner(int threads, boolean allFlows, OptionalDouble seriesBinSeconds, Progress progress) {
        this(UnitExecutor.threads(threads), allFlows, seriesBinSeconds, progress);
    }

    /**
     * As {@link #ScenarioRunner(int, boolean, OptionalDouble, Progress)}, its units computed by {@code executor}
     * (this JVM's threads, {@link UnitExecutor#threads}, or elsewhere): the report is the same whatever computes
     * them.
     */
    public ScenarioRunner(UnitExecutor executor, boolean allFlows, OptionalDouble seriesBinSeconds, Progress progress) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.allFlows = allFlows;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.seriesBinSeconds = Objects.requireNonNull(seriesBinSeconds, "seriesBinSeconds");
    }

    /**
     * Checks a series width given for {@code scenario}: 0, or a width giving at most
     * {@link BinnedSeries#MAX_BINS} bins over every point's run length.
     *
     * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds}, for the first point
     *     it does not fit
     */
    public static void checkSeriesBinSeconds(ResolvedScenario scenario, double seriesBinSeconds) {
        for (SweepPoint point : scenario.points()) {
            BinnedSeries.checkBinSeconds(seriesBinSeconds, point.config().runLengthSeconds());
        }
    }

    /** The width of the series of {@code point}'s units: the one given, or the point's default; 0 for none. */
    public double seriesBinSeconds(SweepPoint point) {
        return seriesBinSeconds(seriesBinSeconds, point);
    }

    /** The width of {@code point}'s units' series given {@code given} (a runner's): it, or the point's default; 0 for none. */
    public static double seriesBinSeconds(OptionalDouble given, SweepPoint point) {
        return given.orElseGet(() -> BinnedSeries.defaultBinSeconds(point.config().runLengthSeconds()));
    }

    /**
     * One unit: replication {@code replication} of {@code point} on a new engine of kind {@code engine},
     * recording its flows if asked, its series at the point's default width
     * ({@link BinnedSeries#defaultBinSeconds}).
     *
     * @throws IllegalStateException if {@code engine} cannot run in this JVM ({@link EngineChoice#unavailable()})
     */
    public static UnitResult runUnit(SweepPoint point, int replication, EngineChoice engine, boolean recordFlows) {
        return runUnit(point, replication, engine, recordFlows,
                BinnedSeries.defaultBinSeconds(point.config().runLengthSeconds()));
    }

    /**
     * As {@link #runUnit(SweepPoint, int, EngineChoice, boolean)}, its series in bins of {@code seriesBinSeconds}
     * (0: none, {@link BinnedSeries#NONE}). The series only listens: every other number of the unit is the same
     * whatever the width.
     *
     * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds} unless it is 0 or gives at
     *     most {@link BinnedSeries#MAX_BINS} bins over the point's run length
     */
    public static UnitResult runUnit(SweepPoint point, int replication, EngineChoice engine, boolean recordFlows,
            double seriesBinSeconds) {
        List<FlowRow> flows = new ArrayList<>();
        FlowListener listener = !recordFlows ? FlowListener.NONE : new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                flows.add(FlowRow.of(point.index(), replication, record));
            }
        };
        Simulation simulation = Simulation.builder().config(point.config()).engine(engine.newEngine())
                .flowListener(listener).seriesBinSeconds(seriesBinSeconds).build();
        ReplicationResult result = simulation.runReplication(replication);
        flows.sort(Comparator.comparingLong(FlowRow::flowId));
        return new UnitResult(point.index(), replication, result, flows);
    }

    /** Whether the unit of {@code replication} records its flows: replication 0's always, every one's with {@code allFlows}. */
    public static boolean recordsFlows(int replication, boolean allFlows) {
        return allFlows || replication == 0;
    }

    /**
     * Runs every unit of {@code scenario} and merges them.
     *
     * @throws ScenarioException if the scenario's engine cannot run in this JVM: the one-line explanation,
     *     naming the scenario's file and its {@code engine} field
     */
    public RunReport run(ResolvedScenario scenario) throws ScenarioException {
        try {
            return run(scenario, List.of(), UnitSink.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("UnitSink.NONE writes nothing", e);
        }
    }

    /**
     * Runs the units of {@code scenario} that {@code reused} does not hold, gives each to {@code sink} as soon
     * as it has finished, and merges them with {@code reused} ({@link #merge}): the
     * report is the one {@link #run(ResolvedScenario)} makes, given units that this runner's {@link #runUnit}
     * made (a resumed run's, read back from disk). A reused unit's flows are used where {@link #recordsFlows}
     * says and ignored elsewhere; the caller gives only units that recorded their flows where it says (a
     * {@link UnitResult} cannot tell flows not recorded from no flow ended). {@link #progress} is told of the
     * reused units first, as done and costing nothing.
     *
     * @throws ScenarioException if the scenario's engine cannot run in this JVM, before any unit runs
     * @throws IOException the first failure of {@code sink}, which ends the run (the units still running are
     *     dropped)
     * @throws IllegalArgumentException if a reused unit is not one of the scenario's, or is given twice
     */
    public RunReport run(ResolvedScenario scenario, Collection<UnitResult> reused, UnitSink sink)
            throws ScenarioException, IOException {
        return run(scenario, UnitSelection.whole(scenario.points().size(), scenario.replications()), reused, List.of(),
                sink);
    }

    /**
     * As {@link #run(ResolvedScenario, Collection, UnitSink)}, running only the units of {@code selection} and of
     * {@code rerun} that {@code reused} does not hold: a part of the scenario (docs/runs.md, section 4);
     * {@code rerun} are units outside the selection to run again all the same (a resumed part's units that
     * cannot be reused as they are: another series width, flows not recorded). The report is of the reused
     * and the run units, all of them: {@link #report} (a part's report, with {@link RunReport#part()}, unless
     * they are every unit of the scenario). {@link #progress} counts those units alone.
     *
     * @throws IllegalArgumentException if {@code selection} is not of the scenario's points and replications,
     *     or a reused or rerun unit is not one of the scenario's, or a reused one is given twice
     */
    public RunReport run(ResolvedScenario scenario, UnitSelection selection, Collection<UnitResult> reused,
            Collection<UnitSelection.Unit> rerun, UnitSink sink) throws ScenarioException, IOException {
        if (selection.points() != scenario.points().size() || selection.replications() != scenario.replications()) {
            throw new IllegalArgumentException("a selection of " + selection.points() + " x " + selection.replications()
                    + " units is not of the scenario's " + scenario.points().size() + " x " + scenario.replications());
        }
        Optional<String> unavailable = scenario.engine().unavailable();
        if (unavailable.isPresent()) {
            throw new ScenarioException(scenario.source() + ": engine: " + unavailable.get());
        }
        List<SweepPoint> points = scenario.points();
        int replications = scenario.replications();
        // Unit u is replication u % replications of point u / replications: (point, replication) order.
        boolean[] held = new boolean[points.size() * replications];
        List<UnitResult> units = new ArrayList<>();
        for (UnitResult unit : reused) {
            int slot = slot(scenario, unit);
            if (held[slot]) {
                throw new IllegalArgumentException(unit(unit) + " given twice");
            }
            held[slot] = true;
            units.add(recordsFlows(unit.replication(), allFlows) || unit.flows().isEmpty() ? unit
                    : new UnitResult(unit.point(), unit.replication(), unit.result(), List.of()));
        }
        BitSet running = new BitSet(held.length);
        selection.slots().forEach(running::set);
        for (UnitSelection.Unit unit : rerun) {
            if (unit.point() >= points.size() || unit.replication() >= replications) {
                throw new IllegalArgumentException("unit (point " + unit.point() + ", replication " + unit.replication()
                        + ") is not one of the scenario's " + points.size() + " x " + replications);
            }
            running.set(unit.slot(replications));
        }
        int[] toRun = running.stream().filter(slot -> !held[slot]).toArray();
        ProgressTally tally = new ProgressTally(points, units.size() + toRun.length);
        for (UnitResult unit : units) {
            tally.tell(unit.point(), 0, true);
        }
        List<UnitExecutor.UnitTask> tasks = new ArrayList<>(toRun.length);
        for (int slot : toRun) {
            int replication = slot % replications;
            SweepPoint point = points.get(slot / replications);
            tasks.add(new UnitExecutor.UnitTask(point.index(), replication, recordsFlows(replication, allFlows),
                    seriesBinSeconds(point)));
        }
        List<UnitResult> computed = new ArrayList<>(tasks.size());
        BitSet told = new BitSet(held.length);
        executor.run(scenario, tasks, (unit, wallNanos) -> {
            int slot = slot(scenario, unit);
            if (!running.get(slot) || held[slot] || told.get(slot)) {
                throw new IllegalStateException(executor + " told " + unit(unit) + ", which it was not asked for or"
                        + " told already");
            }
            told.set(slot);
            sink.finished(unit, seriesBinSeconds(points.get(unit.point())));
            computed.add(unit);
            tally.tell(unit.point(), wallNanos, false);
        });
        if (computed.size() != tasks.size()) {
            throw new IllegalStateException(executor + " told " + computed.size() + " of the " + tasks.size()
                    + " units it was asked for");
        }
        units.addAll(computed);
        return report(scenario, Provenance.of(scenario, CodeIdentity.current()), units, allFlows);
    }

    /** Where {@code unit} goes among the scenario's units, in (point, replication) order. */
    private static int slot(ResolvedScenario scenario, UnitResult unit) {
        if (unit.point() >= scenario.points().size() || unit.replication() >= scenario.replications()) {
            throw new IllegalArgumentException(unit(unit) + " is not one of the scenario's " + scenario.points().size()
                    + " x " + scenario.replications());
        }
        return unit.point() * scenario.replications() + unit.replication();
    }

    private static String unit(UnitResult unit) {
        return "unit (point " + unit.point() + ", replication " + unit.replication() + ")";
    }

    /** Tells {@link #progress} of each finished unit, reused or run, with the simulated time of all so far. */
    private final class ProgressTally {
        private final List<SweepPoint> points;
        private final int total;
        private int done;
        private double simulatedSeconds;

        ProgressTally(List<SweepPoint> points, int total) {
            this.points = points;
            this.total = total;
        }

        void tell(int point, long wallNanos, boolean reused) {
            done++;
            simulatedSeconds += points.get(point).config().runLengthSeconds();
            progress.unitDone(new UnitDone(done, total, point, wallNanos, simulatedSeconds, reused));
        }
    }

    /**
     * The report of {@code scenario} from the results of its units, given in any order: merged in (point,
     * replication) order, so the report does not depend on where or in which order the units ran.
     * {@code allFlows} says whether they recorded every replication's flows ({@link #recordsFlows}). Its
     * provenance names this process's code ({@link CodeIdentity#current()}): the units are of that code,
     * as those read from disk are checked to be.
     *
     * @throws IllegalArgumentException unless {@code units} hold every (point, replication) pair of
     *     {@code scenario} exactly once
     */
    public static RunReport merge(ResolvedScenario scenario, Collection<UnitResult> units, boolean allFlows) {
        RunReport report = report(scenario, Provenance.of(scenario, CodeIdentity.current()), units, allFlows);
        if (report.part().isPresent()) {
            throw new IllegalArgumentException(report.part().get().missing().message());
        }
        return report;
    }

    /**
     * The report of the units {@code units} of {@code scenario}, given in any order, of {@code provenance}:
     * merged in (point, replication) order, every sum and flow list taken in that order, so the report does
     * not depend on where or in which order the units ran. A point is over the replications present, in index
     * order; a point with none is left out, and a report lacking some unit states what it lacks
     * ({@link RunReport#part()}). {@code allFlows} says whether the report holds every replication's flows
     * ({@link #recordsFlows}): a unit's flows are taken where it says and ignored elsewhere (a unit of an
     * {@code --all-flows} run merged without it), as {@link #run} takes a reused unit's.
     *
     * @throws IllegalArgumentException if a unit is not one of the scenario's, or is given twice
     */
    public static RunReport report(ResolvedScenario scenario, Provenance provenance, Collection<UnitResult> units,
            boolean allFlows) {
        int replications = scenario.replications();
        UnitResult[] slots = new UnitResult[scenario.points().size() * replications];
        BitSet present = new BitSet(slots.length);
        for (UnitResult unit : units) {
            int slot = slot(scenario, unit);
            if (slots[slot] != null) {
                throw new IllegalArgumentException(unit(unit) + " given twice");
            }
            slots[slot] = unit;
            present.set(slot);
        }
        List<PointResult> pointResults = new ArrayList<>();
        for (SweepPoint point : scenario.points()) {
            List<ReplicationResult> results = new ArrayList<>();
            List<FlowRow> flows = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                UnitResult unit = slots[point.index() * replications + r];
                if (unit != null) {
                    results.add(unit.result());
                    if (recordsFlows(r, allFlows)) {
                        flows.addAll(unit.flows());
                    }
                }
            }
            if (!results.isEmpty()) {
                pointResults.add(new PointResult(point, results, ExperimentSummary.of(results), flows));
            }
        }
        MissingUnits missing = MissingUnits.of(scenario.points().size(), replications, present);
        Optional<Part> part = missing.isEmpty() ? Optional.empty() : Optional.of(new Part(present.cardinality(), missing));
        return new RunReport(scenario, provenance, pointResults, allFlows, part);
    }
}
