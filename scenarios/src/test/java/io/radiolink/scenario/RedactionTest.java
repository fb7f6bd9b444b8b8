package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@link Redaction}: every password field, written or swept, shows the marker; nothing else changes. */
final class RedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isSecret_passwordFieldsOnly() {
        assertTrue(Redaction.isSecret("flows[0].password"));
        assertTrue(Redaction.isSecret("password"));
        assertFalse(Redaction.isSecret("flows[0]"));
        assertFalse(Redaction.isSecret("workload.wrongPasswordProbability"));
        assertFalse(Redaction.isSecret("flows[0].passwords"));
    }

    @Test
    void shown_passwordPath_marker() {
        assertEquals(json("\"<redacted>\""), Redaction.shown("flows[3].password", json("\"1234\"")));
        assertEquals(json("null"), Redaction.shown("flows[3].password", json("null")), "no password: nothing to hide");
    }

    @Test
    void shown_containerPath_passwordsInsideReplaced() {
        assertEquals(json("{\"kind\": \"BACKUP\", \"password\": \"<redacted>\"}"),
                Redaction.shown("flows[0]", json("{\"kind\": \"BACKUP\", \"password\": \"1234\"}")));
        assertEquals(json("[{\"password\": \"<redacted>\"}, {\"atSeconds\": 1}]"),
                Redaction.shown("flows", json("[{\"password\": \"1234\"}, {\"atSeconds\": 1}]")));
        assertEquals(json("0.5"), Redaction.shown("workload.wrongPasswordProbability", json("0.5")));
    }

    @Test
    void scenario_writtenAndSweptPasswords_replacedInACopy() {
        JsonNode resolved = json("""
                {"seed": 1, "flows": [{"kind": "BACKUP", "password": "1234"}, {"kind": "DOWNLOAD"}],
                 "sweep": {"parameters": [{"path": "flows[1].password", "values": ["1234", "9999"]},
                                          {"path": "seed", "values": [1, 2]}]}}""");
        JsonNode before = resolved.deepCopy();
        assertEquals(json("""
                {"seed": 1, "flows": [{"kind": "BACKUP", "password": "<redacted>"}, {"kind": "DOWNLOAD"}],
                 "sweep": {"parameters": [{"path": "flows[1].password", "values": ["<redacted>", "<redacted>"]},
                                          {"path": "seed", "values": [1, 2]}]}}"""), Redaction.scenario(resolved));
        assertEquals(before, resolved, "the input is not changed");
    }

    @Test
    void flowRecord_toString_neverShowsThePassword() {
        String shown = new ScenarioFile.Flow(1.0, null, "bs-1", "0100", null, 10L, 1, "s3cret").toString();
        assertTrue(shown.contains("password=<redacted>") && !shown.contains("s3cret"), shown);
        assertTrue(new ScenarioFile.Flow(1.0, null, "bs-1", "0100", null, 10L, 1, null).toString().endsWith("password=null]"));
    }
}
