package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.radiolink.run.CodeIdentity;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The marker radiolink writes into its folders: read back as written; anything else is no marker. */
final class FolderMarkerTest {

    /** A SHA-256 as a marker writes it, quoted. */
    private static final String SHA = "\"0000000000000000000000000000000000000000000000000000000000000000\"";

    @TempDir
    Path folder;

    @Test
    void readFrom_written_sameMarkerFilesSorted() throws IOException {
        FolderMarker.WrittenFile summary = new FolderMarker.WrittenFile("summary.csv", 12, "ab".repeat(32));
        FolderMarker.WrittenFile report = new FolderMarker.WrittenFile("report.json", 0, "0".repeat(64));
        FolderMarker.Run run = new FolderMarker.Run(new FolderMarker.Identity("9f".repeat(32), new CodeIdentity(
                "0.2.0", "a1".repeat(20), true, "1e".repeat(32))), "8c".repeat(32), 20, OptionalDouble.of(20.0),
                Optional.of("--points 0,3..5 --shard 1/4"), true);
        new FolderMarker("Größe-1", FolderMarker.State.FINISHED, Optional.of(run), List.of(summary, report))
                .writeInto(folder);

        assertEquals(Optional.of(new FolderMarker("Größe-1", FolderMarker.State.FINISHED, Optional.of(run),
                List.of(report, summary))), FolderMarker.readFrom(folder));
        assertEquals(List.of(FolderMarker.FILE_NAME), FolderState.entries(folder), "no temporary file left");
    }

    /** A run's first marker: state running, the identity without commit and dirty flag (a build without git). */
    @Test
    void readFrom_started_runningNoFiles() throws IOException {
        Markers.started("s").writeInto(folder);

        FolderMarker read = FolderMarker.readFrom(folder).orElseThrow();

        assertEquals(Markers.started("s"), read);
        assertEquals(FolderMarker.State.RUNNING, read.state());
        assertEquals(List.of(), read.files());
    }

