package io.radiolink.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.scenario.Redaction;
import io.radiolink.scenario.SweepValue;
import io.radiolink.stats.CellSummary;
import io.radiolink.stats.DirectionCounts;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowSummary;
import io.radiolink.stats.Traffic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code report.json}: the scenario file's SHA-256, the resolved scenario (passwords redacted,
 * {@link Redaction}) and every sweep point's metrics in the schema {@value #SCHEMA}, documented field by
 * field in {@code scenarios/REPORTS.md}.
 *
 * <p>The output is a function of the report alone: objects are built in a fixed key order, printed with
 * two-space indentation and "\n" line ends on every platform, and hold no wall-clock time. JSON has no
 * NaN or infinity, so an undefined value (a mean without data, a half-width from fewer than two
 * replications) is written as {@code null}.
 */
public final class JsonReporter implements Reporter {

    /** The file this reporter writes. */
    public static final String FILE_NAME = "report.json";

    /** The value of the top-level {@code "schema"} field; it changes whenever a field changes meaning or goes away. */
    public static final String SCHEMA = "radiolink-report/1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectWriter WRITER = writer();

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE_NAME), toText(report), StandardCharsets.UTF_8);
    }

    /** The file's content: the pretty-printed JSON and a final "\n". */
    static String toText(RunReport report) throws IOException {
        return WRITER.writeValueAsString(toJson(report)) + "\n";
    }

    /** The report as a JSON tree in the schema's key order. */
    static ObjectNode toJson(RunReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SCHEMA);
        root.put("name", report.scenario().name());
        root.put("scenarioSha256", report.scenario().sourceSha256());
        root.set("scenario", Redaction.scenario(report.scenario().resolved(), JsonReporter::finite));
        root.put("seed", report.scenario().seed());
        root.put("replications", report.scenario().replications());
        ArrayNode sweep = root.putArray("sweep");
        Sweeps.paths(report).forEach(sweep::add);
        root.put("allFlows", report.allFlows());
        ArrayNode points = root.putArray("points");
        for (PointResult point : report.points()) {
            points.add(point(point));
        }
        return root;
    }

    private static ObjectNode point(PointResult point) {
        ExperimentSummary summary = point.summary();
        ObjectNode json = NODES.objectNode();
        json.put("index", point.point().index());
        ObjectNode values = json.putObject("values");
        for (SweepValue value : point.point().values()) {
            values.set(value.path(), Redaction.shown(value.path(), value.value(), JsonReporter::finite));
        }
        json.put("replications", summary.replications());
        json.put("confidence", summary.blockingProbability().confidence());
        json.put("warmupSeconds", summary.warmupSeconds());
        json.put("runLengthSeconds", summary.runLengthSeconds());
        ObjectNode metrics = json.putObject("metrics");
        for (FlowKind kind : FlowKind.values()) {
            metrics.set(SummaryMetrics.key(kind), flows(summary.flowsOf(kind)));
        }
        metrics.set("traffic", traffic(summary.traffic()));
        metrics.set("cells", cells(summary));
        metrics.set("integrity", counts(summary.integrity(), IntegrityCheck.values()));
        ObjectNode authentication = metrics.putObject("authentication");
        authentication.put("rejections", summary.authentication().rejections());
        authentication.put("rejectionsWhileLocked", summary.authentication().rejectionsWhileLocked());
        authentication.put("lockouts", summary.authentication().lockouts());
        ObjectNode learned = metrics.putObject("learnedOnNextContact");
        learned.put("stored", summary.outcomesLearnedStored());
        learned.put("notStored", summary.outcomesLearnedNotStored());
        ObjectNode storage = metrics.putObject("storage");
        storage.set("meanBytes", estimate(summary.storageMeanBytes()));
        storage.put("peakBytes", summary.storagePeakBytes());
        storage.put("copiesLost", summary.copiesLost());
        storage.put("bytesLost", summary.bytesLost());
        storage.put("copiesExpired", summary.copiesExpired());
        metrics.put("arrivalsSkippedTerminalBusy", summary.arrivalsSkippedTerminalBusy());
        metrics.put("unfinishedFlows", summary.unfinishedFlows());
        return json;
    }

    private static ObjectNode flows(FlowSummary flows) {
        ObjectNode json = NODES.objectNode();
        json.put("flows", flows.flows());
        json.set("outcomes", counts(flows.outcomes(), FlowOutcome.values()));
        json.put("stationViewDiffers", flows.stationViewDiffers());
        json.set("failureShare", estimate(flows.failureShare()));
        json.set("completionSeconds", estimate(flows.completionSeconds()));
        json.set("completionP50Seconds", number(flows.completionP50Seconds()));
        json.set("completionP95Seconds", number(flows.completionP95Seconds()));
        json.set("completionP99Seconds", number(flows.completionP99Seconds()));
        ObjectNode phases = json.putObject("phaseSeconds");
        for (FlowPhase phase : FlowPhase.values()) {
            phases.set(phase.name(), estimate(flows.phaseSeconds().get(phase)));
        }
        json.put("successfulUserDataBytes", flows.successfulUserDataBytes());
        json.set("attemptsPerSuccess", estimate(flows.attemptsPerSuccess()));
        json.set("bytesInVainPerFlow", estimate(flows.bytesInVainPerFlow()));
        json.put("dataBytesSent", flows.dataBytesSent());
        json.put("bytesInVain", flows.bytesInVain());
        json.put("chunksRepaired", flows.chunksRepaired());
        return json;
    }

    private static ObjectNode traffic(Traffic traffic) {
        ObjectNode json = NODES.objectNode();
        json.set("uplink", direction(traffic.uplink()));
        json.set("downlink", direction(traffic.downlink()));
        json.put("dataFramesSent", traffic.dataFramesSent());
        json.put("dataFramesRetransmitted", traffic.dataFramesRetransmitted());
        return json;
    }

    private static ObjectNode direction(DirectionCounts counts) {
        ObjectNode json = NODES.objectNode();
        json.put("unitsSent", counts.unitsSent());
        json.put("unitsLost", counts.unitsLost());
        json.put("retransmissions", counts.retransmissions());
        json.put("unitsCorrupted", counts.unitsCorrupted());
        return json;
    }

    private static ObjectNode cells(ExperimentSummary summary) {
        ObjectNode json = NODES.objectNode();
        json.put("totalChannels", summary.totalChannels());
        json.put("connectionAttempts", summary.attempts());
        json.put("blockedAttempts", summary.blockedAttempts());
        json.set("blockingProbability", estimate(summary.blockingProbability()));
        json.set("meanHoldingSeconds", estimate(summary.meanHoldingSeconds()));
        json.set("meanBusyChannels", estimate(summary.meanBusyChannels()));
        json.set("admittedArrivalRatePerSecond", estimate(summary.admittedArrivalRatePerSecond()));
        json.put("outages", summary.outages());
        json.put("preambleTransmissions", summary.preambleTransmissions());
        json.put("preambleCollisions", summary.preambleCollisions());
        ObjectNode byId = json.putObject("byId");
        for (Map.Entry<String, CellSummary> entry : summary.cells().entrySet()) {
            CellSummary cell = entry.getValue();
            ObjectNode one = byId.putObject(entry.getKey());
            one.put("channels", cell.channels());
            one.put("connectionAttempts", cell.attempts());
            one.put("blockedAttempts", cell.blockedAttempts());
            one.set("blockingProbability", estimate(cell.blockingProbability()));
            one.set("meanHoldingSeconds", estimate(cell.meanHoldingSeconds()));
            one.set("meanBusyChannels", estimate(cell.meanBusyChannels()));
            one.put("outages", cell.outages());
            one.set("downShare", estimate(cell.downShare()));
        }
        return json;
    }

    /** Every constant's count under its name, in declaration order, zeros included. */
    private static <E extends Enum<E>> ObjectNode counts(Map<E, Long> counts, E[] constants) {
        ObjectNode json = NODES.objectNode();
        for (E constant : constants) {
            Long count = counts.get(constant);
            json.put(constant.name(), count == null ? 0L : count);
        }
        return json;
    }

    private static ObjectNode estimate(Estimate estimate) {
        ObjectNode json = NODES.objectNode();
        json.set("mean", number(estimate.mean()));
        json.set("halfWidth", number(estimate.halfWidth()));
        json.set("lower", number(estimate.lower()));
        json.set("upper", number(estimate.upper()));
        json.put("n", estimate.n());
        return json;
    }

    private static JsonNode number(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.nullNode();
    }

    /** {@code scalar}, or null for a non-finite floating-point number. */
    private static JsonNode finite(JsonNode scalar) {
        return scalar.isFloatingPointNumber() && !Double.isFinite(scalar.doubleValue()) ? NODES.nullNode() : scalar;
    }

    /** Two-space indents, {@code "key": value}, "\n" line ends whatever the platform, {@code []} and {@code {}} when empty. */
    private static ObjectWriter writer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        ObjectMapper mapper = JsonMapper.builder().build();
        return mapper.writer(printer);
    }
}
