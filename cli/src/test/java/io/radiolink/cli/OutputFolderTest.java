package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The output folder's life cycle where the command line cannot reach it: what changes while a run runs. */
final class OutputFolderTest {

    @TempDir
    Path temp;

    private Workspace workspace;
    private Path output;

    @BeforeEach
    void makeWorkspace() throws IOException {
        workspace = new Workspace(temp);
        output = workspace.results.resolve("s");
    }

    @Test
    void publish_noOutputYet_runFolderBecomesItListedInItsMarker() throws IOException, ScenarioException {
        try (OutputFolder folder = open(output, "s")) {
            assertEquals(Optional.of(Markers.started("s")), FolderMarker.readFrom(runFolder()),
                    "the marker is written when the run starts");
            folder.publish(into -> Files.writeString(into.resolve("report.json"), "new"));
        }

        assertEquals("new", Files.readString(output.resolve("report.json")));
        FolderMarker marker = FolderMarker.readFrom(output).orElseThrow();
        assertEquals(List.of("report.json"), marker.names());
        assertEquals(new FolderMarker.WrittenFile("report.json", 3, GoldenReportsTest.sha256(output.resolve(
                "report.json"))), marker.file("report.json").orElseThrow());
        assertFalse(Files.exists(runFolder()));
    }

    /** Each row: the file someone writes into the previous output while the run runs, and the error's reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "my-notes.txt | also holds 'my-notes.txt', which radiolink did not write",
        "report.json | 'report.json' changed since radiolink wrote it (size or SHA-256)"})
    void publish_previousOutputGainedOrChangedAUsersFileDuringTheRun_refusedBothKept(String file, String why)
            throws IOException, ScenarioException {
        publish("old");
        try (OutputFolder folder = open(output, "s")) {
            Files.writeString(output.resolve(file), "written while the run ran");
            SortedMap<String, String> before = Workspace.without(workspace.snapshot(), workspace.key(runFolder()));

            ScenarioException refused = assertThrows(ScenarioException.class,
                    () -> folder.publish(into -> Files.writeString(into.resolve("report.json"), "new")));

            assertEquals("output folder " + output + ": now is radiolink's output of 's' but " + why + " (it changed"
                    + " during the run), so it is not replaced; the new reports are in " + runFolder(),
                    refused.getMessage());
            assertEquals(before, Workspace.without(workspace.snapshot(), workspace.key(runFolder())));
            assertEquals("new", Files.readString(runFolder().resolve("report.json")));
        }
        assertEquals("new", Files.readString(runFolder().resolve("report.json")), "kept for the user by close()");
    }

    /**
     * Each row: what the user did to the files radiolink wrote (report.json "old", plot.png of 4 bytes),
     * and the error's reason. A file no longer of the size and SHA-256 radiolink wrote is the user's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "annotated the report | 'report.json' changed since radiolink wrote it (size or SHA-256)",
        "replaced the plot by one of the same size | 'plot.png' changed since radiolink wrote it (size or SHA-256)",
        "both | 'plot.png' and 'report.json' changed since radiolink wrote them (size or SHA-256)",
        "added a file and annotated the report | also holds 'notes.txt', which radiolink did not write, and"
            + " 'report.json' changed since radiolink wrote it (size or SHA-256)"})
    void open_outputWhoseFilesTheUserChanged_refusedNothingDeleted(String what, String why) throws IOException,
            ScenarioException {
        try (OutputFolder folder = open(output, "s")) {
            folder.publish(into -> {
                Files.writeString(into.resolve("report.json"), "old");
                Files.write(into.resolve("plot.png"), new byte[] {1, 2, 3, 4});
            });
        }
        if (what.contains("report") || what.equals("both")) {
            Files.writeString(output.resolve("report.json"), "old, and what I make of it");
        }
        if (what.contains("plot") || what.equals("both")) {
            Files.write(output.resolve("plot.png"), new byte[] {4, 3, 2, 1});
        }
        if (what.contains("added")) {
            Files.writeString(output.resolve("notes.txt"), "mine");
        }
        SortedMap<String, String> before = workspace.snapshot();

        ScenarioException refused = assertThrows(ScenarioException.class, () -> open(output, "s"));

        assertEquals("output folder " + output + ": is radiolink's output of 's' but " + why + "; not replaced"
                + " (choose another --out, or move it away yourself)", refused.getMessage());
        assertEquals(before, workspace.snapshot());
    }

    @Test
    void close_unpublished_removesItsRunFolderOnly() throws IOException, ScenarioException {
        publish("old");
        SortedMap<String, String> before = workspace.snapshot();
        try (OutputFolder folder = open(output, "s")) {
            Files.writeString(runFolder().resolve("flows.csv"), "half written");
        }

        assertEquals(before, workspace.snapshot());
    }

    @Test
    void open_outputWhoseMarkerListsAPathOutside_notRadiolinksSoNothingDeleted() throws IOException {
        Files.createDirectories(output);
        Files.writeString(output.resolve(FolderMarker.FILE_NAME), """
                {"writtenBy": "radiolink", "version": 1, "scenario": "s", "files": ["../README.txt"]}
                """);
        SortedMap<String, String> before = workspace.snapshot();

        ScenarioException refused = assertThrows(ScenarioException.class, () -> open(output, "s"));

        assertTrue(refused.getMessage().contains("holds '.radiolink.json' and no readable .radiolink.json"),
                refused.getMessage());
        assertEquals(before, workspace.snapshot());
    }

    /** radiolink writes only plain files into an output: a folder or a link by a name its marker lists is not its own. */
    @Test
    void open_outputWhoseMarkerListsAUsersFolderOrLink_refusedNothingDeleted() throws IOException {
        Files.createDirectories(output.resolve("thesis"));
        Files.writeString(output.resolve("thesis/chapter-1.tex"), "mine");
        Files.createSymbolicLink(output.resolve("flows.csv"), workspace.project.resolve("notes.txt"));
        Markers.version2("s", List.of(new FolderMarker.WrittenFile("flows.csv", 9, "0".repeat(64)),
                new FolderMarker.WrittenFile("thesis", 0, "0".repeat(64)))).writeInto(output);
        SortedMap<String, String> before = workspace.snapshot();

        ScenarioException refused = assertThrows(ScenarioException.class, () -> open(output, "s"));

        assertEquals("output folder " + output + ": is radiolink's output of 's' but also holds 'flows.csv' and"
                + " 'thesis', which radiolink did not write; not replaced (choose another --out, or move it away"
                + " yourself)", refused.getMessage());
        assertEquals(before, workspace.snapshot());
    }

