package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The folder rules' table in the README and docs/design.md is the one the code decides by, {@link RunFolderTable}. */
final class RunFolderTableDocumentationTest {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/design.md"})
    void table_inTheDocument_isTheCodes(String document) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(document));
        String heading = RunFolderTable.markdown().lines().findFirst().orElseThrow();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(heading)) {
                assertEquals(-1, start, document + " prints the table once");
                start = i;
            }
        }
        assertTrue(start >= 0, document + " has a line '" + heading + "'");
        String printed = lines.subList(start, lines.size()).stream().map(String::strip)
                .takeWhile(line -> line.startsWith("|")).map(line -> line + "\n").collect(Collectors.joining());

        assertEquals(RunFolderTable.markdown(), printed);
    }
}
