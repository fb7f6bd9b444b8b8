package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.radiolink.plot.PlotReporter;
import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.ReplicationsCsvReporter;
import io.radiolink.report.ReportFixtures;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.report.SummaryCsvReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every {@link Reporter} of {@link Reporters#all()} keeps: files that depend on the report alone. */
final class ReporterContractTest {

    @TempDir
    Path temp;

    static Stream<Arguments> reportersAndReports() {
        return Reporters.all().stream().flatMap(reporter -> Stream.of(
                Arguments.of(reporter.getClass().getSimpleName(), "single", ReportFixtures.single()),
                Arguments.of(reporter.getClass().getSimpleName(), "sweep", ReportFixtures.sweep()),
                Arguments.of(reporter.getClass().getSimpleName(), "twoParameterSweep", ReportFixtures.twoParameterSweep())));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("reportersAndReports")
    void write_sameReportTwice_byteIdenticalFiles(String reporterName, String reportName, RunReport report)
            throws IOException {
        Path first = Files.createDirectory(temp.resolve("first"));
        Path second = Files.createDirectory(temp.resolve("second"));
        reporter(reporterName).write(report, first);
        reporter(reporterName).write(report, second);
        List<String> files = files(first);
        assertFalse(files.isEmpty(), reporterName + " wrote nothing");
        assertEquals(files, files(second));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("reportersAndReports")
    void write_intoAFolderItWroteBefore_overwritesWithTheSameBytes(String reporterName, String reportName,
            RunReport report) throws IOException {
        Reporter reporter = reporter(reporterName);
        Path folder = Files.createDirectory(temp.resolve("out"));
        Path reference = Files.createDirectory(temp.resolve("reference"));
        reporter.write(ReportFixtures.sweep(), folder);
        reporter.write(report, folder);
        reporter.write(report, reference);
        for (String file : files(reference)) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(file)), Files.readAllBytes(folder.resolve(file)), file);
        }
    }

    @Test
    void all_everyFormatOnce_inFixedOrder() {
        assertEquals(List.of(JsonReporter.class, SummaryCsvReporter.class, ReplicationsCsvReporter.class,
                FlowsCsvReporter.class, PlotReporter.class), Reporters.all().stream().map(Object::getClass).toList());
        assertEquals(List.of(JsonReporter.class, SummaryCsvReporter.class, FlowsCsvReporter.class, PlotReporter.class),
                Reporters.all(false).stream().map(Object::getClass).toList(), "--no-replications-csv");
        assertEquals(Reporters.all().stream().map(Object::getClass).toList(),
                Reporters.all(true).stream().map(Object::getClass).toList());
    }

    /** A new instance each time, so that no state can carry over from one write to the next. */
    private static Reporter reporter(String simpleName) {
        return Reporters.all().stream().filter(r -> r.getClass().getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow();
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
