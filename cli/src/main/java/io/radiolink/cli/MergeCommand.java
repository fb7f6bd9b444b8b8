package io.radiolink.cli;

import io.radiolink.report.JsonReporter;
import io.radiolink.report.Provenance;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.report.WrittenScenario;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ScenarioDifference;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.PartException;
import io.radiolink.run.unit.PartUnits;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code radiolink merge --out DIR PART...}: the report of the union of the parts' units, byte for byte the
 * report one run of every unit writes (docs/runs.md, section 4). Reads each part (never writes into one),
 * refuses parts of different runs, and writes {@code DIR} as a plain run would: the reports, the parts'
 * scenario.json, run-info.json and the units (hard links where the file system allows, else copies), so the
 * merged folder can be resumed and inspected.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merges the units of PART... (run folders of the same run, e.g. of run --shard i/n) and writes"
                + " the report of them all into DIR: byte for byte the report of one run of every unit. Missing units"
                + " are an error unless --partial.")
final class MergeCommand implements Callable<Integer> {

    /** The selection a partial merge's marker states: it is a part, made by merge. */
    static final String PARTIAL_SELECTION = "merge --partial";

    private static final String NOT_MERGED = "; not merged";

    @ParentCommand
    private RadiolinkCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output folder of the merged run; replaced only by a complete new one, and only if it is"
                    + " empty or radiolink's output of the same scenario.")
    private Path out;

    @Option(names = "--partial", description = "Make the report of the units there are, saying which are missing"
            + " (an invalid unit counts as missing), instead of refusing.")
    private boolean partial;

    @Option(names = "--fresh", description = "Discard an unfinished run in DIR, and merge afresh.")
    private boolean fresh;

    @Mixin
    private ReportOptions reportOptions;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "PART",
            description = "Run folders (finished, or the unfinished run beside a folder, as status reads them).")
    private List<Path> parts;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (out.toString().isEmpty()) {
            err.println("error: --out: empty; give the output folder (an unset shell variable?)");
            return Main.BAD_INPUT;
        }
        Instant started = Instant.now();
        Merged merged;
        try {
            merged = merge(err);
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        }
        try (OutputFolder output = OutputFolder.open(out, merged.first().marker().scenario(), merged.facts(),
                merged.scenario().root(), fresh ? RunFolderTable.Mode.FRESH : RunFolderTable.Mode.PLAIN, err)) {
            Files.writeString(output.runFolder().resolve(JsonReporter.SCENARIO_FILE_NAME), merged.scenario().text(),
                    StandardCharsets.UTF_8);
            UnitStore units = UnitStore.in(output.runFolder(), merged.facts().identity().units());
            try {
                for (int i = 0; i < merged.gathered().units().size(); i++) {
                    UnitResult unit = merged.gathered().units().get(i);
                    units.adopt(merged.gathered().files().get(i), unit.point(), unit.replication());
                }
                units.forceFolders();
            } catch (IOException e) {
                err.println("error: cannot put a unit into " + output.runFolder() + ": " + OutputFolder.reason(e)
                        + "; nothing merged into " + out);
                err.flush();
                return Main.INTERNAL_FAILURE;
            }
            RunReport report = merged.report();
            Duration wall = Duration.between(started, Instant.now());
            output.publish(folder -> {
                for (Reporter reporter : reportOptions.reporters()) {
                    reporter.write(report, folder);
                }
                RunInfo.of(spec.commandLine().getParseResult().originalArgs(), 1, started, wall,
                        merged.gathered().units().size(), units.writeNanos() / 1e9,
                        new RunInfo.UnitTimes(report.scenario().points().size())).write(folder);
            });
            SummaryTable.print(report, stdout);
            report.part().ifPresent(part -> stdout.printf(Locale.ROOT, "partial: %,d of %,d units; %s%n", part.units(),
                    part.of(), part.missing().message()));
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        }
        stdout.println("reports in " + out);
        stdout.flush();
        return Main.OK;
    }

    /**
     * What the merge makes: the first part (whose facts all parts share), the parts' scenario.json, the units
     * gathered and the report.
     */
    private record Merged(LocatedRun first, LocatedRun.ScenarioJson scenario, FolderMarker.Run facts,
            PartUnits.Gathered gathered, RunReport report) {}

    /** Reads and checks the parts, gathers their units and makes the report; refuses in one line. */
    private Merged merge(PrintWriter err) throws ScenarioException, IOException {
        List<LocatedRun> located = new ArrayList<>();
        List<LocatedRun.ScenarioJson> scenarios = new ArrayList<>();
        for (Path part : parts) {
            if (part.toString().isEmpty()) {
                throw new ScenarioException("merge: a PART is empty; give run folders (an unset shell variable?)");
            }
            LocatedRun run;
            try {
                run = LocatedRun.locate(part);
                scenarios.add(run.scenarioJson());
            } catch (ScenarioException e) {
                throw new ScenarioException("part " + e.getMessage() + NOT_MERGED);
            } catch (IOException e) {
                throw new ScenarioException("part " + part + ": cannot read it: " + OutputFolder.reason(e) + NOT_MERGED, e);
            }
            located.add(run);
            refuseOverlap(part, run);
        }
        LocatedRun first = located.get(0);
        for (int i = 1; i < located.size(); i++) {
            refuseOtherRun(first, scenarios.get(0), located.get(i), scenarios.get(i));
        }
        FolderMarker.Run facts = first.run();
        CodeIdentity code = CodeIdentity.current();
        if (!facts.identity().code().equals(code)) {
            throw new ScenarioException("part " + first.shown() + ": made by other code (" + FolderMarker.Identity.brief(
                    facts.identity().code()) + ") than this radiolink (" + FolderMarker.Identity.brief(code)
                    + "); merge with the radiolink that made the parts" + NOT_MERGED);
        }
        WrittenScenario written = WrittenScenario.read(scenarios.get(0).file(), scenarios.get(0).text());
        ResolvedScenario layout = written.layout();
        if (layout.replications() != facts.replications()) {
            throw new ScenarioException(scenarios.get(0).shown() + ": of " + layout.replications()
                    + " replications, its marker of " + facts.replications() + NOT_MERGED);
        }
        PartUnits.Gathered gathered;
        try {
            gathered = PartUnits.gather(located.stream().map(LocatedRun::folder).toList(), facts.identity().units(),
                    layout.points().size(), facts.replications(),
                    partial ? PartUnits.Invalid.MISSING : PartUnits.Invalid.REFUSED);
        } catch (PartException e) {
            throw new ScenarioException(e.getMessage());
        }
        if (!gathered.missing().isEmpty() && !partial) {
            throw new ScenarioException(gathered.missing().message() + NOT_MERGED
                    + " (give --partial for a report of the units there are)");
        }
        gathered.invalid().forEach(line -> err.println("note: " + line + "; counted as missing"));
        if (!gathered.beyond().isEmpty()) {
            err.println("note: " + gathered.beyond().size() + " valid unit" + (gathered.beyond().size() == 1 ? "" : "s")
                    + " beyond the scenario's " + facts.replications() + " replications left out, as run leaves them"
                    + " (" + gathered.beyond().get(0) + (gathered.beyond().size() > 1 ? ", ..." : "") + ")");
        }
        err.flush();
        RunReport report = ScenarioRunner.report(layout, new Provenance(written.model(), code), gathered.units(),
                facts.allFlows());
        FolderMarker.Run merged = new FolderMarker.Run(facts.identity(), facts.scenarioSha256(), facts.replications(),
                facts.seriesBinSeconds(), report.part().isPresent() ? Optional.of(PARTIAL_SELECTION) : Optional.empty(),
                facts.allFlows());
        return new Merged(first, scenarios.get(0), merged, gathered, report);
    }

    /** Refuses {@code part} unless it is of the run of {@code first}: the same scenario, identity and run control. */
    private static void refuseOtherRun(LocatedRun first, LocatedRun.ScenarioJson firstScenario, LocatedRun part,
            LocatedRun.ScenarioJson scenario) throws ScenarioException {
        FolderMarker.Run one = first.run();
        FolderMarker.Run other = part.run();
        String than = " than part " + first.shown();
        String why = null;
        if (!part.marker().scenario().equals(first.marker().scenario())) {
            why = "of scenario '" + part.marker().scenario() + "', part " + first.shown() + " of '"
                    + first.marker().scenario() + "'";
        } else if (!other.identity().model().equals(one.identity().model())) {
            why = "of another model" + than + " (model identity " + FolderMarker.Identity.brief(other.identity().model())
                    + " vs " + FolderMarker.Identity.brief(one.identity().model()) + "; " + ScenarioDifference.first(
                    firstScenario.root().path("scenario"), scenario.root().path("scenario"))
                    .map(ScenarioDifference.Difference::sentence).orElse("the scenarios as shown are equal") + ")";
        } else if (!other.identity().code().equals(one.identity().code())) {
            why = "made by other code" + than + " (" + FolderMarker.Identity.brief(other.identity().code()) + " vs "
                    + FolderMarker.Identity.brief(one.identity().code()) + ")";
        } else if (!other.scenarioSha256().equals(one.scenarioSha256())) {
            why = "of another scenario file" + than + " (scenarioSha256 " + FolderMarker.Identity.brief(
                    other.scenarioSha256()) + " vs " + FolderMarker.Identity.brief(one.scenarioSha256()) + ")";
        } else if (other.replications() != one.replications()) {
            why = "of " + other.replications() + " replications, part " + first.shown() + " of " + one.replications()
                    + " (run every part with the same --replications)";
        } else if (!other.seriesBinSeconds().equals(one.seriesBinSeconds())) {
            why = "of series bins " + bins(other) + ", part " + first.shown() + " of " + bins(one)
                    + " (run every part with the same --series-bin)";
        } else if (other.allFlows() != one.allFlows()) {
            why = (other.allFlows() ? "run with --all-flows, part " + first.shown() + " without"
                    : "run without --all-flows, part " + first.shown() + " with");
        } else if (!scenario.text().equals(firstScenario.text())) {
            why = "its " + JsonReporter.SCENARIO_FILE_NAME + " differs from part " + first.shown() + "'s";
        }
        if (why != null) {
            throw new ScenarioException("part " + part.shown() + ": " + why + NOT_MERGED);
        }
    }

    private static String bins(FolderMarker.Run run) {
        return run.seriesBinSeconds().isPresent() ? run.seriesBinSeconds().getAsDouble() + " s" : "of each point's"
                + " default width";
    }

    /**
     * Refuses a part that {@code --out} would replace or lie in: {@code --out} itself, the unfinished run
     * beside it, or a folder inside either; and an {@code --out} inside a part (which {@link OutputFolder}
     * refuses too, as inside a folder of radiolink's).
     */
    private void refuseOverlap(Path given, LocatedRun part) throws ScenarioException, IOException {
        Path target = out.toAbsolutePath().normalize();
        List<Path> ours = new ArrayList<>(List.of(target));
        if (target.getParent() != null) {
            ours.add(OutputFolder.beside(target, OutputFolder.RUN_SUFFIX));
            ours.add(OutputFolder.beside(target, OutputFolder.REPLACED_SUFFIX));
        }
        List<Path> partPaths = List.of(given.toAbsolutePath().normalize(), part.folder());
        for (Path mine : ours) {
            for (Path theirs : partPaths) {
                if (overlaps(mine, theirs)) {
                    throw new ScenarioException("--out " + out + ": would replace or lie in part " + given
                            + "; give a folder apart from the parts" + NOT_MERGED);
                }
            }
        }
    }

    /**
     * Whether one of the two folders is or holds the other, as spelt or as the folders they are (the nearest
     * existing ancestor's real path, {@link OutputFolder#real}: a link among the parents, or a dangling one).
     */
    private static boolean overlaps(Path one, Path other) throws IOException {
        Path realOne = OutputFolder.real(one);
        Path realOther = OutputFolder.real(other);
        return one.startsWith(other) || other.startsWith(one) || realOne.startsWith(realOther)
                || realOther.startsWith(realOne);
    }
}
