package io.radiolink.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The purposes are one closed set of distinct names, and {@code docs/design.md} lists exactly them and names
 * the scheme's version.
 */
final class StreamPurposeTest {

    private static final Path DESIGN = Path.of("../docs/design.md");
    private static final String SECTION = "## Random streams";
    /** A row of the purposes' table: its first cell is the purpose's name in backquotes. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|.*");

    @Test
    void id_everyPurpose_distinct() {
        // Two purposes of one name would share their streams.
        assertEquals(StreamPurpose.values().length,
                Arrays.stream(StreamPurpose.values()).map(StreamPurpose::id).collect(Collectors.toSet()).size());
    }

    @Test
    void designDocument_purposesTable_listsEveryPurposeInDeclarationOrder() throws IOException {
        List<String> declared = Arrays.stream(StreamPurpose.values()).map(StreamPurpose::id).toList();
        assertEquals(declared, documentedPurposes());
    }

    @Test
    void designDocument_randomStreamsSection_namesTheSchemeVersion() throws IOException {
        assertTrue(section().stream().anyMatch(line -> line.contains("`" + RandomStreams.SCHEME + "`")),
                DESIGN + ", " + SECTION + ", names the scheme " + RandomStreams.SCHEME);
    }

    /** The first cells of the table in the design document's section on random streams. */
    private static List<String> documentedPurposes() throws IOException {
        return section().stream().map(ROW::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    }

    /** The lines of the design document's section on random streams, its heading left out. */
    private static List<String> section() throws IOException {
        List<String> lines = Files.readAllLines(DESIGN);
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new AssertionError(DESIGN + " has no section '" + SECTION + "'");
        }
        List<String> section = lines.subList(start + 1, lines.size());
        int end = 0;
        while (end < section.size() && !section.get(end).startsWith("## ")) {
            end++;
        }
        return section.subList(0, end);
    }
}
