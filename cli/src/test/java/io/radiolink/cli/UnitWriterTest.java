package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's unit writer: every unit given is in the store once it says so; a failed write ends the run. */
final class UnitWriterTest {

    @TempDir
    Path temp;

    private final List<UnitResult> units = new ArrayList<>();

    @BeforeEach
    void units() throws IOException, ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(new Workspace(temp.resolve("workspace")).scenario("s", 600, 3),
                OptionalLong.empty(), OptionalInt.empty());
        for (int r = 0; r < 3; r++) {
            units.add(ScenarioRunner.runUnit(scenario.points().get(0), r, scenario.engine(), r == 0));
        }
    }

    @Test
    void awaitWritten_everyUnitGivenWritten() throws IOException {
        UnitStore store = UnitStore.in(Files.createDirectory(temp.resolve("run")), Markers.IDENTITY.units());
        try (UnitWriter writer = new UnitWriter(store)) {
            for (UnitResult unit : units) {
                writer.finished(unit, 0);
            }
            writer.awaitWritten();
        }

        List<UnitResult> read = new ArrayList<>();
        for (UnitStore.Found found : store.scan()) {
            read.add(((UnitStore.Read.Valid) ((UnitStore.Found.Unit) found).read()).unit());
        }
        assertEquals(units, read);
    }

    /** A write that fails (here: the run folder is a file) is thrown by the wait, and by any unit given after. */
    @Test
    void awaitWritten_aWriteFailed_throwsItAndSoDoesTheNextUnit() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("run"), "a file");
        try (UnitWriter writer = new UnitWriter(UnitStore.in(notAFolder, Markers.IDENTITY.units()))) {
            writer.finished(units.get(0), 0);

            IOException failure = assertThrows(IOException.class, writer::awaitWritten);

            assertEquals(failure, assertThrows(IOException.class, () -> writer.finished(units.get(1), 0)));
        }
    }
}
