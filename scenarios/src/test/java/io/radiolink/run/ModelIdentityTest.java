package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.random.RandomStreams;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model identity: what changes it (the model, the seed, the engine) and what does not (the file's layout, run control). */
final class ModelIdentityTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path LOSS_SWEEP = EXAMPLES.resolve("loss-sweep.json");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path temp;

    @Test
    void of_sameFileLoadedTwice_equal() throws ScenarioException {
        assertEquals(ModelIdentity.of(load(LOSS_SWEEP)), ModelIdentity.of(load(LOSS_SWEEP)));
    }

    /** Every example rewritten without comments, on one line, every object's fields in reverse order. */
    @ParameterizedTest
    @MethodSource("examples")
    void of_exampleRewrittenWithoutCommentsOrSpacesKeysReversed_equal(Path example) throws Exception {
        JsonNode written = JSON.readTree(example.toFile());
        String rewritten = JSON.writeValueAsString(reversed(written));
        assertNotEquals(Files.readString(example), rewritten);
        assertEquals(ModelIdentity.of(load(example)), ModelIdentity.of(load(write(rewritten))), example.toString());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void of_defaultsWrittenOut_equal() throws Exception {
        assertEquals(original(), edited("\"seed\": 11,", "\"seed\": 11, \"engine\": \"lean\",",
                "\"protocol\": { \"arq\": { \"retryLimit\": 4 } },",
                "\"protocol\": { \"arq\": { \"retryLimit\": 4 }, \"auth\": {\"scheme\": \"PASSWORD_IN_REQUEST\","
                        + " \"maxFailedAttempts\": 0, \"lockoutSeconds\": 0} },"));
    }

    /** A whole number written with or without a fraction is one value: in a typed field and in a sweep. */
    @Test
    void of_wholeNumbersWrittenAsFloatingOrIntegral_equal() throws Exception {
        assertEquals(original(), edited("\"runLengthSeconds\": 3600,", "\"runLengthSeconds\": 3600.0,",
                "\"values\": [0.0, 0.01,", "\"values\": [0, 0.01,",
                "\"mean\": 600 }", "\"mean\": 6.0e2 }"));
    }

    @Test
    void of_otherNameDescriptionOrReplications_equal() throws Exception {
        assertEquals(original(), edited("\"name\": \"loss-sweep\",", "\"name\": \"renamed\",",
                "\"description\": \"Frame loss", "\"description\": \"Another text. Frame loss",
                "\"replications\": 6,", "\"replications\": 20,"));
        assertEquals(original(), ModelIdentity.of(ScenarioLoader.load(LOSS_SWEEP, OptionalLong.empty(), OptionalInt.of(2))));
        assertEquals(original(), ModelIdentity.of(ScenarioLoader.load(LOSS_SWEEP, OptionalLong.of(11), OptionalInt.empty())));
    }

    /** A change of one model value, each at another place: the seed, the engine, plain fields, a sweep value. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\"seed\": 11, => \"seed\": 12,",
        "\"seed\": 11, => \"seed\": 11, \"engine\": \"dsol\",",
        "\"warmupSeconds\": 300, => \"warmupSeconds\": 300.5,",
        "\"channels\": 16, => \"channels\": 15,",
        "\"mean\": 500000 } => \"mean\": 500001 }",
        "\"probability\": 0.01 } => \"probability\": 0.010000000000000002 }",
        "\"retryLimit\": 4 => \"retryLimit\": 5",
        "0.1, 0.2, 0.3] => 0.1, 0.25, 0.3]",
        "0.1, 0.2, 0.3] => 0.1, 0.3, 0.2]",
        "\"path\": \"airInterface.uplink.loss.probability\" => \"path\": \"airInterface.downlink.loss.probability\"",
    })
    void of_oneModelValueChanged_different(String change) throws Exception {
        String[] parts = change.split(" => ");
        assertNotEquals(original(), edited(parts[0], parts[1]), change);
    }

    @Test
    void of_seedGivenOnTheCommandLine_differentFromTheFilesSeed() throws ScenarioException {
        ResolvedScenario overridden = ScenarioLoader.load(LOSS_SWEEP, OptionalLong.of(12), OptionalInt.empty());
        assertNotEquals(ModelIdentity.of(load(LOSS_SWEEP)), ModelIdentity.of(overridden));
    }

    @Test
    void tree_scenarioLessRunControl_filesAndTheStreamScheme() throws ScenarioException {
        ObjectNode tree = ModelIdentity.tree(load(LOSS_SWEEP), Map.of());
        assertEquals(List.of("scenario", "files", "randomStreams"), fieldNames(tree));
        JsonNode scenario = tree.get("scenario");
        for (String runControl : ModelIdentity.RUN_CONTROL) {
            assertFalse(scenario.has(runControl), runControl);
        }
        assertEquals(11, scenario.get("seed").asLong());
        assertEquals("lean", scenario.get("engine").asText());
        assertTrue(scenario.has("sweep"));
        assertEquals(0, tree.get("files").size());
        assertEquals(RandomStreams.SCHEME, tree.get("randomStreams").asText());
    }

    /**
     * No field names a file yet; the station's id stands in for one here. Its text is left out (a file
     * moved or renamed is the same model), the digest of its bytes is in.
     */
    @Test
    void of_fileFieldWithItsDigest_theDigestCountsNotTheName() throws Exception {
        ResolvedScenario here = load(LOSS_SWEEP);
        ResolvedScenario moved = load(write(Files.readString(LOSS_SWEEP).replace("\"id\": \"bs-1\"", "\"id\": \"elsewhere\"")));
        assertEquals("elsewhere", moved.resolved().at("/stations/0/id").asText());
        byte[] digest = new byte[32];
        byte[] otherDigest = new byte[32];
        otherDigest[31] = 1;
        Map<String, byte[]> files = Map.of("/stations/0/id", digest);
        assertEquals(ModelIdentity.of(here, files), ModelIdentity.of(moved, files));
        assertNotEquals(ModelIdentity.of(here, files), ModelIdentity.of(here, Map.of("/stations/0/id", otherDigest)));
        assertNotEquals(ModelIdentity.of(here), ModelIdentity.of(here, files));
        assertTrue(ModelIdentity.tree(here, files).at("/scenario/stations/0/id").isNull());
        assertEquals("00".repeat(32), ModelIdentity.tree(here, files).at("/files/~1stations~10~1id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/stations/0/channels", "/stations/0/nothing", "/stations/7/id", "/name"})
    void of_pointerAtNoString_rejected(String pointer) throws ScenarioException {
        ResolvedScenario scenario = load(LOSS_SWEEP);
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.of(scenario, Map.of(pointer, new byte[32])));
    }

    @Test
    void of_digestOfOtherLength_rejected() throws ScenarioException {
        ResolvedScenario scenario = load(LOSS_SWEEP);
        assertThrows(IllegalArgumentException.class,
                () -> ModelIdentity.of(scenario, Map.of("/stations/0/id", new byte[31])));
    }

    @Test
    void hexAndBytes_theSha256OfTheCanonicalTree() throws ScenarioException {
        ResolvedScenario scenario = load(LOSS_SWEEP);
        ModelIdentity identity = ModelIdentity.of(scenario);
        byte[] expected = Sha256.digest().digest(ModelIdentity.canonicalBytes(ModelIdentity.tree(scenario, Map.of())));
        assertArrayEquals(expected, identity.bytes());
        assertEquals(HexFormat.of().formatHex(expected), identity.hex());
        assertTrue(identity.hex().matches("[0-9a-f]{64}"));
        identity.bytes()[0] ^= 1;
        assertArrayEquals(expected, identity.bytes(), "bytes() is a copy");
    }

    /** The encoding, pinned: tags, varint counts and lengths, names sorted, numbers as 8 bytes. */
    @Test
    void canonicalBytes_smallTree_theDocumentedLayout() throws Exception {
        JsonNode tree = JSON.readTree("{\"b\": 1, \"a\": [true, null, \"\u00e9\", 0.5]}");
        assertEquals("01" + "02"
                        + "0161" + "02" + "04" + "0601" + "07" + "0302c3a9" + "053fe0000000000000"
                        + "0162" + "040000000000000001",
                HexFormat.of().formatHex(ModelIdentity.canonicalBytes(tree)));
    }

    /** U+FFFF sorts before U+1F600 by UTF-8 bytes, after it by Java's UTF-16 {@code compareTo}. */
    @Test
    void canonicalBytes_fieldNames_sortedByUtf8Bytes() {
        ObjectNode tree = NODES.objectNode();
        tree.put("\uD83D\uDE00", 1);
        tree.put("\uFFFF", 2);
        assertTrue("\uD83D\uDE00".compareTo("\uFFFF") < 0);
        assertTrue(HexFormat.of().formatHex(ModelIdentity.canonicalBytes(tree)).startsWith("010203efbfbf04"));
    }

    @Test
    void canonicalBytes_longNamesAndLists_countsAsVarints() {
        ObjectNode tree = NODES.objectNode();
        tree.put("x".repeat(200), true);
        // 200 = 0xc8: LEB128 c8 01.
        assertTrue(HexFormat.of().formatHex(ModelIdentity.canonicalBytes(tree)).startsWith("0101c801"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"b\": 2} | {\"b\": 2, \"a\": 1}",
        "1 | 1.0",
        "[-3, 100] | [-3.0, 1e2]",
        "9007199254740992 | 9.007199254740992E15",
        "{\"x\": [0.25]} | {\"x\": [2.5e-1]}",
    })
    void canonicalBytes_sameValues_equal(String pair) throws Exception {
        String[] trees = pair.split(" \\| ");
        assertArrayEquals(canonical(trees[0]), canonical(trees[1]), pair);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"1\" | 1",
        "[1, 2] | [2, 1]",
        "[\"ab\"] | [\"a\", \"b\"]",
        "{} | []",
        "true | 1",
        "false | true",
        "null | \"null\"",
        "0.0 | -0.0",
        "0.1 | 0.10000000000000002",
        "9223372036854775807 | 9223372036854775806",
        "{\"a\": {\"b\": 1}} | {\"a\": {}, \"b\": 1}",
        "{\"a\": 1} | {\"a\": 1, \"b\": null}",
        "1.5 | 1",
    })
    void canonicalBytes_otherValues_different(String pair) throws Exception {
        String[] trees = pair.split(" \\| ");
        assertFalse(java.util.Arrays.equals(canonical(trees[0]), canonical(trees[1])), pair);
    }

    /** Numbers by value, whatever node Jackson made: a big integer, a long, a double of the same value. */
    @Test
    void canonicalBytes_numberNodesOfOneValue_equal() {
        assertArrayEquals(ModelIdentity.canonicalBytes(NODES.numberNode(5)),
                ModelIdentity.canonicalBytes(NODES.numberNode(5L)));
        assertArrayEquals(ModelIdentity.canonicalBytes(NODES.numberNode(BigInteger.valueOf(5))),
                ModelIdentity.canonicalBytes(NODES.numberNode(5.0)));
        BigInteger huge = BigInteger.TWO.pow(70);
        assertArrayEquals(ModelIdentity.canonicalBytes(NODES.numberNode(huge)),
                ModelIdentity.canonicalBytes(NODES.numberNode(0x1p70)));
        // 2^63 is beyond long: a floating value, not Long.MAX_VALUE.
        assertFalse(java.util.Arrays.equals(ModelIdentity.canonicalBytes(NODES.numberNode(0x1p63)),
                ModelIdentity.canonicalBytes(NODES.numberNode(Long.MAX_VALUE))));
        assertArrayEquals(ModelIdentity.canonicalBytes(NODES.numberNode(-0x1p63)),
                ModelIdentity.canonicalBytes(NODES.numberNode(Long.MIN_VALUE)));
    }

    @Test
    void canonicalBytes_notJsonOrNotUnicode_rejected() {
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.canonicalBytes(NODES.missingNode()));
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.canonicalBytes(NODES.pojoNode(new Object())));
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.canonicalBytes(NODES.binaryNode(new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.canonicalBytes(NODES.textNode("\uD83D")));
        ObjectNode badName = NODES.objectNode();
        badName.put("\uDE00", 1);
        assertThrows(IllegalArgumentException.class, () -> ModelIdentity.canonicalBytes(badName));
    }

    private static byte[] canonical(String json) throws IOException {
        return ModelIdentity.canonicalBytes(JSON.readTree(json));
    }

    /** A copy of {@code node} with every object's fields in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            ObjectNode copy = NODES.objectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                copy.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = NODES.arrayNode();
            node.forEach(element -> copy.add(reversed(element)));
            return copy;
        }
        return node;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ModelIdentity original() throws ScenarioException {
        return ModelIdentity.of(load(LOSS_SWEEP));
    }

    /**
     * The identity of loss-sweep with {@code edits} made, pairs of a text that occurs exactly once and its
     * replacement.
     */
    private ModelIdentity edited(String... edits) throws IOException, ScenarioException {
        String text = Files.readString(LOSS_SWEEP);
        for (int i = 0; i < edits.length; i += 2) {
            int at = text.indexOf(edits[i]);
            assertTrue(at >= 0 && text.indexOf(edits[i], at + 1) < 0, "exactly one '" + edits[i] + "' in the scenario");
            text = text.replace(edits[i], edits[i + 1]);
        }
        return ModelIdentity.of(load(write(text)));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "scenario", ".json"), json);
    }

    private static ResolvedScenario load(Path file) throws ScenarioException {
        return ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty());
    }
}
