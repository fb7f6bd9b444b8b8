package io.radiolink.spark;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** What the Spark tests share: an example cut short, a local context with its scratch in a test's folder. */
final class SparkFixtures {

    /** The files whose bytes a Spark run must give as the thread pool's. */
    static final List<String> REPORTS = List.of("report.json", "summary.csv", "replications.csv", "flows.csv");

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private SparkFixtures() {}

    /**
     * {@code example} (a file of scenarios/examples) written into {@code folder} with a run of {@code seconds}
     * (warm-up a tenth of it) and {@code replications} replications.
     */
    static Path shortened(String example, Path folder, double seconds, int replications) throws IOException {
        ObjectNode scenario = (ObjectNode) JSON.readTree(Path.of("../scenarios/examples", example).toFile());
        scenario.put("runLengthSeconds", seconds);
        scenario.put("warmupSeconds", seconds / 10);
        scenario.put("replications", replications);
        Path file = folder.resolve(example);
        Files.createDirectories(folder);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), scenario);
        return file;
    }

    /** A context on {@code master}, its scratch in {@code folder}'s {@code spark-scratch/}, the UI off, and {@code more}. */
    static JavaSparkContext context(String master, Path folder, SparkConf more) throws IOException {
        Path scratch = Files.createDirectories(folder.resolve("spark-scratch"));
        SparkRun.localDirectoriesAnew();
        return new JavaSparkContext(more.setMaster(master).setAppName("radiolink-test")
                .set("spark.local.dir", scratch.toString()).set("spark.ui.enabled", "false"));
    }
}
