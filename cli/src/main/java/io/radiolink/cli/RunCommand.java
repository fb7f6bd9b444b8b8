package io.radiolink.cli;

import io.radiolink.radio.InvalidFieldException;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitComputationException;
import io.radiolink.run.UnitResult;
import io.radiolink.run.UnitSelection;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code radiolink run}: runs a scenario file and writes its reports into a folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs SCENARIO (every sweep point with all its replications) and writes report.json, "
                + "summary.csv, replications.csv, flows.csv and plots into DIR.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private RadiolinkCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (JSON).")
    private Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/<scenario name>); replaced only by a complete new one, and only"
                    + " if it is empty or radiolink's output of the same scenario.")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    private Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Override the scenario's replications.")
    private Integer replications;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the available cores). Results do not depend on it.")
    private Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is not a terminal.")
    private boolean progress;

    @Option(names = "--force", description = "Run even if the estimated work is beyond the budget (see validate).")
    private boolean force;

    @Option(names = "--all-flows", description = "Write every replication's flows to flows.csv, not only replication 0's.")
    private boolean allFlows;

    @Mixin
    private ReportOptions reportOptions;

    @Option(names = "--series-bin", paramLabel = "SECONDS",
            description = "Width of the time bins of each unit's series (busy channels, stored bytes, flows and attempts"
                    + " per bin; default: the smallest of 1, 2, 5 x 10^k s giving at most 200 bins; 0: none).")
    private Double seriesBin;

    @Option(names = "--resume", description = "Continue the unfinished run of DIR (Ctrl-C, a kill), or extend the"
            + " finished DIR (raised replications): reuse every finished unit of the same identity, run the rest.")
    private boolean resume;

    @Option(names = "--fresh", description = "Discard the unfinished run of DIR, and run afresh.")
    private boolean fresh;

    @Option(names = UnitSelection.POINTS, paramLabel = "LIST",
            description = "Run only these sweep points: 0-based indexes and inclusive ranges, e.g. 0,3..5 (a part of"
                    + " the run; merge the parts with radiolink merge).")
    private String points;

    @Option(names = UnitSelection.REPLICATIONS, paramLabel = "LIST",
            description = "Run only these replications of each point, e.g. 10..19 (a part of the run).")
    private String replicationsRange;

    @Option(names = UnitSelection.SHARD, paramLabel = "i/n",
            description = "Run part i (0 <= i < n) of n parts of the units selected, interleaved by unit, e.g."
                    + " $SLURM_ARRAY_TASK_ID/10.")
    private String shard;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            err.println("error: --threads: must be >= 1, was " + workers);
            return Main.BAD_INPUT;
        }
        if (resume && fresh) {
            err.println("error: --resume and --fresh: give one of them (--resume continues the unfinished run,"
                    + " --fresh discards it)");
            return Main.BAD_INPUT;
        }
        if (out != null && out.toString().isEmpty()) {
            err.println("error: --out: empty; give the output folder (an unset shell variable?)");
            return Main.BAD_INPUT;
        }
        ResolvedScenario resolved;
        UnitSelection selection;
        try {
            resolved = ScenarioLoader.load(scenario,
                    seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                    replications == null ? OptionalInt.empty() : OptionalInt.of(replications));
            ScenarioLoader.requireDemand(resolved);
            selection = UnitSelection.of(resolved.points().size(), resolved.replications(), Optional.ofNullable(points),
                    Optional.ofNullable(replicationsRange), Optional.ofNullable(shard));
            if (seriesBin != null) {
                ScenarioRunner.checkSeriesBinSeconds(resolved, seriesBin);
            }
            if (!force) {
                // The cores the machine has, as validate counts them: --threads does not move the budget.
                int cores = Runtime.getRuntime().availableProcessors();
                Budget.ofThisMachine(cores).check(resolved, WorkEstimate.of(resolved, selection.unitsOfPoint(), cores,
                        allFlows));
            }
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        } catch (UnitSelection.SelectionException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (InvalidFieldException e) {
            err.println("error: --series-bin: " + e.problem() + "; allowed: " + e.allowed());
            return Main.BAD_INPUT;
        }
        // The name is one safe folder name (the scenario layer's ScenarioName), so this is one folder in results.
        Path target = out != null ? out : Path.of("results", resolved.name());
        FolderMarker.Identity identity = FolderMarker.Identity.of(ModelIdentity.of(resolved), CodeIdentity.current());
        // + 0.0 makes -0.0 the 0.0 it means, so that a unit's width compares equal to a later --series-bin 0.
        OptionalDouble seriesBinSeconds = seriesBin == null ? OptionalDouble.empty() : OptionalDouble.of(seriesBin + 0.0);
        FolderMarker.Run facts = new FolderMarker.Run(identity, resolved.sourceSha256(), resolved.replications(),
                seriesBinSeconds, selection.isWhole() ? Optional.empty() : Optional.of(selection.text()), allFlows);
        RunFolderTable.Mode mode = resume ? RunFolderTable.Mode.RESUME
                : fresh ? RunFolderTable.Mode.FRESH : RunFolderTable.Mode.PLAIN;
        try (OutputFolder output = OutputFolder.open(target, resolved.name(), facts, JsonReporter.scenarioJson(resolved), mode,
                err)) {
            Instant started = Instant.now();
            JsonReporter.writeScenario(resolved, output.runFolder());
            UnitStore units = UnitStore.in(output.runFolder(), identity.units());
            List<UnitResult> reused = reusable(output.found(), resolved, seriesBinSeconds);
            List<UnitSelection.Unit> rerun = rerun(output.found(), resolved, reused);
            RunInfo.UnitTimes times = new RunInfo.UnitTimes(resolved.points().size());
            RunReport report;
            PrintStream progressStream = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
            try (UnitWriter writer = new UnitWriter(units);
                    ProgressDisplay display = ProgressDisplay.create(progress, quiet,
                            ProgressDisplay.stderrIsTerminal(), parent.environment().containsKey("CI"), resolved,
                            unitsOfTheRun(selection, reused, rerun), progressStream)) {
                try (UnitExecutors.Opened executor = parent.executors().open(workers,
                        output.runFolder().resolve(RunFolderFiles.SCRATCH))) {
                    ScenarioRunner runner = new ScenarioRunner(executor, allFlows, seriesBinSeconds,
                            times.andThen(display));
                    report = runner.run(resolved, selection, reused, rerun, writer);
                } finally {
                    output.removeScratch();
                }
                writer.awaitWritten();
                // Every unit's rename on disk before the marker says finished (docs/runs.md, section 1).
                units.forceFolders();
            } catch (UnitComputationException e) {
                progressStream.flush();
                err.println("error: a unit could not be computed: " + e.getMessage() + "; the units written so far stay in "
                        + output.runFolder() + " (continue with --resume)");
                if (parent.debug()) {
                    e.printStackTrace(err);
                }
                err.flush();
                return Main.INTERNAL_FAILURE;
            } catch (IOException | UncheckedIOException e) {
                progressStream.flush();
                err.println("error: cannot write a unit into " + output.runFolder() + ": " + e.getMessage()
                        + "; the units written so far stay there (continue with --resume once it can be written)");
                if (parent.debug()) {
                    e.printStackTrace(err);
                }
                err.flush();
                return Main.INTERNAL_FAILURE;
            }
            progressStream.flush();
            Duration wall = Duration.between(started, Instant.now());
            output.publish(folder -> {
                for (Reporter reporter : reportOptions.reporters()) {
                    reporter.write(report, folder);
                }
                RunInfo.of(spec.commandLine().getParseResult().originalArgs(), workers, started, wall, reused.size(),
                        units.writeNanos() / 1e9, times).write(folder);
            });
            SummaryTable.print(report, stdout);
            report.part().ifPresent(part -> stdout.printf(Locale.ROOT, "part: %,d of %,d units%s (radiolink merge"
                    + " makes the whole report of the parts)%n", part.units(), part.of(),
                    facts.selection().map(text -> ", " + text).orElse("")));
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        }
        stdout.println("reports in " + target);
        stdout.flush();
        return Main.OK;
    }

    /**
     * The units found in the run folder that this run reuses: those of its points and replications (a run
     * with fewer replications leaves the others where they are, unused), with series of the width
     * {@code runner} gives their point, and with flows where it records them ({@link ScenarioRunner#recordsFlows});
     * the others run again.
     */
    private List<UnitResult> reusable(List<UnitStore.Read.Valid> found, ResolvedScenario resolved,
            OptionalDouble seriesBinSeconds) {
        List<UnitResult> reused = new ArrayList<>();
        for (UnitStore.Read.Valid valid : found) {
            UnitResult unit = valid.unit();
            boolean flowsMissing = ScenarioRunner.recordsFlows(unit.replication(), allFlows) && unit.flows().isEmpty();
            if (unit.point() < resolved.points().size() && unit.replication() < resolved.replications()
                    && Double.compare(valid.seriesBinSeconds(), ScenarioRunner.seriesBinSeconds(seriesBinSeconds,
                    resolved.points().get(unit.point()))) == 0 && !flowsMissing) {
                reused.add(unit);
            }
        }
        return reused;
    }

    /**
     * The valid units found of the scenario's points and replications that this run does not reuse as they
     * are (another series width, flows not recorded where this run records them): a resumed part runs them
     * again whether its new selection holds them or not, so that its folder holds no unit its report leaves
     * out (docs/runs.md, section 4). Those beyond the scenario stay where they are, unused.
     */
    private static List<UnitSelection.Unit> rerun(List<UnitStore.Read.Valid> found, ResolvedScenario resolved,
            List<UnitResult> reused) {
        Set<UnitSelection.Unit> kept = new HashSet<>();
        reused.forEach(unit -> kept.add(new UnitSelection.Unit(unit.point(), unit.replication())));
        List<UnitSelection.Unit> rerun = new ArrayList<>();
        for (UnitStore.Read.Valid valid : found) {
            UnitSelection.Unit unit = new UnitSelection.Unit(valid.unit().point(), valid.unit().replication());
            if (unit.point() < resolved.points().size() && unit.replication() < resolved.replications()
                    && !kept.contains(unit)) {
                rerun.add(unit);
            }
        }
        return rerun;
    }

    /**
     * The units of each point this run's report holds: those it selects, and those it reuses or runs again
     * besides (a resumed part keeps its others); counted, not listed.
     */
    private static int[] unitsOfTheRun(UnitSelection selection, List<UnitResult> reused,
            List<UnitSelection.Unit> rerun) {
        int[] unitsOfPoint = selection.unitsOfPoint();
        reused.stream().filter(unit -> !selection.contains(unit.point(), unit.replication()))
                .forEach(unit -> unitsOfPoint[unit.point()]++);
        rerun.stream().filter(unit -> !selection.contains(unit.point(), unit.replication()))
                .forEach(unit -> unitsOfPoint[unit.point()]++);
        return unitsOfPoint;
    }

}
