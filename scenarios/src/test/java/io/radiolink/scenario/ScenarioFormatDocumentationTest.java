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
                if (ScenarioFile.allowed(field) == null || !format.contains("`" + field + "`")
                        && !format.contains("." + field + "`")) {
                    undocumented.add(type.getSimpleName() + "." + field);
                }
            }
        }
        assertEquals(List.of(), undocumented);
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
        assertEquals(24, rows, "rows of the profile table");
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

    private static void assertSame(String documented, JsonNode actual, String what) {
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
