package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @TempDir
    Path folder;

    @Test
    void readFrom_written_sameMarkerFilesSorted() throws IOException {
        new FolderMarker("Größe-1", List.of("summary.csv", "report.json")).writeInto(folder);

        assertEquals(Optional.of(new FolderMarker("Größe-1", List.of("report.json", "summary.csv"))),
                FolderMarker.readFrom(folder));
        assertEquals(List.of(FolderMarker.FILE_NAME), FolderState.entries(folder), "no temporary file left");
    }

    @Test
    void readFrom_noMarker_empty() throws IOException {
        assertEquals(Optional.empty(), FolderMarker.readFrom(folder));
    }

    @Test
    void finished_listsWhatIsInTheFolderButTheMarker() throws IOException {
        FolderMarker.started("s").writeInto(folder);
        Files.writeString(folder.resolve("b.csv"), "b");
        Files.writeString(folder.resolve("a.json"), "a");

        assertEquals(new FolderMarker("s", List.of("a.json", "b.csv")), FolderMarker.started("s").finished(folder));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": \"s\"}",
        "{\"writtenBy\": \"someone\", \"version\": 1, \"scenario\": \"s\", \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 2, \"scenario\": \"s\", \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": 5, \"files\": []}",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": \"s\", \"files\": [\"../x\"]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": \"s\", \"files\": [\"..\"]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": \"s\", \"files\": [\"/etc\"]}",
        "{\"writtenBy\": \"radiolink\", \"version\": 1, \"scenario\": \"s\", \"files\": [\"\"]}"})
    void readFrom_notAMarkerRadiolinkWrites_empty(String content) throws IOException {
        Files.writeString(folder.resolve(FolderMarker.FILE_NAME), content);

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
