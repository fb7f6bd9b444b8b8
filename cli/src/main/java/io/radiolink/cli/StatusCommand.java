package io.radiolink.cli;

import io.radiolink.report.Sweeps;
import io.radiolink.run.MissingUnits;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.SweepGrid;
import io.radiolink.scenario.SweepValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code radiolink status DIR}: which units of the run in {@code DIR} (a finished output) or in the run folder
 * beside it (an unfinished run) are present and valid, point by point, read only (docs/runs.md, section 4).
 * The points come from the folder's scenario.json, the replications from its marker; no model is built.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows which units of the run in DIR (or of the unfinished run beside it) are present and valid;"
                + " writes nothing. Exit status 0: every unit is; 3: some are missing or invalid; 2: no run to read.")
final class StatusCommand implements Callable<Integer> {


    @ParentCommand
    private RadiolinkCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A run's output folder (as given to run --out).")
    private Path dir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (dir.toString().isEmpty()) {
                throw new ScenarioException("status: DIR is empty; give a run's output folder (an unset shell"
                        + " variable?)");
            }
            LocatedRun located = LocatedRun.locate(dir);
            PrintWriter out = spec.commandLine().getOut();
            int status = report(located, out);
            out.flush();
            return status;
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        } catch (IOException e) {
            return Commands.badInput(new ScenarioException(dir + ": cannot read it: " + OutputFolder.reason(e), e),
                    err, parent.debug());
        }
    }

    /** Prints the status of the located run and returns the exit status. */
    private int report(LocatedRun located, PrintWriter out) throws IOException, ScenarioException {
        FolderMarker marker = located.marker();
        FolderMarker.Run run = marker.run().orElseThrow();
        boolean finished = marker.state() == FolderMarker.State.FINISHED;
        List<List<SweepValue>> points = points(located);
        int replications = run.replications();

        BitSet present = new BitSet();
        List<String> invalid = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        long beyond = 0;
        Path folder = located.folder();
        Path units = folder.resolve(UnitStore.FOLDER);
        if (Files.exists(units, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(units, LinkOption.NOFOLLOW_LINKS)) {
            foreign.add(UnitStore.FOLDER);
        } else {
            for (UnitStore.Found found : UnitStore.in(folder, run.identity().units()).scan()) {
                String name = FolderState.relative(folder, found.file());
                if (found instanceof UnitStore.Found.Unit unit) {
                    if (unit.read() instanceof UnitStore.Read.Invalid bad) {
                        invalid.add(bad.message());
                    } else if (unit.point() < points.size() && unit.replication() < replications) {
                        present.set(unit.point() * replications + unit.replication());
                    } else {
                        beyond++;
                    }
                } else if (found instanceof UnitStore.Found.Leftover && !finished) {
                    // A kill in the middle of a write: its unit is missing. A finished run leaves none.
                    leftovers.add(name);
                } else {
                    foreign.add(name);
                }
            }
        }
        if (finished) {
            for (String name : FolderState.entries(folder)) {
                Path entry = folder.resolve(name);
                Optional<FolderMarker.WrittenFile> written = marker.file(name);
                if (name.equals(FolderMarker.FILE_NAME) || name.equals(UnitStore.FOLDER)) {
                    continue;
                }
                if (written.isEmpty() || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(name);
                } else if (!written.get().isUnchanged(entry)) {
                    changed.add(name);
                }
            }
        }
        MissingUnits missing = MissingUnits.of(points.size(), replications, present);

        out.println("folder: " + located.shown() + located.instead().map(what -> " (the unfinished run beside "
                + dir + ", which " + what + ")").orElse(""));
        out.println("scenario: " + marker.scenario());
        out.println("state: " + marker.state().json);
        out.println("identity: " + run.identity().brief());
        if (!missing.isEmpty()) {
            // A part resumed into every unit (its selection and the units it kept) is no part any more.
            run.selection().ifPresent(text -> out.println("part: " + text + " (a part of the run; radiolink merge"
                    + " joins the parts)"));
        }
        for (int point = 0; point < points.size(); point++) {
            String values = Sweeps.assignments(points.get(point));
            out.println("point " + point + (values.isEmpty() ? "" : " (" + values + ")") + ": "
                    + count(replications - missing.countOf(point)) + " of " + count(replications)
                    + (missing.countOf(point) == 0 ? "" : ", missing " + missing.replicationsOf(point)));
        }
        invalid.forEach(line -> out.println("invalid: " + line));
        foreign.stream().sorted().forEach(name -> out.println("foreign: " + name + " (radiolink did not write it)"));
        changed.forEach(name -> out.println("changed: " + name + " (size or SHA-256 since radiolink wrote it)"));
        leftovers.forEach(name -> out.println("leftover: " + name + " (a write a kill interrupted; --resume removes it)"));
        if (beyond > 0) {
            out.println("beyond the scenario: " + count(beyond) + " valid unit" + (beyond == 1 ? "" : "s")
                    + " of points or replications it does not have (kept, unused)");
        }
        if (finished && located.instead().isEmpty()) {
            Path beside = folder.getParent() == null ? null : OutputFolder.beside(folder, OutputFolder.RUN_SUFFIX);
            if (beside != null && Files.isDirectory(beside, LinkOption.NOFOLLOW_LINKS)
                    && FolderMarker.readFrom(beside).flatMap(FolderMarker::run).isPresent()) {
                out.println("beside it: " + LocatedRun.shownBeside(dir, beside) + ", an unfinished run (a resume under way or"
                        + " interrupted; radiolink status " + LocatedRun.shownBeside(dir, beside) + " shows it)");
            }
        }
        long all = (long) points.size() * replications;
        out.println("total: " + count(all - missing.count()) + " of " + count(all) + " units; "
                + missing.message());
        return missing.isEmpty() && invalid.isEmpty() ? Main.OK : Main.INCOMPLETE;
    }

    /**
     * The swept values of each point, from the folder's scenario.json (checked against its marker: the same
     * scenario name and file SHA-256, and in a finished output as radiolink wrote it).
     */
    private List<List<SweepValue>> points(LocatedRun located) throws IOException, ScenarioException {
        LocatedRun.ScenarioJson scenario = located.scenarioJson();
        return SweepGrid.values(scenario.root().path("scenario").path("sweep")).orElseThrow(() -> new ScenarioException(
                scenario.shown() + ": scenario.sweep: not a sweep as radiolink writes it (parameters, each with a path"
                        + " and values)"));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
