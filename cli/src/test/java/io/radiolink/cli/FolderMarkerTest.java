package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
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
        new FolderMarker("Größe-1", List.of(summary, report)).writeInto(folder);

        assertEquals(Optional.of(new FolderMarker("Größe-1", List.of(report, summary))), FolderMarker.readFrom(folder));
        assertEquals(List.of(FolderMarker.FILE_NAME), FolderState.entries(folder), "no temporary file left");
    }

    @Test
    void readFrom_noMarker_empty() throws IOException {
        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    @Test
    void finished_listsThePlainFilesInTheFolderButTheMarkerWithSizeAndSha256() throws IOException {
        FolderMarker.started("s").writeInto(folder);
        Path b = Files.writeString(folder.resolve("b.csv"), "bb");
        Path a = Files.writeString(folder.resolve("a.json"), "a");
        Files.createDirectory(folder.resolve("units"));

        assertEquals(new FolderMarker("s", List.of(new FolderMarker.WrittenFile("a.json", 1, GoldenReportsTest.sha256(a)),
                new FolderMarker.WrittenFile("b.csv", 2, GoldenReportsTest.sha256(b)))),
                FolderMarker.started("s").finished(folder));
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
