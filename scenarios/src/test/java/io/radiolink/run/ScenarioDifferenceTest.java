package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.radiolink.scenario.Redaction;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first difference of two resolved scenarios as shown, as a refused resume names it. */
final class ScenarioDifferenceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Test
    void first_scalarChanged_namesPathNowAndWas() throws IOException {
        assertEquals("scenario changed at seed: 2, was 1", sentence("{\"seed\": 1}", "{\"seed\": 2}"));
        assertEquals("scenario changed at profile: \"5G\", was \"LTE\"",
                sentence("{\"profile\": \"LTE\"}", "{\"profile\": \"5G\"}"));
        assertEquals("scenario changed at runLengthSeconds: 1500.0, was 1200.0",
                sentence("{\"runLengthSeconds\": 1200.0}", "{\"runLengthSeconds\": 1500.0}"));
    }

    @Test
    void first_nestedInObjectsAndLists_pathAsTheFormatWritesIt() throws IOException {
        String was = "{\"stations\": [{\"id\": \"bs-1\", \"channels\": 4}, {\"id\": \"bs-2\", \"channels\": 4}],"
                + " \"sweep\": {\"parameters\": [{\"path\": \"a\", \"values\": [1, 2]},"
                + " {\"path\": \"b\", \"values\": [0.1, 0.2, 0.3]}]}}";

        assertEquals(Optional.of(new ScenarioDifference.Difference("stations[1].channels",
                ScenarioDifference.Kind.CHANGED, "3", "4")), ScenarioDifference.first(tree(was),
                tree(was.replace("\"bs-2\", \"channels\": 4", "\"bs-2\", \"channels\": 3"))));
        assertEquals("scenario changed at sweep.parameters[1].values[2]: 0.35, was 0.3",
                sentence(was, was.replace("0.3]", "0.35]")));
    }

    @Test
    void first_listsOfDifferentLength_namesTheFirstElementBeyond() throws IOException {
        assertEquals("scenario changed: values[2] added", sentence("{\"values\": [1, 2]}", "{\"values\": [1, 2, 3]}"));
        assertEquals("scenario changed: values[1] removed", sentence("{\"values\": [1, 2]}", "{\"values\": [1]}"));
        assertEquals("scenario changed at values[1]: 3, was 2", sentence("{\"values\": [1, 2]}",
                "{\"values\": [1, 3, 2]}"), "an element changed comes before the length");
    }

    @Test
    void first_fieldAddedOrRemoved_namedWithoutValue() throws IOException {
        assertEquals("scenario changed: workload added", sentence("{\"seed\": 1}",
                "{\"seed\": 1, \"workload\": {\"backupArrivalsPerSecond\": 0.5}}"));
        assertEquals("scenario changed: airInterface.capacity removed",
                sentence("{\"airInterface\": {\"setupDelaySeconds\": 0.1, \"capacity\": {\"mode\": \"shared\"}}}",
                        "{\"airInterface\": {\"setupDelaySeconds\": 0.1}}"));
    }

    /** "First" is in the new scenario's key order, whatever the old one's; a removed field after the kept ones. */
    @Test
    void first_severalDifferences_firstInTheNewDocumentsOrder() throws IOException {
        String was = "{\"a\": 1, \"b\": 2, \"gone\": 0, \"c\": {\"x\": 1}}";

        assertEquals("scenario changed at c.x: 2, was 1", sentence(was, "{\"c\": {\"x\": 2}, \"b\": 3, \"a\": 1}"));
        assertEquals("scenario changed at b: 3, was 2", sentence(was, "{\"b\": 3, \"c\": {\"x\": 2}, \"a\": 1}"));
        assertEquals("scenario changed: gone removed", sentence(was, "{\"a\": 1, \"b\": 2, \"c\": {\"x\": 1}}"));
    }

    @Test
    void first_passwordChanged_namedWithoutItsValues() throws IOException {
        String was = "{\"flows\": [{\"kind\": \"BACKUP\", \"password\": null}]}";
        String now = "{\"flows\": [{\"kind\": \"BACKUP\", \"password\": \"" + Redaction.MARKER + "\"}]}";

        assertEquals("scenario changed: flows[0].password changed (redacted)", sentence(was, now));
        assertEquals("scenario changed: flows[0].password changed (redacted)", sentence(
                "{\"flows\": [{\"password\": \"0000\"}]}", "{\"flows\": [{\"password\": \"1234\"}]}"),
                "not shown even where the trees were not redacted");
        assertEquals("scenario changed: sweep.parameters[0].values[1] changed (redacted)", sentence(
                "{\"sweep\": {\"parameters\": [{\"path\": \"flows[0].password\", \"values\": [null, null]}]}}",
                "{\"sweep\": {\"parameters\": [{\"path\": \"flows[0].password\", \"values\": [null, \""
                        + Redaction.MARKER + "\"]}]}}"), "a swept password, shown redacted");
    }

    /** An object that replaces a scalar is shown compactly, any password in it redacted. */
    @Test
    void first_objectForAScalar_compactRedactedAndCut() throws IOException {
        Optional<ScenarioDifference.Difference> difference = ScenarioDifference.first(tree("{\"flow\": 0}"),
                tree("{\"flow\": {\"kind\": \"BACKUP\", \"password\": \"0000\"}}"));

        assertEquals("{\"kind\":\"BACKUP\",\"password\":\"" + Redaction.MARKER + "\"}",
                difference.orElseThrow().now());
        String longList = "{\"v\": [" + "1000000,".repeat(20) + "1]}";
        String now = ScenarioDifference.first(tree("{\"v\": 1}"), tree(longList)).orElseThrow().now();
        assertEquals(ScenarioDifference.MAX_VALUE_CHARACTERS, now.length(), now);
        assertTrue(now.endsWith("\u2026"), now);
    }

    /** Equal as the identity sees them: numbers by value, fields in any order, run control left out. */
    @Test
    void first_equalAsTheIdentitySeesThem_empty() throws IOException {
        assertEquals(Optional.empty(), ScenarioDifference.first(
                tree("{\"name\": \"a\", \"seed\": 1, \"values\": [0, 0.1], \"o\": {\"x\": 1, \"y\": true}}"),
                tree("{\"seed\": 1.0, \"o\": {\"y\": true, \"x\": 1}, \"values\": [0.0, 0.1], \"name\": \"a\"}")));
        assertEquals(Optional.empty(), ScenarioDifference.first(
                tree("{\"name\": \"a\", \"description\": \"old\", \"replications\": 10, \"seed\": 1}"),
                tree("{\"name\": \"b\", \"seed\": 1, \"replications\": 20}")),
                "name, description and replications are run control");
        assertEquals("scenario changed: x.replications removed", sentence("{\"x\": {\"replications\": 1}}",
                "{\"x\": {}}"), "run control only at the top");
    }

    @Test
    void first_typeChanged_bothShown() throws IOException {
        assertEquals("scenario changed at meanTimeToFailureSeconds: 3600.0, was \"Infinity\"",
                sentence("{\"meanTimeToFailureSeconds\": \"Infinity\"}", "{\"meanTimeToFailureSeconds\": 3600.0}"));
        assertEquals("scenario changed at x: [1], was 1", sentence("{\"x\": 1}", "{\"x\": [1]}"));
    }

    @Test
    void holdsRedacted_onlyWhereAValueIsTheMarker() throws IOException {
        assertTrue(ScenarioDifference.holdsRedacted(tree("{\"flows\": [{\"password\": \"" + Redaction.MARKER
                + "\"}]}")));
        assertFalse(ScenarioDifference.holdsRedacted(tree("{\"flows\": [{\"password\": null}], \"id\": \"x\"}")));
    }

    private static String sentence(String was, String now) throws IOException {
        return ScenarioDifference.first(tree(was), tree(now)).orElseThrow().sentence();
    }

    private static JsonNode tree(String json) throws IOException {
        return JSON.readTree(json);
    }
}
