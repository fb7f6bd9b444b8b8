package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.ExampleUnits;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run folder's scenario.json read back (what merge makes its report from): for every example, the report
 * of the same units made from the layout read back is the report made from the scenario file, byte for byte,
 * in report.json and every CSV; the passwords redacted in the file change nothing a report shows.
 */
final class WrittenScenarioTest {

    private static final List<Reporter> REPORTERS = List.of(new JsonReporter(), new SummaryCsvReporter(),
            new ReplicationsCsvReporter(), new FlowsCsvReporter());
    private static final List<String> FILES = List.of(JsonReporter.FILE_NAME, SummaryCsvReporter.FILE_NAME,
            ReplicationsCsvReporter.FILE_NAME, FlowsCsvReporter.FILE_NAME);

    @TempDir
    Path temp;

    static Stream<Path> examples() {
        return ExampleUnits.files();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void read_everyExample_theReportOfItsUnitsByteForByte(Path example) throws Exception {
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.empty(), OptionalInt.empty());
        assertSameReports(scenario, ExampleUnits.of(example));
    }

    /** The command line's overrides are in the file's scenario: read back, the same seed and replications. */
    @Test
    void read_seedAndReplicationsOverridden_theReportOfItsUnitsByteForByte() throws Exception {
        Path example = ExampleUnits.EXAMPLES.resolve("loss-sweep.json");
        ResolvedScenario scenario = ScenarioLoader.load(example, OptionalLong.of(5), OptionalInt.of(2));
        WrittenScenario written = assertSameReports(scenario, List.of(ScenarioRunner.runUnit(scenario.points().get(1),
                1, scenario.engine(), false)));
        assertEquals(5, written.layout().seed());
        assertEquals(2, written.layout().replications());
    }

    /** A scenario without a name takes its file's: read back, the same name, though the file is scenario.json. */
    @Test
    void read_aScenarioWithoutAName_theNameOfItsFile() throws Exception {
        String text = Files.readString(ExampleUnits.EXAMPLES.resolve("loss-sweep.json"), StandardCharsets.UTF_8);
        String unnamed = text.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"\\s*,", "");
        assertTrue(!unnamed.equals(text));
        Path file = Files.writeString(temp.resolve("my-sweep.json"), unnamed);
        ResolvedScenario scenario = ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.of(2));
        assertEquals("my-sweep", scenario.name());
        WrittenScenario written = assertSameReports(scenario, List.of(ScenarioRunner.runUnit(scenario.points().get(0),
                0, scenario.engine(), true)));
        assertEquals("my-sweep", written.layout().name());
    }

    @Test
    void read_aChangedOrForeignFile_refusedInOneLineNamingIt() throws Exception {
        ResolvedScenario scenario = ScenarioLoader.load(ExampleUnits.EXAMPLES.resolve("loss-sweep.json"),
                OptionalLong.empty(), OptionalInt.empty());
        JsonReporter.writeScenario(scenario, temp);
        Path file = temp.resolve(JsonReporter.SCENARIO_FILE_NAME);
        String text = Files.readString(file, StandardCharsets.UTF_8);

        String reordered = text.replace("\"replications\": " + scenario.replications() + "\n}",
                "\"replications\": " + scenario.replications() + ", \"extra\": 1\n}");
        assertTrue(!reordered.equals(text));
        assertEquals(file + ": its scenario does not read back as written (a swept value a double cannot hold, another"
                + " random-stream scheme, or a file radiolink did not write), so no report can be made from it",
                assertThrows(ScenarioException.class, () -> WrittenScenario.read(file, reordered)).getMessage());
        assertEquals(file + ": not JSON as radiolink writes it", assertThrows(ScenarioException.class,
                () -> WrittenScenario.read(file, "{")).getMessage());
        assertEquals(file + ": not a scenario as radiolink writes it (name, provenance.model, scenario, replications)",
                assertThrows(ScenarioException.class, () -> WrittenScenario.read(file, "{\"name\": \"x\"}"))
                        .getMessage());
        String invalid = text.replace("\"seed\": " + scenario.seed(), "\"seed\": \"eleven\"");
        assertTrue(!invalid.equals(text));
        String message = assertThrows(ScenarioException.class, () -> WrittenScenario.read(file, invalid)).getMessage();
        assertTrue(message.startsWith(file + ":") && message.contains("seed") && !message.contains("\n"), message);
    }

    /** Writes {@code scenario}'s scenario.json, reads it back and compares the two reports of {@code units}. */
    private WrittenScenario assertSameReports(ResolvedScenario scenario, List<UnitResult> units) throws Exception {
        Path folder = Files.createTempDirectory(temp, "run");
        JsonReporter.writeScenario(scenario, folder);
        Path file = folder.resolve(JsonReporter.SCENARIO_FILE_NAME);
        WrittenScenario written = WrittenScenario.read(file, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(Provenance.Model.of(scenario), written.model());

        CodeIdentity code = CodeIdentity.current();
        RunReport fromFile = ScenarioRunner.report(scenario, Provenance.of(scenario, code), units, false);
        RunReport readBack = ScenarioRunner.report(written.layout(), new Provenance(written.model(), code), units, false);
        Path one = Files.createDirectory(folder.resolve("from-file"));
        Path other = Files.createDirectory(folder.resolve("read-back"));
        for (Reporter reporter : REPORTERS) {
            reporter.write(fromFile, one);
            reporter.write(readBack, other);
        }
        for (String name : FILES) {
            assertArrayEquals(bytes(one.resolve(name)), bytes(other.resolve(name)), scenario.name() + ": " + name);
        }
        return written;
    }

    private static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
