package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scenario's name is one safe folder name: the rule, its messages, and where it is documented. */
final class ScenarioNameTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"loss-sweep", "a", "7", "v1.2_final-B", "Größe", "实验-1", "हिन्दी", "ελληνικά",
        "e\u0301t\u00e9"})
    void problem_safeName_none(String name) {
        assertNull(ScenarioName.problem(name));
    }

    @Test
    void problem_atTheByteLimit_noneAndOneMoreByteTooMany() {
        assertNull(ScenarioName.problem("a".repeat(ScenarioName.MAX_UTF8_BYTES)));
        String fourByteLetters = "\uD835\uDD38".repeat(ScenarioName.MAX_UTF8_BYTES / 4);
        assertTrue(Character.isLetter(fourByteLetters.codePointAt(0)));
        assertNull(ScenarioName.problem(fourByteLetters));
        assertEquals("'" + "a".repeat(40) + "...' is 201 bytes long in UTF-8",
                ScenarioName.problem("a".repeat(ScenarioName.MAX_UTF8_BYTES + 1)));
        assertEquals("'" + "é".repeat(40) + "...' is 202 bytes long in UTF-8", ScenarioName.problem("é".repeat(101)));
    }

    @Test
    void problem_unsafeName_saysWhatAndWhere() {
        assertEquals("is empty", ScenarioName.problem(""));
        assertEquals("'.' does not start with a letter or digit", ScenarioName.problem("."));
        assertEquals("'..' does not start with a letter or digit", ScenarioName.problem(".."));
        assertEquals("'../../x' does not start with a letter or digit", ScenarioName.problem("../../x"));
        assertEquals("'.hidden' does not start with a letter or digit", ScenarioName.problem(".hidden"));
        assertEquals("'-x' does not start with a letter or digit", ScenarioName.problem("-x"));
        assertEquals("'/etc' does not start with a letter or digit", ScenarioName.problem("/etc"));
        assertEquals("'a/b' has U+002F '/' at character 2", ScenarioName.problem("a/b"));
        assertEquals("'x/../..' has U+002F '/' at character 2", ScenarioName.problem("x/../.."));
        assertEquals("'a\\b' has U+005C '\\' at character 2", ScenarioName.problem("a\\b"));
        assertEquals("'C:' has U+003A ':' at character 2", ScenarioName.problem("C:"));
        assertEquals("'two words' has U+0020 ' ' at character 4", ScenarioName.problem("two words"));
        assertEquals("'a\\u0007b' has U+0007 at character 2", ScenarioName.problem("a\u0007b"));
        assertEquals("'a\\u0000' has U+0000 at character 2", ScenarioName.problem("a\u0000"));
        assertEquals("'ab\\u000A' has U+000A at character 3", ScenarioName.problem("ab\n"));
        assertEquals("'a\\u202Eb' has U+202E at character 2", ScenarioName.problem("a\u202Eb"));
        assertEquals("'a\\uD800b' has U+D800 at character 2", ScenarioName.problem("a\uD800b"));
        assertEquals("'\u00e9\\uDC00' has U+DC00 at character 2", ScenarioName.problem("\u00e9\uDC00"));
    }

    /** Names Windows cannot give a folder: results named so could not be copied there. */
    @Test
    void problem_nameWindowsCannotMake_saysWhy() {
        assertEquals("'con' is the device name CON on Windows, which no folder there may have",
                ScenarioName.problem("con"));
        assertEquals("'Nul' is the device name NUL on Windows, which no folder there may have",
                ScenarioName.problem("Nul"));
        assertEquals("'LPT9' is the device name LPT9 on Windows, which no folder there may have",
                ScenarioName.problem("LPT9"));
        assertEquals("'CON.x' begins with the device name CON and a '.', which Windows reads as the device itself",
                ScenarioName.problem("CON.x"));
        assertEquals("'aux.tar.gz' begins with the device name AUX and a '.', which Windows reads as the device"
                + " itself", ScenarioName.problem("aux.tar.gz"));
        assertEquals("'a.' ends with '.', which Windows drops from a folder's name", ScenarioName.problem("a."));
        assertEquals("'v1..' ends with '.', which Windows drops from a folder's name", ScenarioName.problem("v1.."));
        assertEquals("'a ' has U+0020 ' ' at character 2", ScenarioName.problem("a "), "a trailing space, as before");
        for (String device : List.of("CON", "PRN", "AUX", "NUL", "COM1", "COM5", "COM9", "LPT1", "lpt3", "cOm7.json")) {
            assertTrue(ScenarioName.problem(device) != null, device);
        }
    }

    /** Only the device names themselves: longer names, other digits and other scripts' letters are names. */
    @ParameterizedTest
    @ValueSource(strings = {"console", "nul1", "COM0", "COM10", "LPT0", "auxiliary", "x.con", "a.b", "CON-1", "CON_x",
        "NUĹ", "COM١", "ＣＯＮ"})
    void problem_nameNearAWindowsDeviceName_none(String name) {
        assertNull(ScenarioName.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "", "../../x", "a/b", "a\\u0007b", "line\\nbreak"})
    void load_unsafeNameField_oneLocatedLineAtTheName(String escapedName) {
        String message = Scenarios.error(dir, Scenarios.withTop(Scenarios.MINIMAL, "\n\"name\": \"" + escapedName + "\""));

        assertTrue(message.startsWith(":2:9: name: "), message);
        assertTrue(message.endsWith(" (the name is the output folder results/<name>); allowed: "
                + ScenarioName.ALLOWED), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void load_noNameAndAnUnsafeFileName_saysTheFileNameIsTheName() throws IOException {
        for (String fileName : List.of(".json", "..json", "two words.json", "con.json", "x..json")) {
            Path file = Files.writeString(dir.resolve(fileName), Scenarios.MINIMAL);
            String message = assertThrows(ScenarioException.class, () -> Scenarios.load(file)).getMessage();

            assertTrue(message.startsWith(file + ":1:1: name: no name given, and the file's name without .json "),
                    message);
            assertTrue(message.endsWith("; allowed: " + ScenarioName.ALLOWED), message);
        }
    }

    @Test
    void load_safeName_isTheScenariosName() throws ScenarioException {
        assertEquals("Größe-1", Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL, "\"name\": \"Größe-1\"")).name());
        assertEquals("s", Scenarios.load(dir, Scenarios.MINIMAL).name());
    }

    @Test
    void formatDocument_nameRow_statesTheRule() throws IOException {
        String row = Files.readAllLines(Path.of("FORMAT.md")).stream().filter(l -> l.startsWith("| `name` |"))
                .findFirst().orElseThrow();

        assertTrue(row.contains("| " + ScenarioName.ALLOWED + ";"), row);
        assertEquals(ScenarioName.ALLOWED, Allowed.of(ScenarioFile.class, "name"));
    }
}
