package io.radiolink.bench;

import io.radiolink.cli.UnitWriter;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.unit.UnitIdentity;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What writing the units costs a run (docs/runs.md, section 7: under 2 % of a run of 30 s or more): an example
 * scenario run in this JVM as {@code radiolink run} runs it ({@link ScenarioRunner#run(ResolvedScenario,
 * java.util.Collection, ScenarioRunner.UnitSink)} on 2 threads, nothing reused), alternately with its units
 * written into a fresh run folder by the command's own {@link UnitWriter} over a {@link UnitStore} (then
 * {@link UnitWriter#awaitWritten} and {@link UnitStore#forceFolders}, as the command does before its marker
 * says finished) and with {@link ScenarioRunner.UnitSink#NONE}, which discards them. The order alternates pair
 * by pair (written first, then discarded first), after one warm-up run that discards its units. Each run's
 * wall time is from the start of {@code run} to the last folder forced; a written run also gives the summed
 * time inside {@link UnitStore#write} ({@code unitWriteSeconds} of run-info.json) and the tail, the time the
 * run waited for the writer after its last unit. It prints each run with the 1-minute load average before
 * and after, then the summed write time over the wall time of each written run, and the difference of the
 * medians of the wall times with the spread of each arm and of the pairs' differences.
 *
 * <p>Run, from the repository's root: {@code java -cp bench/target/benchmarks.jar io.radiolink.bench.UnitWriteCost
 * [scenario file] [replications] [pairs] [warm-up replications] [folder]}. Defaults:
 * {@code scenarios/examples/city-replacement-day.json}, 8 replications, 3 pairs, 2, the temporary folder (the
 * run folders are made in it and deleted after each run).
 */
public final class UnitWriteCost {

    private static final int THREADS = 2;

    private UnitWriteCost() {}

    /** One run's figures; the write time and tail are 0 for a run that discarded its units. */
    private record Run(boolean written, double wallSeconds, double writeSeconds, double tailSeconds) {}

    /** Prints the figures; see the class comment. */
    public static void main(String[] args) throws ScenarioException, IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/examples/city-replacement-day.json");
        int replications = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmUpReplications = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path folder = args.length > 4 ? Path.of(args[4]) : Path.of(System.getProperty("java.io.tmpdir"));
        ResolvedScenario scenario = ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.of(replications));
        UnitIdentity identity = UnitIdentity.of(ModelIdentity.of(scenario), CodeIdentity.current());
        int units = scenario.points().size() * replications;
        System.out.printf(Locale.ROOT, "%s, %d replications (%d units), %d threads, run folders in %s%n",
                scenario.name(), replications, units, THREADS, folder);
        if (warmUpReplications > 0) {
            ResolvedScenario warmUp = ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.of(warmUpReplications));
            double before = load();
            print("warm-up", before, run(warmUp, false, identity, folder));
        }
        List<Run> runs = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            for (int i = 0; i < 2; i++) {
                boolean written = (pair + i) % 2 == 0;
                double before = load();
                Run run = run(scenario, written, identity, folder);
                print(written ? "written" : "discarded", before, run);
                runs.add(run);
            }
        }
        summarise(runs);
    }

    private static Run run(ResolvedScenario scenario, boolean written, UnitIdentity identity, Path folder)
            throws ScenarioException, IOException {
        ScenarioRunner runner = new ScenarioRunner(THREADS, false, OptionalDouble.empty(), ScenarioRunner.Progress.NONE);
        if (!written) {
            long start = System.nanoTime();
            runner.run(scenario, List.of(), ScenarioRunner.UnitSink.NONE);
            return new Run(false, (System.nanoTime() - start) / 1e9, 0, 0);
        }
        Path runFolder = Files.createTempDirectory(folder, "unit-write-cost");
        try {
            UnitStore store = UnitStore.in(runFolder, identity);
            long start = System.nanoTime();
            long ran;
            try (UnitWriter writer = new UnitWriter(store)) {
                runner.run(scenario, List.of(), writer);
                ran = System.nanoTime();
                writer.awaitWritten();
            }
            store.forceFolders();
            long end = System.nanoTime();
            long files = count(runFolder.resolve(UnitStore.FOLDER));
            int units = scenario.points().size() * scenario.replications();
            if (files != units) {
                throw new IllegalStateException(files + " unit files written, not " + units);
            }
            return new Run(true, (end - start) / 1e9, store.writeNanos() / 1e9, (end - ran) / 1e9);
        } finally {
            delete(runFolder);
        }
    }

    private static void print(String arm, double loadBefore, Run run) {
        System.out.printf(Locale.ROOT, "%-9s wall %7.2f s", arm, run.wallSeconds);
        if (run.written) {
            System.out.printf(Locale.ROOT, ", write %.3f s (%.2f %% of wall), tail %.3f s", run.writeSeconds,
                    100 * run.writeSeconds / run.wallSeconds, run.tailSeconds);
        }
        System.out.printf(Locale.ROOT, "; load average %.2f before, %.2f after%n", loadBefore, load());
    }

    private static void summarise(List<Run> runs) {
        double[] written = runs.stream().filter(Run::written).mapToDouble(Run::wallSeconds).sorted().toArray();
        double[] discarded = runs.stream().filter(run -> !run.written).mapToDouble(Run::wallSeconds).sorted().toArray();
        StringBuilder shares = new StringBuilder();
        for (Run run : runs) {
            if (run.written) {
                shares.append(String.format(Locale.ROOT, " %.2f", 100 * run.writeSeconds / run.wallSeconds));
            }
        }
        double[] pairDifferences = new double[runs.size() / 2];
        for (int pair = 0; pair < pairDifferences.length; pair++) {
            Run a = runs.get(2 * pair);
            Run b = runs.get(2 * pair + 1);
            pairDifferences[pair] = a.written ? a.wallSeconds - b.wallSeconds : b.wallSeconds - a.wallSeconds;
        }
        Arrays.sort(pairDifferences);
        double writtenMedian = median(written);
        double discardedMedian = median(discarded);
        double difference = writtenMedian - discardedMedian;
        System.out.printf(Locale.ROOT, "summed write time over wall time, each written run (%%):%s%n", shares);
        System.out.printf(Locale.ROOT, "median wall: written %.2f s (%.2f to %.2f), discarded %.2f s (%.2f to %.2f)%n",
                writtenMedian, written[0], written[written.length - 1], discardedMedian, discarded[0],
                discarded[discarded.length - 1]);
        System.out.printf(Locale.ROOT, "difference of the medians %+.2f s (%+.2f %% of the discarded median);"
                + " pairs' differences %+.2f to %+.2f s; spread of the arms %.2f and %.2f s%n", difference,
                100 * difference / discardedMedian, pairDifferences[0], pairDifferences[pairDifferences.length - 1],
                written[written.length - 1] - written[0], discarded[discarded.length - 1] - discarded[0]);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double load() {
        OperatingSystemMXBean system = ManagementFactory.getOperatingSystemMXBean();
        return system.getSystemLoadAverage();
    }

    private static long count(Path units) throws IOException {
        try (Stream<Path> files = Files.walk(units)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
