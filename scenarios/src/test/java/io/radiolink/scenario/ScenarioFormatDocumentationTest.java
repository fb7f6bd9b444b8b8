package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import io.radiolink.radio.Range;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenarios/FORMAT.md} documents every field, its profile table matches the code, its examples load. */
final class ScenarioFormatDocumentationTest {

    private static final Path FORMAT = Path.of("FORMAT.md");
    private static final Pattern PROFILE_ROW = Pattern.compile("^\\| `((?:airInterface|protocol)\\.[^`]+)` \\| (\\S+) \\| (\\S+) \\|$");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void everyField_isDocumentedWithWhatItAllows() throws IOException {
        String format = Files.readString(FORMAT);
        List<String> undocumented = new ArrayList<>();
        for (Class<?> type : formatTypes(ScenarioFile.class, new ArrayList<>())) {
            for (String field : ScenarioFile.fieldsOf(type)) {
                if (Allowed.of(type, field) == null || !format.contains("`" + field + "`")
                        && !format.contains("." + field + "`")) {
                    undocumented.add(type.getSimpleName() + "." + field);
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }

    /**
     * Every numeric field's range, stated once in the model's configuration record, appears in the row
     * of FORMAT.md's tables that documents the field (the profile table apart): the row named
     * {@code holder.field} (e.g. {@code arq.retryLimit}), else the rows named after the field or a dotted
     * path ending in it, else the row of the variant or object that holds it (a loss model's fields are
     * documented in the row of the model).
     */
    @Test
    void formatTables_stateTheModelsRanges() throws IOException {
        List<String> rows = fieldRows();
        List<String> drifted = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Class<?>, Map<String, Range>> owner : Allowed.ranges().entrySet()) {
            for (Map.Entry<String, Range> field : owner.getValue().entrySet()) {
                String holder = holderName(owner.getKey());
                List<String> documenting = rowsNaming(rows, holder + "." + field.getKey());
                if (documenting.isEmpty()) {
                    documenting = rowsNaming(rows, field.getKey());
                }
                if (documenting.isEmpty()) {
                    documenting = rowsNaming(rows, holder);
                }
                String brief = field.getValue().brief();
                if (documenting.isEmpty() || documenting.stream().anyMatch(row -> !row.contains(brief))) {
                    drifted.add(owner.getKey().getSimpleName() + "." + field.getKey() + " (" + brief + "): "
                            + documenting);
                }
                checked++;
            }
        }
        assertEquals(List.of(), drifted);
        assertTrue(checked > 50, "ranges checked: " + checked);
    }

    /**
     * Every field whose value is a name from a closed set (an enum: a flow kind, a mode, a policy) lists
     * every name in the row of FORMAT.md that documents it, so that a new constant (a new flow kind)
     * cannot be left out of the format's documentation.
     */
    @Test
    void enumFields_listEveryNameInTheirRow() throws IOException {
        List<String> rows = fieldRows();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : formatTypes(ScenarioFile.class, new ArrayList<>())) {
            if (!type.isRecord()) {
                continue;
            }
            for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
                if (!component.getType().isEnum()) {
                    continue;
                }
                List<String> documenting = rowsNaming(rows, component.getName());
                for (Object constant : component.getType().getEnumConstants()) {
                    String name = "`" + constant + "`"; // as the format spells it (Binder: toString)
                    if (documenting.isEmpty() || documenting.stream().noneMatch(row -> row.contains(name))) {
                        missing.add(type.getSimpleName() + "." + component.getName() + ": " + name);
                    }
                }
                checked++;
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(checked > 0, "enum fields checked: " + checked);
    }

    /** The reading rules name exactly the fields whose range accepts "Infinity". */
    @Test
    void readingRules_nameTheFieldsThatAcceptInfinity() throws IOException {
        String format = Files.readString(FORMAT);
        int start = format.indexOf("The only way to write a non-finite number");
        String rule = format.substring(start, format.indexOf("\n\n", start));
        Set<String> named = new TreeSet<>();
        Matcher field = Pattern.compile("`(?:[a-z]+\\.)?([a-zA-Z]+)`").matcher(rule);
        while (field.find()) {
            named.add(field.group(1));
        }
        Set<String> accepting = new TreeSet<>();
        Allowed.ranges().values().forEach(fields -> fields.forEach((name, range) -> {
            if (range.acceptsInfinity()) {
                accepting.add(name);
            }
        }));
        assertEquals(accepting, named);
    }

    /** The rows whose first cell is {@code `name`} or a dotted path ending in it. */
    /** FORMAT.md's table rows that document a field (the profile table apart). */
    private static List<String> fieldRows() throws IOException {
        return Files.readAllLines(FORMAT).stream()
                .filter(line -> line.startsWith("| `") && !PROFILE_ROW.matcher(line).matches()).toList();
    }

    private static List<String> rowsNaming(List<String> rows, String name) {
        return rows.stream().filter(row -> row.startsWith("| `" + name + "` |")
                || row.matches("\\| `[A-Za-z.]+\\." + Pattern.quote(name) + "` \\|.*")).toList();
    }

    /** How the format names a record: a variant by its type name, other records by the field holding them. */
    private static String holderName(Class<?> record) {
        for (Class<?> parent : record.getInterfaces()) {
            com.fasterxml.jackson.annotation.JsonSubTypes types =
                    parent.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
            if (types != null) {
                for (com.fasterxml.jackson.annotation.JsonSubTypes.Type type : types.value()) {
                    if (type.value() == record) {
                        return type.name();
                    }
                }
            }
        }
        String simple = record.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    @Test
    void profileTable_matchesTheResolvedDefaults() throws IOException, ScenarioException {
        JsonNode lte = resolvedWith("LTE");
        JsonNode csd = resolvedWith("CIRCUIT_SWITCHED_DATA");
        int rows = 0;
        for (String line : Files.readAllLines(FORMAT)) {
            Matcher row = PROFILE_ROW.matcher(line);
            if (row.matches()) {
                String pointer = "/" + row.group(1).replace('.', '/');
                assertSame(row.group(2), lte.at(pointer), "LTE " + row.group(1));
                assertSame(row.group(3), csd.at(pointer), "CIRCUIT_SWITCHED_DATA " + row.group(1));
                rows++;
            }
        }
        assertEquals(28, rows, "rows of the profile table");
    }

    @Test
    void completeExamples_load() throws IOException, ScenarioException {
        Matcher block = JSON_BLOCK.matcher(Files.readString(FORMAT));
        int examples = 0;
        while (block.find()) {
            String json = block.group(1);
            if (json.startsWith("{") && json.contains("\"stations\"")) {
                ResolvedScenario scenario = Scenarios.load(dir, json);
                ScenarioLoader.requireDemand(scenario);
                examples++;
            }
        }
        assertEquals(2, examples);
    }

    @Test
    void completeExample_sweepsSixPoints() throws IOException, ScenarioException {
        Matcher block = JSON_BLOCK.matcher(Files.readString(FORMAT));
        assertTrue(block.find());
        assertTrue(block.find());
        ResolvedScenario scenario = Scenarios.load(dir, block.group(1));
        assertEquals(6, scenario.points().size());
        assertEquals("lossy-uplink", scenario.name());
        assertEquals(4, scenario.points().get(0).config().stations().size());
    }

    private JsonNode resolvedWith(String profile) throws ScenarioException {
        return Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL, "\"profile\": \"" + profile + "\"")).resolved();
    }

    /** {@code -} in the profile table: the profile has no such field (a dedicated cell's capacity has no rates). */
    private static final String ABSENT = "-";

    private static void assertSame(String documented, JsonNode actual, String what) {
        if (documented.equals(ABSENT)) {
            assertTrue(actual.isMissingNode(), what + ": documented absent, is " + actual);
            return;
        }
        assertFalse(actual.isMissingNode(), what);
        if (actual.isNumber()) {
            assertEquals(Double.parseDouble(documented), actual.asDouble(), what);
        } else {
            assertEquals(documented, actual.asText(), what);
        }
    }

    private static List<Class<?>> formatTypes(Class<?> type, List<Class<?>> found) {
        found.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            formatTypes(nested, found);
        }
        assertNotNull(found);
        return found;
    }
}
