package io.radiolink.run.unit;

import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.ReplicationsCsvReporter;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.report.SummaryCsvReporter;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.UnitSelection;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.simulation.ParallelTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Part folders made as shards would make them, and the reports and tree hashes the part tests compare. */
final class PartFolders {

    /** The reporters whose files must be byte-identical whatever the parts: the JSON and every CSV. */
    static final List<Reporter> REPORTERS = List.of(new JsonReporter(), new SummaryCsvReporter(),
            new ReplicationsCsvReporter(), new FlowsCsvReporter());

    private PartFolders() {}

    /**
     * Part folders and the units written into them.
     *
     * @param parts the part folders, in shard order
     * @param units every unit written, in slot order (point, then replication)
     */
    record Shards(List<Path> parts, List<UnitResult> units) {}

    /**
     * Runs shard i of {@code n} of {@code scenario} for every i on {@code threads} threads, each unit with
     * {@link ScenarioRunner#runUnit} as a run without all flows would (its point's default series width), and
     * writes its units as {@code identity}'s into the run folder {@code root/i}.
     */
    static Shards shards(ResolvedScenario scenario, UnitIdentity identity, int n, Path root, int threads)
            throws Exception {
        List<Path> parts = new ArrayList<>();
        List<UnitStore> stores = new ArrayList<>();
        List<UnitSelection.Unit> units = new ArrayList<>();
        List<Integer> partOfUnit = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UnitSelection shard = UnitSelection.of(scenario.points().size(), scenario.replications(), Optional.empty(),
                    Optional.empty(), Optional.of(i + "/" + n));
            Path part = Files.createDirectories(root.resolve(Integer.toString(i)));
            parts.add(part);
            stores.add(UnitStore.in(part, identity));
            for (UnitSelection.Unit unit : shard.units()) {
                units.add(unit);
                partOfUnit.add(i);
            }
        }
        List<UnitResult> results = ParallelTasks.run(units.size(), threads, k -> {
            UnitSelection.Unit unit = units.get(k);
            UnitResult result = run(scenario, unit.point(), unit.replication());
            try {
                stores.get(partOfUnit.get(k)).write(result, defaultBinSeconds(scenario, unit.point()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return result;
        }, ParallelTasks.Completion.NONE);
        List<UnitResult> inSlotOrder = new ArrayList<>(results);
        inSlotOrder.sort(Comparator.comparingInt(UnitResult::point).thenComparingInt(UnitResult::replication));
        return new Shards(parts, inSlotOrder);
    }

    /** Replication {@code replication} of point {@code point}, as a run without all flows runs it. */
    static UnitResult run(ResolvedScenario scenario, int point, int replication) {
        SweepPoint sweepPoint = scenario.points().get(point);
        return ScenarioRunner.runUnit(sweepPoint, replication, scenario.engine(),
                ScenarioRunner.recordsFlows(replication, false), defaultBinSeconds(scenario, point));
    }

    private static double defaultBinSeconds(ResolvedScenario scenario, int point) {
        return new ScenarioRunner(1, false, ScenarioRunner.Progress.NONE).seriesBinSeconds(scenario.points().get(point));
    }

    /** Every file {@link #REPORTERS} write for {@code report}, by name, written into the new folder {@code folder}. */
    static Map<String, byte[]> reports(RunReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Reporter reporter : REPORTERS) {
            reporter.write(report, folder);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Every entry under {@code folder}, by relative path: a folder as {@code dir}, a file as its SHA-256. */
    static Map<String, String> tree(Path folder) throws IOException {
        Map<String, String> tree = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path entry : walk.sorted().toList()) {
                tree.put(folder.relativize(entry).toString(), Files.isDirectory(entry) ? "dir"
                        : HexFormat.of().formatHex(sha256(Files.readAllBytes(entry))));
            }
        }
        return tree;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
