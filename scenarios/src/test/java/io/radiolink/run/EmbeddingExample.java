package io.radiolink.run;

import io.radiolink.protocol.FlowKind;
import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.PointResult;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.report.SummaryCsvReporter;
import io.radiolink.report.Sweeps;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.stats.FlowSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The README's example of embedding radiolink-scenarios (between the markers, quoted verbatim), as a program:
 * {@link ScenariosAloneTest} runs it in a JVM whose class path is that module's runtime class path alone.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {}

    /** Runs the scenario file {@code file} and writes its reports into the existing folder {@code folder}. */
    public static void example(Path file, Path folder) throws IOException, ScenarioException {
        // README-BEGIN
        ResolvedScenario scenario = ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty());
        RunReport report = new ScenarioRunner(2, false, ScenarioRunner.Progress.NONE).run(scenario);
        for (Reporter reporter : List.of(new JsonReporter(), new SummaryCsvReporter(), new FlowsCsvReporter())) {
            reporter.write(report, folder); // report.json, summary.csv, flows.csv
        }
        for (PointResult point : report.points()) {
            FlowSummary backups = point.summary().flowsOf(FlowKind.BACKUP);
            System.out.printf("%s: %d backups, failed %s%n", Sweeps.label(point.point()), backups.counts().flows(),
                    backups.failureShare());
        }
        // README-END
    }

    /** {@code EmbeddingExample SCENARIO FOLDER}; a bad scenario prints {@code error: } and its line, status 2. */
    public static void main(String[] args) throws IOException {
        try {
            example(Path.of(args[0]), Path.of(args[1]));
        } catch (ScenarioException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