    @Test
    void open_aFileOrASymbolicLink_refused() throws IOException {
        Path file = Files.writeString(workspace.results.resolve("file"), "mine");
        Path link = Files.createSymbolicLink(workspace.results.resolve("link"), workspace.results.resolve("earlier"));
        SortedMap<String, String> before = workspace.snapshot();

        assertEquals("output folder " + file + ": exists and is not a folder; not replaced (choose another --out,"
                + " or move it away yourself)",
                assertThrows(ScenarioException.class, () -> open(file, "s")).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> open(link, "earlier")).getMessage()
                .startsWith("output folder " + link + ": is a symbolic link;"));
        assertEquals(before, workspace.snapshot());
    }

    /**
     * An output by a name radiolink keeps for its working files would be taken for one: another run's
     * folder while it runs (replaced, being radiolink's of the same scenario), a lock, a marker.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ".s.radiolink-run | ends with .radiolink-run",
        ".s.radiolink-old | ends with .radiolink-old",
        ".s.radiolink-lock | ends with .radiolink-lock",
        "mine.Radiolink-RUN | ends with .radiolink-run",
        "s/.radiolink.json | is named .radiolink.json",
        "s/.radiolink.json.next | is named .radiolink.json.next"})
    void open_aNameOfRadiolinksWorkingFiles_refusedNothingTouched(String name, String why) throws IOException,
            ScenarioException {
        Path out = workspace.results.resolve(name);
        SortedMap<String, String> before = workspace.snapshot();

        ScenarioException refused = assertThrows(ScenarioException.class, () -> open(out, "s"));

        assertEquals("output folder " + out + ": " + why + ", which radiolink keeps for its own working files;"
                + " choose another --out", refused.getMessage());
        assertEquals(before, workspace.snapshot());
    }

    /**
     * The run folder of a run that has just started holds only its marker of the same scenario: without the
     * rule, a second run whose --out names it would take it for its output and replace it.
     */
    @Test
    void open_outTheRunFolderOfARunInProgress_refusedTheRunUnharmed() throws IOException, ScenarioException {
        try (OutputFolder first = open(output, "s")) {
            SortedMap<String, String> before = workspace.snapshot();

            assertThrows(ScenarioException.class, () -> open(runFolder(), "s"));

            assertEquals(before, workspace.snapshot());
            first.publish(into -> Files.writeString(into.resolve("report.json"), "first"));
        }
        assertEquals("first", Files.readString(output.resolve("report.json")));
    }

    @Test
    void open_aSecondTimeWhileOpen_refusedFirstUnharmed() throws IOException, ScenarioException {
        try (OutputFolder first = open(output, "s")) {
            ScenarioException refused = assertThrows(ScenarioException.class, () -> open(output, "s"));

            assertTrue(refused.getMessage().contains("another radiolink run (process "
                    + ProcessHandle.current().pid() + ") is writing it now"), refused.getMessage());
            assertTrue(Files.exists(runFolder().resolve(FolderMarker.FILE_NAME)), "the first run's folder stays");
            first.publish(into -> Files.writeString(into.resolve("report.json"), "first"));
        }
        assertEquals("first", Files.readString(output.resolve("report.json")));
    }

    /** Opens {@code out} for a plain run of {@code scenario}, {@link Markers#RUN}. */
    private static OutputFolder open(Path out, String scenario) throws ScenarioException {
        return OutputFolder.open(out, scenario, Markers.RUN, JsonNodeFactory.instance.objectNode(),
                RunFolderTable.Mode.PLAIN,
                new PrintWriter(new StringWriter()));
    }

    private void publish(String report) throws IOException, ScenarioException {
        try (OutputFolder folder = open(output, "s")) {
            folder.publish(into -> Files.writeString(into.resolve("report.json"), report));
        }
    }

    private Path runFolder() {
        return workspace.results.resolve(".s" + OutputFolder.RUN_SUFFIX);
    }
}
