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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * Runs shard i of {@code n} of {@code scenario} for every i, each unit with {@link ScenarioRunner#runUnit} as a
     * run without all flows would (its point's default series width), and writes its units as {@code identity}'s
     * into the run folder {@code root/i}.
     *
     * @return the n part folders, in shard order
     */
    static List<Path> shards(ResolvedScenario scenario, UnitIdentity identity, int n, Path root) throws Exception {
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UnitSelection shard = UnitSelection.of(scenario.points().size(), scenario.replications(), Optional.empty(),
                    Optional.empty(), Optional.of(i + "/" + n));
            Path part = Files.createDirectories(root.resolve(Integer.toString(i)));
            UnitStore store = UnitStore.in(part, identity);
            for (UnitSelection.Unit unit : shard.units()) {
                store.write(run(scenario, unit.point(), unit.replication()), defaultBinSeconds(scenario, unit.point()));
            }
            parts.add(part);
        }
        return parts;
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
