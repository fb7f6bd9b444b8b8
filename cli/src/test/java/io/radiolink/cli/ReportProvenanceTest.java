package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.radiolink.random.RandomStreams;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * report.json's {@code provenance} (docs/runs.md, section 5), for every example (shortened): well-formed,
 * the model identity of the scenario file, the code identity of this process, and with the rest of the file
 * byte-identical on one thread and on three.
 */
final class ReportProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @TempDir
    Path temp;

    @ParameterizedTest
    @MethodSource("io.radiolink.cli.Examples#all")
    void run_example_provenanceOfTheModelAndCodeTheSameOnOneAndThreeThreads(Path example)
            throws IOException, ScenarioException {
        Path scenario = Examples.shortened(example, temp, 600, 2);
        byte[] one = report(scenario, "one", 1);
        byte[] three = report(scenario, "three", 3);
        assertArrayEquals(one, three, "report.json on 1 and 3 threads");

        JsonNode provenance = JSON.readTree(one).get("provenance");
        assertEquals(List.of("model", "code"), names(provenance));
        ResolvedScenario resolved = ScenarioLoader.load(scenario, OptionalLong.empty(), OptionalInt.empty());
        JsonNode model = provenance.get("model");
        assertEquals(List.of("identity", "scenarioSha256", "seed", "randomStreams", "engine"), names(model));
        assertTrue(SHA256.matcher(model.get("identity").asText()).matches(), model.toString());
        assertEquals(ModelIdentity.of(resolved).hex(), model.get("identity").asText());
        assertEquals(GoldenReportsTest.sha256(scenario), model.get("scenarioSha256").asText());
        assertTrue(model.get("seed").isIntegralNumber(), model.toString());
        assertEquals(resolved.seed(), model.get("seed").asLong());
        assertEquals(RandomStreams.SCHEME, model.get("randomStreams").asText());
        assertEquals(resolved.engine().toString(), model.get("engine").asText());

        JsonNode code = provenance.get("code");
        assertEquals(List.of("version", "commit", "dirty", "classesSha256"), names(code));
        assertTrue(code.get("commit").isTextual() || code.get("commit").isNull(), code.toString());
        assertTrue(code.get("dirty").isBoolean() || code.get("dirty").isNull(), code.toString());
        assertEquals(CodeIdentity.current(), new CodeIdentity(code.get("version").asText(),
                code.get("commit").isNull() ? null : code.get("commit").asText(),
                code.get("dirty").isNull() ? null : code.get("dirty").booleanValue(),
                code.get("classesSha256").asText()));
    }

    private byte[] report(Path scenario, String folder, int threads) throws IOException {
        Path out = temp.resolve(folder);
        CliRun run = CliRun.of("run", scenario.toString(), "--out", out.toString(), "--threads",
                Integer.toString(threads), "--quiet");
        assertEquals(0, run.status(), run.err());
        return Files.readAllBytes(out.resolve("report.json"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