    /** An output written before units were kept: finished, of unknown identity, its files as listed. */
    @Test
    void readFrom_version2_finishedWithoutARun() throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), "{\"writtenBy\": \"radiolink\", \"version\": 2,"
                + " \"scenario\": \"s\", \"files\": [{\"name\": \"report.json\", \"sizeBytes\": 3, \"sha256\": " + SHA
                + "}]}");

        assertEquals(Optional.of(Markers.version2("s", List.of(new FolderMarker.WrittenFile("report.json", 3,
                "0".repeat(64))))), FolderMarker.readFrom(folder));
    }

    @Test
    void readFrom_noMarker_empty() throws IOException {
        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    @Test
    void finished_listsThePlainFilesInTheFolderButTheMarkerWithSizeAndSha256() throws IOException {
        Markers.started("s").writeInto(folder);
        Path b = Files.writeString(folder.resolve("b.csv"), "bb");
        Path a = Files.writeString(folder.resolve("a.json"), "a");
        Files.createDirectory(folder.resolve("units"));

        assertEquals(new FolderMarker("s", FolderMarker.State.FINISHED, Optional.of(Markers.RUN), List.of(
                new FolderMarker.WrittenFile("a.json", 1, GoldenReportsTest.sha256(a)),
                new FolderMarker.WrittenFile("b.csv", 2, GoldenReportsTest.sha256(b)))),
                Markers.started("s").finished(folder));
    }

    /**
     * The first difference an identity shows, the model's first (with what changed in the scenario), then the
     * code's, in 12 hexadecimal digits each: this run's, then the folder's.
     */
    @Test
    void difference_modelThenCode_namesBothSides() {
        FolderMarker.Identity other = new FolderMarker.Identity("4".repeat(64), Markers.IDENTITY.code());
        FolderMarker.Identity otherCode = new FolderMarker.Identity(Markers.IDENTITY.model(),
                new CodeIdentity("0.0.0-test", "ab".repeat(20), true, "5".repeat(64)));

        assertEquals(Optional.of("of another model: this run's model identity 111111111111\u2026 differs from the"
                + " folder's 444444444444\u2026 (scenario changed at seed: 2, was 1)"),
                Markers.IDENTITY.difference(other, () -> "scenario changed at seed: 2, was 1"));
        assertEquals(Optional.of("made by other code: this run's code 0.0.0-test (classes 222222222222\u2026)"
                + " differs from the folder's 0.0.0-test abababababab dirty (classes 555555555555\u2026)"),
                Markers.IDENTITY.difference(otherCode, () -> fail("the models are equal")));
        assertEquals(Optional.empty(), Markers.IDENTITY.difference(Markers.IDENTITY, () -> fail("equal")));
    }

    @Test
    void isUnchanged_sameSizeOtherContentOrALink_false() throws IOException {
        Path file = Files.writeString(folder.resolve("report.json"), "abc");
        FolderMarker.WrittenFile written = FolderMarker.WrittenFile.of(file);
        assertTrue(written.isUnchanged(file));

        Files.writeString(file, "abd");
        assertFalse(written.isUnchanged(file), "same size, other SHA-256");
        Files.writeString(file, "abc ");
        assertFalse(written.isUnchanged(file), "other size");
        Path same = Files.writeString(folder.resolve("same.json"), "abc");
        Files.delete(file);
        Files.createSymbolicLink(file, same);
        assertFalse(written.isUnchanged(file), "a link to a file as written");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\"}",
        "{\"writtenBy\": \"someone\", \"version\": 2, \"scenario\": \"s\", \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 3, \"scenario\": \"s\", \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": 5, \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [\"report.json\"]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"../x\","
            + " \"sizeBytes\": 1, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"..\","
            + " \"sizeBytes\": 1, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"/etc\","
            + " \"sizeBytes\": 1, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"\","
            + " \"sizeBytes\": 1, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": -1, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": 1.5, \"sha256\": " + SHA + "}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": 1}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": 1, \"sha256\": \"000000000000000000000000000000000000000000000000000000000000000\"}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": 1, \"sha256\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": [{\"name\": \"a\","
            + " \"sizeBytes\": 1, \"sha256\": " + SHA + "}, {\"name\": \"a\", \"sizeBytes\": 2, \"sha256\": " + SHA
            + "}]}"})
    void readFrom_notAMarkerRadiolinkWrites_empty(String content) throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), content);

        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    /** A version 3 marker of state running as radiolink writes it, with {@code field} replaced by {@code value}. */
    private static String version3With(String field, String value) {
        String marker = "{\"writtenBy\": \"radiolink\", \"version\": 3, \"scenario\": \"s\", \"state\": \"running\","
                + " \"identity\": {\"model\": " + SHA + ", \"code\": {\"version\": \"0.2.0\", \"commit\": null,"
                + " \"dirty\": null, \"classesSha256\": " + SHA + "}}, \"scenarioSha256\": " + SHA + ", \"replications\": 2,"
                + " \"seriesBinSeconds\": 0, \"files\": []}";
        String replaced = marker.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[^,}]*)", "\"" + field + "\": " + value);
        assertFalse(replaced.equals(marker) && !field.equals("files"), "the marker has " + field);
        return replaced;
    }

    @Test
    void readFrom_version3AsWritten_read() throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), version3With("files", "[]"));
        assertEquals(FolderMarker.State.RUNNING, FolderMarker.readFrom(folder).orElseThrow().state());
        assertEquals(OptionalDouble.of(0), FolderMarker.readFrom(folder).orElseThrow().run().orElseThrow()
                .seriesBinSeconds(), "no series");

        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), version3With("seriesBinSeconds", "null"));
        assertEquals(OptionalDouble.empty(), FolderMarker.readFrom(folder).orElseThrow().run().orElseThrow()
                .seriesBinSeconds(), "each point's default width");
    }

    /** A marker of session 2 of issue 14 has neither selection nor allFlows: a whole run, flows of replication 0. */
    @Test
    void readFrom_version3WithoutSelectionOrAllFlows_aWholeRunWithoutAllFlows() throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), version3With("files", "[]"));
        FolderMarker.Run run = FolderMarker.readFrom(folder).orElseThrow().run().orElseThrow();
        assertEquals(Optional.empty(), run.selection());
        assertFalse(run.allFlows());

        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), version3With("files",
                "[], \"selection\": \"--shard 1/3\", \"allFlows\": true"));
        run = FolderMarker.readFrom(folder).orElseThrow().run().orElseThrow();
        assertEquals(Optional.of("--shard 1/3"), run.selection());
        assertTrue(run.allFlows());
    }

    /** Each row: a field of a version 3 marker and a value radiolink does not write there. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "state | \"paused\"",
        "model | \"00\"",
        "classesSha256 | 5",
        "commit | true",
        "commit | \"a1b2c3d\"",
        "dirty | \"no\"",
        "scenarioSha256 | null",
        "replications | 0",
        "replications | 2.5",
        "seriesBinSeconds | -1",
        "seriesBinSeconds | \"20\"",
        "files | [], \"selection\": {\"points\": \"0\"}",
        "files | [], \"selection\": \"\"",
        "files | [], \"allFlows\": \"yes\""})
    void readFrom_version3WithAFieldNotAsRadiolinkWritesIt_empty(String field, String value) throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), version3With(field, value));

        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    /**
     * A marker of version 1 (names only, as radiolink wrote them before sizes and SHA-256s) cannot show
     * which files a user changed since: it is not read, so its folder counts as not radiolink's.
     */
    @Test
    void readFrom_version1Marker_empty() throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), """
                {
                  "writtenBy" : "radiolink",
                  "version" : 1,
                  "scenario" : "s",
                  "files" : [ "report.json" ]
                }
                """);

        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    /** A sparse file of 3 GiB by the marker's name: not read into memory (an OutOfMemoryError before). */
    @Test
    void readFrom_farLargerThanAMarker_emptyWithoutReadingIt() throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(folder.resolve(FolderMarker.FILE_NAME).toFile(), "rw")) {
            file.setLength(3L << 30);
        }

        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    @Test
    void readFrom_notUtf8_empty() throws IOException {
        Files.write(folder.resolve(FolderMarker.FILE_NAME), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});

        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }
}
