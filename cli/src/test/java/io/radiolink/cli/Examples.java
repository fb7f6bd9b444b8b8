package io.radiolink.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example scenarios under scenarios/examples, and shortened copies of them for tests. */
final class Examples {

    static final Path FOLDER = Path.of("../scenarios/examples");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private Examples() {}

    static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /**
     * A copy of {@code example} in {@code folder} with at most {@code runLengthSeconds} of run length
     * (warm-up scaled to a tenth of it) and {@code replications} replications.
     */
    static Path shortened(Path example, Path folder, double runLengthSeconds, int replications) throws IOException {
        ObjectNode scenario = (ObjectNode) JSON.readTree(example.toFile());
        double length = Math.min(runLengthSeconds, scenario.get("runLengthSeconds").asDouble());
        scenario.put("runLengthSeconds", length);
        if (scenario.has("warmupSeconds")) {
            scenario.put("warmupSeconds", Math.min(scenario.get("warmupSeconds").asDouble(), length / 10));
        }
        scenario.put("replications", replications);
        return write(scenario, folder.resolve(example.getFileName()));
    }

    /** A copy of {@code scenario} in {@code folder}, the same file name, with its engine set to {@code engine}. */
    static Path withEngine(Path scenario, Path folder, String engine) throws IOException {
        ObjectNode copy = (ObjectNode) JSON.readTree(scenario.toFile());
        copy.put("engine", engine);
        Files.createDirectories(folder);
        return write(copy, folder.resolve(scenario.getFileName()));
    }

    private static Path write(ObjectNode scenario, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), scenario);
        return file;
    }
}
