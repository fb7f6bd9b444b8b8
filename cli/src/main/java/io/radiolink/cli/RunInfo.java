package io.radiolink.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.report.JsonReporter;
import io.radiolink.run.ScenarioRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * {@code run-info.json}: what differs between two runs of the same units (the command line, the machine,
 * the JVM, the clock), kept out of report.json so that its bytes do not depend on them. Its fields are
 * listed in {@code scenarios/REPORTS.md}, "run-info.json".
 *
 * @param argv the command line's arguments after {@code radiolink}
 * @param host this machine's host name, or null if it has none to give
 * @param javaVersion the system property {@code java.version}
 * @param javaVendor {@code java.vendor}
 * @param osName {@code os.name}
 * @param osArch {@code os.arch}
 * @param cores the processors the JVM may use ({@link Runtime#availableProcessors()})
 * @param threads the worker threads the run used
 * @param start when the run started
 * @param wall how long it took, from its start to its reports
 * @param unitsReused units taken from an earlier run rather than run (resume), not among {@code times}
 * @param unitWriteSeconds the time spent writing this run's units to disk, summed over the writing threads
 * @param times the units this run ran, with their wall time, by point
 */
record RunInfo(List<String> argv, String host, String javaVersion, String javaVendor, String osName, String osArch,
        int cores, int threads, Instant start, Duration wall, int unitsReused, double unitWriteSeconds, UnitTimes times) {

    /** The file it is written to. */
    static final String FILE_NAME = "run-info.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Copies the arguments. */
    RunInfo {
        argv = List.copyOf(argv);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(times, "times");
    }

    /** The facts of a run in this JVM on this machine. */
    static RunInfo of(List<String> argv, int threads, Instant start, Duration wall, int unitsReused,
            double unitWriteSeconds, UnitTimes times) {
        return new RunInfo(argv, hostName(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                threads, start, wall, unitsReused, unitWriteSeconds, times);
    }

    /** Writes {@link #FILE_NAME} into {@code folder}. */
    void write(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), toText(), StandardCharsets.UTF_8);
    }

    /** The file's content, printed as report.json is ({@link JsonReporter#text}). */
    String toText() throws IOException {
        return JsonReporter.text(toJson());
    }

    /** The fields in the documented order. */
    ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        ArrayNode args = json.putArray("argv");
        argv.forEach(args::add);
        json.put("host", host);
        json.put("javaVersion", javaVersion);
        json.put("javaVendor", javaVendor);
        json.put("osName", osName);
        json.put("osArch", osArch);
        json.put("cores", cores);
        json.put("threads", threads);
        json.put("start", UTC.format(start));
        json.put("wallClockSeconds", wall.toMillis() / 1000.0);
        json.put("unitsRun", times.unitsRun());
        json.put("unitsReused", unitsReused);
        json.put("unitWriteSeconds", Math.round(unitWriteSeconds * 1000) / 1000.0);
        ArrayNode points = json.putArray("points");
        for (int point = 0; point < times.points(); point++) {
            ObjectNode entry = points.addObject();
            entry.put("index", point);
            entry.put("unitsRun", times.unitsRun(point));
            entry.set("meanUnitWallSeconds", times.unitsRun(point) == 0 ? NODES.nullNode()
                    : NODES.numberNode(times.meanWallSeconds(point)));
        }
        return json;
    }

    /** This machine's name, or null where it cannot be had (no name resolves). */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The units a run ran and their wall time, by point, as {@link ScenarioRunner.Progress} is told of them
     * ({@link ScenarioRunner.UnitDone#wallNanos}); reused units are not counted. Told from one thread at a
     * time (the runner's), so not synchronised.
     */
    static final class UnitTimes implements ScenarioRunner.Progress {
        private final int[] units;
        private final long[] wallNanos;

        /** Nothing yet, for a run of {@code points} points. */
        UnitTimes(int points) {
            units = new int[points];
            wallNanos = new long[points];
        }

        @Override
        public void unitDone(ScenarioRunner.UnitDone done) {
            if (!done.reused()) {
                units[done.point()]++;
                wallNanos[done.point()] += done.wallNanos();
            }
        }

        /** This and then {@code next}, each told of every unit. */
        ScenarioRunner.Progress andThen(ScenarioRunner.Progress next) {
            return done -> {
                unitDone(done);
                next.unitDone(done);
            };
        }

        int points() {
            return units.length;
        }

        int unitsRun(int point) {
            return units[point];
        }

        int unitsRun() {
            int all = 0;
            for (int count : units) {
                all += count;
            }
            return all;
        }

        /** The mean wall seconds of the units run at {@code point}; NaN if none was. */
        double meanWallSeconds(int point) {
            return units[point] == 0 ? Double.NaN : wallNanos[point] / 1e9 / units[point];
        }
    }
}
