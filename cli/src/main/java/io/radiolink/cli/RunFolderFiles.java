package io.radiolink.cli;

import io.radiolink.plot.PlotReporter;
import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.Metric;
import io.radiolink.report.ReplicationsCsvReporter;
import io.radiolink.report.SummaryCsvReporter;
import io.radiolink.run.unit.UnitIdentity;
import io.radiolink.run.unit.UnitStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run writes into its run folder, so that radiolink deletes nothing else there: the marker (and its
 * next version while written), {@code scenario.json}, the reports and plots, {@code run-info.json}, and
 * under {@code units/} unit files and their temporary names (docs/runs.md, section 3). A file a user put
 * into a run folder, or a file under a unit's name that is not a unit radiolink wrote (or a write of its
 * cut by a crash), makes the folder one radiolink does not remove or continue.
 */
final class RunFolderFiles {

    /**
     * The folder a run's unit executor may keep scratch files in while the run runs ({@link UnitExecutors}: Spark's
     * local directory in local mode), removed whole once the units are computed, and by a resume of a killed run.
     */
    static final String SCRATCH = "scratch";

    /** The plain files a run writes at the top of its run folder. */
    static final Set<String> TOP_LEVEL = topLevel();

    private RunFolderFiles() {}

    private static Set<String> topLevel() {
        Set<String> names = new TreeSet<>(Set.of(FolderMarker.FILE_NAME, FolderMarker.NEXT_FILE_NAME,
                JsonReporter.SCENARIO_FILE_NAME, RunInfo.FILE_NAME, JsonReporter.FILE_NAME,
                SummaryCsvReporter.FILE_NAME, ReplicationsCsvReporter.FILE_NAME, FlowsCsvReporter.FILE_NAME,
                PlotReporter.COMPLETION_CDF, PlotReporter.OUTCOMES));
        for (Metric<?> metric : PlotReporter.SWEEP_METRICS) {
            names.add(PlotReporter.sweepFileName(metric.name()));
        }
        return Set.copyOf(names);
    }

    /**
     * The first entry of the run folder {@code folder} that radiolink did not write, relative to it with "/"
     * separators, and why; empty if every entry is one a run writes. {@code identity} is the one units are read
     * against (a unit of another identity is radiolink's own, so not foreign here).
     */
    static Optional<String> foreign(Path folder, UnitIdentity identity) throws IOException {
        return foreign(folder, scan(folder, identity));
    }

    /** The entries under {@code folder}'s {@code units/} read against {@code identity}; none without a units folder. */
    static List<UnitStore.Found> scan(Path folder, UnitIdentity identity) throws IOException {
        return Files.isDirectory(folder.resolve(UnitStore.FOLDER), LinkOption.NOFOLLOW_LINKS)
                ? UnitStore.in(folder, identity).scan() : List.of();
    }

    /** As {@link #foreign(Path, UnitIdentity)}, with {@code units} the {@link #scan} of {@code folder} already made. */
    static Optional<String> foreign(Path folder, List<UnitStore.Found> units) throws IOException {
        for (String name : FolderState.entries(folder)) {
            Path entry = folder.resolve(name);
            if (name.equals(UnitStore.FOLDER)) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of("'" + name + "', which radiolink did not write");
                }
                for (UnitStore.Found found : units) {
                    if (found instanceof UnitStore.Found.Foreign) {
                        return Optional.of("'" + FolderState.relative(folder, found.file())
                                + "', which radiolink did not write");
                    }
                    if (found instanceof UnitStore.Found.Unit unit
                            && unit.read() instanceof UnitStore.Read.Invalid invalid && !isRadiolinks(invalid)) {
                        return Optional.of("a file radiolink did not write as it is: " + invalid.message());
                    }
                }
            } else if (name.equals(SCRATCH)) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of("'" + name + "', which radiolink did not write");
                }
            } else if (!TOP_LEVEL.contains(name) || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("'" + name + "', which radiolink did not write");
            }
        }
        return Optional.empty();
    }

    /** Whether an invalid unit is still one radiolink wrote: torn by a crash, or of another identity. */
    static boolean isRadiolinks(UnitStore.Read.Invalid invalid) {
        return invalid.problem().torn() || invalid.problem().ofAnotherIdentity();
    }
}
