package io.radiolink.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.random.RandomStreams;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.Redaction;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.scenario.SweepValue;
import io.radiolink.stats.CellSummary;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json: valid JSON in the documented schema, with the summary's numbers. */
final class JsonReporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private JsonNode write(RunReport report) throws IOException {
        new JsonReporter().write(report, temp);
        return JSON.readTree(Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8));
    }

    @Test
    void write_singlePoint_topLevelFieldsInDocumentedOrder() throws IOException {
        RunReport report = ReportFixtures.single();
        JsonNode root = write(report);
        assertEquals(List.of("schema", "name", "provenance", "scenario", "replications", "sweep", "allFlows", "points"),
                names(root));
        assertEquals("radiolink-report/2", root.get("schema").asText());
        assertEquals("tiny", root.get("name").asText());
        assertEquals(report.scenario().resolved(), root.get("scenario"));
        assertEquals(3, root.get("replications").asInt());
        assertTrue(root.get("sweep").isArray() && root.get("sweep").isEmpty());
        assertFalse(root.get("allFlows").asBoolean());
        assertEquals(1, root.get("points").size());
        JsonNode point = root.get("points").get(0);
        assertEquals(List.of("index", "values", "replications", "confidence", "warmupSeconds", "runLengthSeconds",
                "metrics"), names(point));
        assertEquals(List.of("backup", "download", "restores", "traffic", "cells", "integrity", "authentication", "learnedOnNextContact", "storage",
                "arrivalsSkippedTerminalBusy", "unfinishedFlows"), names(point.get("metrics")));
    }

    /** scenario.json is report.json's description of the scenario, name to replications, printed as report.json is. */
    @Test
    void writeScenario_theFieldsOfReportJsonFromNameToReplications() throws IOException {
        RunReport report = ReportFixtures.single();
        JsonNode root = write(report);
        Path folder = Files.createDirectory(temp.resolve("run"));

        JsonReporter.writeScenario(report.scenario(), folder);

        String scenarioJson = Files.readString(folder.resolve(JsonReporter.SCENARIO_FILE_NAME), StandardCharsets.UTF_8);
        ObjectNode expected = JSON.createObjectNode();
        for (String field : List.of("name", "provenance", "scenario", "replications")) {
            expected.set(field, root.get(field));
        }
        ((ObjectNode) expected.get("provenance")).remove("code");
        assertEquals(expected, JSON.readTree(scenarioJson));
        String reportJson = Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8);
        String printed = scenarioJson.substring(scenarioJson.indexOf("  \"scenario\""), scenarioJson.lastIndexOf('\n',
                scenarioJson.length() - 3));
        assertTrue(reportJson.contains(printed), "printed as report.json prints it");
    }

    @Test
    void write_singlePoint_metricsEqualTheSummary() throws IOException {
        RunReport report = ReportFixtures.single();
        ExperimentSummary summary = report.points().get(0).summary();
        JsonNode point = write(report).get("points").get(0);
        assertEquals(summary.replications(), point.get("replications").asInt());
        assertEquals(0.95, point.get("confidence").asDouble());
        assertEquals(summary.warmupSeconds(), point.get("warmupSeconds").asDouble());
        assertEquals(summary.runLengthSeconds(), point.get("runLengthSeconds").asDouble());
        JsonNode metrics = point.get("metrics");

        for (FlowKind kind : FlowKind.values()) {
            FlowSummary flows = summary.flowsOf(kind);
            JsonNode json = metrics.get(kind.name().toLowerCase());
            assertEquals(List.of("flows", "outcomes", "stationViewDiffers", "failureShare", "completionSeconds",
                    "completionP50Seconds", "completionP95Seconds", "completionP99Seconds", "phaseSeconds",
                    "successfulUserDataBytes", "attemptsPerSuccess", "bytesInVainPerFlow", "dataBytesSent", "bytesInVain",
                    "chunksRepaired", "reconnections", "accessRetries"), names(json));
            assertEquals(flows.counts().flows(), json.get("flows").asLong());
            assertEquals(Arrays.stream(FlowOutcome.values()).map(Enum::name).toList(), names(json.get("outcomes")));
            for (FlowOutcome outcome : FlowOutcome.values()) {
                assertEquals(flows.counts().count(outcome), json.get("outcomes").get(outcome.name()).asLong(), outcome.name());
            }
            assertEquals(flows.counts().stationViewDiffers(), json.get("stationViewDiffers").asLong());
            assertEstimate(flows.failureShare(), json.get("failureShare"));
            assertEstimate(flows.completionSeconds(), json.get("completionSeconds"));
            assertEquals(flows.completionP50Seconds(), json.get("completionP50Seconds").asDouble());
            assertEquals(flows.completionP95Seconds(), json.get("completionP95Seconds").asDouble());
            assertEquals(flows.completionP99Seconds(), json.get("completionP99Seconds").asDouble());
            assertEquals(Arrays.stream(FlowPhase.values()).map(Enum::name).toList(), names(json.get("phaseSeconds")));
            for (FlowPhase phase : FlowPhase.values()) {
                assertEstimate(flows.phaseSeconds().get(phase), json.get("phaseSeconds").get(phase.name()));
            }
            assertEquals(flows.counts().successfulUserDataBytes(), json.get("successfulUserDataBytes").asLong());
            assertEstimate(flows.attemptsPerSuccess(), json.get("attemptsPerSuccess"));
            assertEstimate(flows.bytesInVainPerFlow(), json.get("bytesInVainPerFlow"));
            assertEquals(flows.counts().dataBytesSent(), json.get("dataBytesSent").asLong());
            assertEquals(flows.counts().bytesInVain(), json.get("bytesInVain").asLong());
            assertEquals(flows.counts().chunksRepaired(), json.get("chunksRepaired").asLong());
            assertEquals(flows.counts().reconnections(), json.get("reconnections").asLong());
            assertEquals(flows.counts().accessRetries(), json.get("accessRetries").asLong());
        }
        // The fixture never retries a refused attempt: its reconnections, not 0, tell the two keys apart.
        assertTrue(summary.flowsOf(FlowKind.BACKUP).counts().reconnections() > 0, "the fixture should reconnect");
        assertTrue(summary.flowsOf(FlowKind.BACKUP).counts().flows() > 0
                && summary.flowsOf(FlowKind.DOWNLOAD).counts().flows() > 0,
                "the fixture should have flows of both kinds");

        JsonNode traffic = metrics.get("traffic");
        assertDirection(summary.traffic().uplink(), traffic.get("uplink"));
        assertDirection(summary.traffic().downlink(), traffic.get("downlink"));
        assertEquals(summary.traffic().data().framesSent(), traffic.get("dataFramesSent").asLong());
        assertEquals(summary.traffic().data().framesRetransmitted(), traffic.get("dataFramesRetransmitted").asLong());

        JsonNode cells = metrics.get("cells");
        assertEquals(summary.totalChannels(), cells.get("totalChannels").asInt());
        assertEquals(summary.cellTotals().attempts(), cells.get("connectionAttempts").asLong());
        assertEquals(summary.cellTotals().blockedAttempts(), cells.get("blockedAttempts").asLong());
        assertEstimate(summary.blockingProbability(), cells.get("blockingProbability"));
        assertEstimate(summary.meanHoldingSeconds(), cells.get("meanHoldingSeconds"));
        assertEstimate(summary.meanBusyChannels(), cells.get("meanBusyChannels"));
        assertEstimate(summary.admittedArrivalRatePerSecond(), cells.get("admittedArrivalRatePerSecond"));
        assertEquals(new ArrayList<>(summary.cells().keySet()), names(cells.get("byId")));
        for (Map.Entry<String, CellSummary> entry : summary.cells().entrySet()) {
            CellSummary cell = entry.getValue();
            JsonNode json = cells.get("byId").get(entry.getKey());
            assertEquals(cell.channels(), json.get("channels").asInt());
            assertEquals(cell.counts().attempts(), json.get("connectionAttempts").asLong());
            assertEquals(cell.counts().blockedAttempts(), json.get("blockedAttempts").asLong());
            assertEstimate(cell.blockingProbability(), json.get("blockingProbability"));
            assertEstimate(cell.meanHoldingSeconds(), json.get("meanHoldingSeconds"));
            assertEstimate(cell.meanBusyChannels(), json.get("meanBusyChannels"));
        }

        for (IntegrityCheck check : IntegrityCheck.values()) {
            assertEquals(summary.flowTotals().integrity(check), metrics.get("integrity").get(check.name()).asLong());
        }
        assertEstimate(summary.storage().meanBytes(), metrics.get("storage").get("meanBytes"));
        assertEquals(summary.storage().peakBytes(), metrics.get("storage").get("peakBytes").asLong());
        assertEquals(summary.workload().arrivalsSkippedTerminalBusy(), metrics.get("arrivalsSkippedTerminalBusy").asLong());
        assertEquals(summary.flowTotals().unfinished(), metrics.get("unfinishedFlows").asLong());
    }

    @Test
    void write_singlePoint_reconnectionAndRepairAreNonZero() throws IOException {
        JsonNode backup = write(ReportFixtures.single()).get("points").get(0).get("metrics").get("backup");
        assertTrue(backup.get("attemptsPerSuccess").get("mean").asDouble() > 1, backup.toString());
        assertTrue(backup.get("bytesInVainPerFlow").get("mean").asDouble() > 0, backup.toString());
        assertTrue(backup.get("bytesInVain").asLong() > 0 && backup.get("bytesInVain").asLong()
                < backup.get("dataBytesSent").asLong(), backup.toString());
        assertTrue(backup.get("chunksRepaired").asLong() > 0, backup.toString());
        assertTrue(backup.get("phaseSeconds").get("BACKOFF").get("mean").asDouble() > 0, backup.toString());
    }

    @Test
    void write_sweep_listsThePathsAndEachPointsValues() throws IOException {
        RunReport report = ReportFixtures.twoParameterSweep();
        JsonNode root = write(report);
        List<String> sweep = new ArrayList<>();
        root.get("sweep").forEach(path -> sweep.add(path.asText()));
        assertEquals(List.of(ReportFixtures.CHANNELS_PATH, ReportFixtures.PROFILE_PATH), sweep);
        assertEquals(report.points().size(), root.get("points").size());
        for (int i = 0; i < report.points().size(); i++) {
            JsonNode point = root.get("points").get(i);
            assertEquals(i, point.get("index").asInt());
            assertEquals(List.of(ReportFixtures.CHANNELS_PATH, ReportFixtures.PROFILE_PATH), names(point.get("values")));
            report.points().get(i).point().values()
                    .forEach(value -> assertEquals(value.value(), point.get("values").get(value.path())));
        }
    }

    @Test
    void write_provenance_theModelsAndTheCodesIdentityInDocumentedOrder() throws IOException {
        RunReport report = ReportFixtures.single();
        JsonNode provenance = write(report).get("provenance");
        assertEquals(List.of("model", "code"), names(provenance));
        JsonNode model = provenance.get("model");
        assertEquals(List.of("identity", "scenarioSha256", "seed", "randomStreams", "engine"), names(model));
        assertEquals(ModelIdentity.of(report.scenario()).hex(), model.get("identity").asText());
        assertEquals(ReportFixtures.SHA256, model.get("scenarioSha256").asText());
        assertEquals(7, model.get("seed").asLong());
        assertTrue(model.get("seed").isIntegralNumber());
        assertEquals(RandomStreams.SCHEME, model.get("randomStreams").asText());
        assertEquals("lean", model.get("engine").asText());
        JsonNode code = provenance.get("code");
        assertEquals(List.of("version", "commit", "dirty", "classesSha256"), names(code));
        CodeIdentity current = CodeIdentity.current();
        assertEquals(current, new CodeIdentity(code.get("version").asText(),
                code.get("commit").isNull() ? null : code.get("commit").asText(),
                code.get("dirty").isNull() ? null : code.get("dirty").asBoolean(), code.get("classesSha256").asText()));
    }

    @Test
    void write_codeWithoutGit_commitAndDirtyAreNull() throws IOException {
        RunReport single = ReportFixtures.single();
        CodeIdentity withoutGit = new CodeIdentity("0.1.0", null, null, "0".repeat(64));
        JsonNode code = write(new RunReport(single.scenario(), new Provenance(single.provenance().model(), withoutGit),
                single.points(), single.allFlows())).at("/provenance/code");
        assertEquals(List.of("version", "commit", "dirty", "classesSha256"), names(code));
        assertTrue(code.get("commit").isNull() && code.get("dirty").isNull(), code.toString());
        assertEquals("0".repeat(64), code.get("classesSha256").asText());
    }

    @Test
    void write_oneReplication_undefinedValuesAreNull() throws IOException {
        JsonReporter reporter = new JsonReporter();
        reporter.write(ReportFixtures.oneReplication(), temp);
        String text = Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), text);
        JsonNode completion = JSON.readTree(text).get("points").get(0).get("metrics").get("backup")
                .get("completionSeconds");
        assertTrue(completion.get("mean").isNumber());
        assertTrue(completion.get("halfWidth").isNull());
        assertTrue(completion.get("lower").isNull());
        assertTrue(completion.get("upper").isNull());
        assertEquals(1, completion.get("n").asInt());
    }

    @Test
    void write_anyReport_lineFeedsOnlyAndAFinalLineFeed() throws IOException {
        new JsonReporter().write(ReportFixtures.sweep(), temp);
        String text = Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.startsWith("{\n  \"schema\": \"" + JsonReporter.SCHEMA + "\",\n"), text.substring(0, 60));
    }

    @Test
    void reportsMd_documentsEveryKeyOfTheMetrics() throws IOException {
        String documentation = Files.readString(Path.of("REPORTS.md"), StandardCharsets.UTF_8);
        JsonNode root = write(ReportFixtures.single());
        TreeSet<String> keys = new TreeSet<>(names(root));
        collectKeys(root.get("points").get(0), keys);
        for (String key : keys) {
            assertTrue(documentation.contains("`" + key + "`"), "REPORTS.md does not document the key `" + key + "`");
        }
    }

    @Test
    void reportsMd_statesTheRedactionMarkerAndTheDigest() throws IOException {
        String documentation = Files.readString(Path.of("REPORTS.md"), StandardCharsets.UTF_8);
        assertTrue(documentation.contains("`\"" + Redaction.MARKER + "\"`"), "REPORTS.md does not state the marker");
        assertTrue(documentation.contains("| `scenarioSha256` | string | the SHA-256 of the scenario file"),
                "REPORTS.md does not describe scenarioSha256");
    }

    @Test
    void write_scriptedAndSweptPasswords_redactedInScenarioAndValues() throws IOException {
        RunReport plain = ReportFixtures.single();
        ObjectNode resolved = plain.scenario().resolved().deepCopy();
        resolved.putArray("flows").addObject().put("kind", "BACKUP").put("password", "s3cret");
        resolved.putObject("sweep").putArray("parameters").addObject().put("path", "flows[0].password")
                .putArray("values").add("s3cret").add("0000");
        PointResult point = plain.points().get(0);
        SweepPoint swept = new SweepPoint(0, List.of(new SweepValue("flows[0].password", JSON.getNodeFactory()
                .textNode("s3cret"))), point.point().resolved(), point.point().config());
        RunReport report = new RunReport(new ResolvedScenario(plain.scenario().source(), ReportFixtures.SHA256,
                resolved, plain.scenario().seed(), plain.scenario().replications(), plain.scenario().engine(),
                List.of(swept)), plain.provenance(), List.of(new PointResult(swept, point.replications(), point.summary(), point.flows())), false);
        new JsonReporter().write(report, temp);
        String text = Files.readString(temp.resolve(JsonReporter.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(text.contains("s3cret") || text.contains("\"0000\""), text);
        JsonNode root = JSON.readTree(text);
        assertEquals(Redaction.MARKER, root.at("/scenario/flows/0/password").asText());
        assertEquals("[\"" + Redaction.MARKER + "\",\"" + Redaction.MARKER + "\"]",
                root.at("/scenario/sweep/parameters/0/values").toString());
        assertEquals(Redaction.MARKER, root.at("/points/0/values").get("flows[0].password").asText());
        assertEquals("s3cret", resolved.at("/flows/0/password").asText(), "the report's own scenario is untouched");
        assertEquals("#0 password=" + Redaction.MARKER, Sweeps.label(swept), "plot legends");
        assertEquals(Redaction.MARKER, Sweeps.values(swept), "plot tick labels");
    }

    /** Every field name below {@code node}, except the free-form ones (cell ids, swept paths) and enum names. */
    private static void collectKeys(JsonNode node, TreeSet<String> keys) {
        node.properties().forEach(field -> {
            String key = field.getKey();
            boolean enumName = key.equals(key.toUpperCase()) && !key.equals(key.toLowerCase());
            if (!enumName) {
                keys.add(key);
            }
            if (!key.equals("byId") && !key.equals("values")) {
                collectKeys(field.getValue(), keys);
            }
        });
    }

    private static void assertEstimate(Estimate expected, JsonNode actual) {
        assertEquals(List.of("mean", "halfWidth", "lower", "upper", "n"), names(actual));
        assertNumber(expected.mean(), actual.get("mean"));
        assertNumber(expected.halfWidth(), actual.get("halfWidth"));
        assertNumber(expected.lower(), actual.get("lower"));
        assertNumber(expected.upper(), actual.get("upper"));
        assertEquals(expected.n(), actual.get("n").asInt());
    }

    private static void assertNumber(double expected, JsonNode actual) {
        if (Double.isFinite(expected)) {
            assertEquals(expected, actual.asDouble());
        } else {
            assertTrue(actual.isNull(), "expected null for " + expected + ", was " + actual);
        }
    }

    private static void assertDirection(DirectionCounts expected, JsonNode actual) {
        assertEquals(List.of("unitsSent", "unitsLost", "retransmissions", "unitsCorrupted"), names(actual));
        assertEquals(expected.unitsSent(), actual.get("unitsSent").asLong());
        assertEquals(expected.unitsLost(), actual.get("unitsLost").asLong());
        assertEquals(expected.retransmissions(), actual.get("retransmissions").asLong());
        assertEquals(expected.unitsCorrupted(), actual.get("unitsCorrupted").asLong());
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
