package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqMode;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.NoLoss;
import io.radiolink.simulation.SimulationConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SweepTest {

    @TempDir
    Path dir;

    /** MINIMAL with a sweep whose parameters are {@code parameters}, on line 2. */
    private static String sweeping(String parameters) {
        return Scenarios.withTop(Scenarios.MINIMAL, "\n  \"sweep\": {\"parameters\": [" + parameters + "]}");
    }

    @Test
    void load_twoParameters_expandsTheGridFirstParameterSlowest() throws ScenarioException {
        String json = sweeping("{\"path\": \"airInterface.uplink.loss.probability\", \"values\": [0.0, 0.01, 0.05]}, "
                + "{\"path\": \"stations[0].channels\", \"values\": [4, 8]}");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        List<SweepPoint> points = scenario.points();
        assertEquals(6, points.size());
        double[] probabilities = {0.0, 0.0, 0.01, 0.01, 0.05, 0.05};
        int[] channels = {4, 8, 4, 8, 4, 8};
        for (int i = 0; i < points.size(); i++) {
            SweepPoint point = points.get(i);
            assertEquals(i, point.index());
            assertEquals("airInterface.uplink.loss.probability", point.values().get(0).path());
            assertEquals(probabilities[i], point.values().get(0).value().asDouble());
            assertEquals("stations[0].channels", point.values().get(1).path());
            assertEquals(IntNode.valueOf(channels[i]), point.values().get(1).value());
            SimulationConfig config = point.config();
            assertEquals(new BernoulliLoss(probabilities[i]), config.stations().get(0).airInterface().uplink().lossModel());
            assertEquals(new BernoulliLoss(0.001), config.stations().get(0).airInterface().downlink().lossModel());
            assertEquals(channels[i], config.stations().get(0).channels());
            assertEquals(probabilities[i], point.resolved().at("/airInterface/uplink/loss/probability").asDouble());
            assertEquals(channels[i], point.resolved().at("/stations/0/channels").asInt());
            assertNull(point.resolved().get("sweep"));
        }
        assertEquals(2, scenario.resolved().at("/sweep/parameters").size());
        assertEquals(8, scenario.resolved().at("/stations/0/channels").asInt());
    }

    /** Read back from the resolved tree (as a run folder's scenario.json holds it): the loader's points' values. */
    @Test
    void values_resolvedSweep_givesTheLoadersPointsValuesInGridOrder() throws ScenarioException {
        String json = sweeping("{\"path\": \"airInterface.uplink.loss.probability\", \"values\": [0.0, 0.01, 0.05]}, "
                + "{\"path\": \"stations[0].channels\", \"values\": [4, 8]}");
        ResolvedScenario scenario = Scenarios.load(dir, json);

        List<List<SweepValue>> values = SweepGrid.values(scenario.resolved().path("sweep")).orElseThrow();

        assertEquals(scenario.points().stream().map(SweepPoint::values).toList(), values);
    }

    @Test
    void values_noSweep_onePointWithoutValues() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.MINIMAL);

        assertEquals(List.of(List.of()), SweepGrid.values(scenario.resolved().path("sweep")).orElseThrow());
    }

    @Test
    void values_notASweepRadiolinkWrites_empty() throws Exception {
        for (String sweep : List.of("{}", "{\"parameters\": []}", "{\"parameters\": [{\"path\": 1, \"values\": [1]}]}",
                "{\"parameters\": [{\"path\": \"a\", \"values\": []}]}", "{\"parameters\": [{\"path\": \"a\"}]}")) {
            assertTrue(SweepGrid.values(new ObjectMapper().readTree(sweep)).isEmpty(), sweep);
        }
    }

    @Test
    void load_sweep_keepsSeedAndReplicationsAtEveryPoint() throws ScenarioException {
        String json = Scenarios.withTop(sweeping("{\"path\": \"workload.backupArrivalsPerSecond\", \"values\": [0.1, 0.2]}"),
                "\"seed\": 9, \"replications\": 3");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        for (SweepPoint point : scenario.points()) {
            assertEquals(9, point.config().seed());
            assertEquals(3, point.config().replications());
        }
        assertEquals(0.2, scenario.points().get(1).config().workload().backupArrivalsPerSecond());
    }

    @Test
    void load_sweepOverWholeObjects_buildsEachWithItsDefaults() throws ScenarioException {
        String json = sweeping("{\"path\": \"airInterface.downlink.loss\", \"values\": [{\"model\": \"none\"}, "
                + "{\"model\": \"gilbertElliott\", \"goodToBadProbability\": 0.01, \"badToGoodProbability\": 0.5}]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(NoLoss.INSTANCE, points.get(0).config().stations().get(0).airInterface().downlink().lossModel());
        assertEquals(GilbertElliottLoss.gilbert(0.01, 0.5),
                points.get(1).config().stations().get(0).airInterface().downlink().lossModel());
        assertEquals(1.0, points.get(1).resolved().at("/airInterface/downlink/loss/lossInBad").asDouble());
    }

    @Test
    void load_sweepOverProfile_appliesEachProfilesDefaults() throws ScenarioException {
        String json = Scenarios.withTop(
                sweeping("{\"path\": \"profile\", \"values\": [\"LTE\", \"CIRCUIT_SWITCHED_DATA\"]}"),
                "\"airInterface\": {\"setupDelaySeconds\": 3}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(Profile.LTE.airInterface().withSetup(3, Profile.LTE.airInterface().setupFailureProbability()),
                points.get(0).config().stations().get(0).airInterface());
        io.radiolink.radio.AirInterface csd = Profile.CIRCUIT_SWITCHED_DATA.airInterface();
        assertEquals(csd.withSetup(3, csd.setupFailureProbability()),
                points.get(1).config().stations().get(0).airInterface());
        assertEquals(Profile.CIRCUIT_SWITCHED_DATA.protocolConfig(), points.get(1).config().protocol());
        assertEquals("CIRCUIT_SWITCHED_DATA", points.get(1).resolved().get("profile").asText());
    }

    @Test
    void load_sweepOverStationCount_expandsEachPoint() throws ScenarioException {
        String json = sweeping("{\"path\": \"stations[0].count\", \"values\": [1, 3]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(1, points.get(0).config().stations().size());
        assertEquals(List.of("cell-1", "cell-2", "cell-3"),
                points.get(1).config().stations().stream().map(s -> s.id()).toList());
    }

    @Test
    void load_sweepOverDefaultedField_addressesTheResolvedScenario() throws ScenarioException {
        String json = sweeping("{\"path\": \"protocol.arq.retryLimit\", \"values\": [0, 2]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(0, points.get(0).config().protocol().arq().retryLimit());
        assertEquals(2, points.get(1).config().protocol().arq().retryLimit());
        assertEquals(512, points.get(1).config().protocol().arq().windowFrames());
    }

    @Test
    void load_invalidSweptValue_namesTheSweepEntry() {
        String json = sweeping("{\"path\": \"airInterface.uplink.loss.probability\", \"values\": [0.0, 0.01, 1.5]}");

        assertEquals(":2:99: sweep.parameters[0].values[2]: airInterface.uplink.loss.probability: must be in [0, 1), "
                + "was 1.5; allowed: a number in [0, 1)", Scenarios.error(dir, json));
    }

    @Test
    void load_sweptValueOfWrongType_namesTheSweepEntry() {
        String json = sweeping("{\"path\": \"stations[0].channels\", \"values\": [1, \"two\"]}");

        assertEquals(":2:75: sweep.parameters[0].values[1]: stations[0].channels: expected a whole number, got the "
                + "string \"two\"; allowed: a whole number >= 1", Scenarios.error(dir, json));
    }

    @Test
    void load_sweptModelLeavingAnUnknownField_namesTheSweepEntry() {
        String json = Scenarios.withTop(
                sweeping("{\"path\": \"airInterface.uplink.loss.model\", \"values\": [\"bernoulli\", \"none\"]}"),
                "\"airInterface\": {\"uplink\": {\"loss\": {\"model\": \"bernoulli\", \"probability\": 0.1}}}");

        assertEquals(":2:95: sweep.parameters[0].values[1]: airInterface.uplink.loss: unknown field 'probability'; "
                + "allowed: model", Scenarios.error(dir, json));
    }

    /** A swept model name is written into the file as it is: a loss model the file leaves to its profile has no probability then. */
    @Test
    void load_sweptModelNameOfAProfilesLoss_asksForTheModelsFieldsAtTheSweepEntry() {
        String json = sweeping("{\"path\": \"airInterface.uplink.loss.model\", \"values\": [\"bernoulli\", \"none\"]}");

        assertEquals(":2:82: sweep.parameters[0].values[0]: airInterface.uplink.loss.probability: required field "
                + "missing; allowed: a number in [0, 1)", Scenarios.error(dir, json));
    }

    /** One rule for every default that depends on a swept value: here maxBackoffSeconds, never below backoffSeconds. */
    @Test
    void load_sweepOverBackoff_eachPointTakesTheCapItsBackoffChooses() throws ScenarioException {
        String json = Scenarios.withTop(sweeping("{\"path\": \"protocol.resume.backoffSeconds\", \"values\": [1, 60]}"),
                "\"protocol\": {\"resume\": {\"attempts\": 3}}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(30.0, points.get(0).config().protocol().resume().maxBackoffSeconds());
        assertEquals(60.0, points.get(1).config().protocol().resume().maxBackoffSeconds());
    }

    @Test
    void load_unknownSweepPath_suggestsTheNearestPath() {
        String json = sweeping("{\"path\": \"airInterface.uplink.los.probability\", \"values\": [0.1]}");

        assertEquals(":2:37: sweep.parameters[0].path: unknown path 'airInterface.uplink.los.probability'; allowed: "
                + "the path of a field of the resolved scenario, e.g. stations[0].channels; "
                + "did you mean 'airInterface.uplink.loss.probability'?", Scenarios.error(dir, json));
    }

    @Test
    void load_sweepPathPastTheLastStation_suggestsAnExistingOne() {
        String json = sweeping("{\"path\": \"stations[1].channels\", \"values\": [1]}");

        assertEquals(":2:37: sweep.parameters[0].path: unknown path 'stations[1].channels'; allowed: "
                + "the path of a field of the resolved scenario, e.g. stations[0].channels; "
                + "did you mean 'stations[0].channels'?", Scenarios.error(dir, json));
    }

    @Test
    void load_sweepOverSeed_isRejected() {
        String json = sweeping("{\"path\": \"seed\", \"values\": [1, 2]}");

        assertEquals(":2:37: sweep.parameters[0].path: 'seed' cannot be swept; allowed: the path of a field of the "
                + "resolved scenario other than seed, replications, engine and sweep", Scenarios.error(dir, json));
    }

    @Test
    void load_sweepOverEngine_isRejected() {
        String json = sweeping("{\"path\": \"engine\", \"values\": [\"lean\", \"dsol\"]}");

        assertEquals(":2:37: sweep.parameters[0].path: 'engine' cannot be swept; allowed: the path of a field of "
                + "the resolved scenario other than seed, replications, engine and sweep", Scenarios.error(dir, json));
    }

    @Test
    void load_sweepOverTheSweep_isRejected() {
        String json = sweeping("{\"path\": \"sweep.parameters[0].values[0]\", \"values\": [1]}");

        assertEquals(":2:37: sweep.parameters[0].path: 'sweep.parameters[0].values[0]' cannot be swept; allowed: the "
                + "path of a field of the resolved scenario other than seed, replications, engine and sweep",
                Scenarios.error(dir, json));
    }

    @Test
    void load_overlappingParameters_areRejected() {
        String json = sweeping("{\"path\": \"stations[0]\", \"values\": [{\"id\": \"a\", \"channels\": 1, "
                + "\"storageCapacityBytes\": 1}]}, {\"path\": \"stations[0].channels\", \"values\": [1]}");

        assertEquals(":2:129: sweep.parameters[1].path: 'stations[0].channels' overlaps sweep.parameters[0].path "
                + "'stations[0]'; allowed: each field swept by one parameter at most", Scenarios.error(dir, json));
    }

    @Test
    void load_emptyValues_areRejected() {
        String json = sweeping("{\"path\": \"stations[0].channels\", \"values\": []}");

        assertEquals(":2:71: sweep.parameters[0].values: must not be empty; allowed: a non-empty list of values for "
                + "the field", Scenarios.error(dir, json));
    }

    @Test
    void load_warmupOutlastingASweptRunLength_namesThePoint() {
        String json = Scenarios.withTop(sweeping("{\"path\": \"runLengthSeconds\", \"values\": [3600, 100]}"),
                "\"warmupSeconds\": 600");

        assertEquals(":1:19: warmupSeconds: must be < runLengthSeconds, was 600.0 >= 100.0 (at sweep point 1: "
                + "runLengthSeconds = 100); allowed: a number in [0, 1e12] and < runLengthSeconds (seconds)",
                Scenarios.error(dir, json));
    }

    @Test
    void load_errorOutsideTheSweep_isReportedAsTheFiles() {
        String json = Scenarios.withTop(sweeping("{\"path\": \"runLengthSeconds\", \"values\": [3600, 100]}"),
                "\"warmupSeconds\": -1");

        assertEquals(":1:19: warmupSeconds: must be in [0, 1e12], was -1.0; "
                + "allowed: a number in [0, 1e12] and < runLengthSeconds (seconds)", Scenarios.error(dir, json));
    }

    @Test
    void load_sweepValues_areKeptAsWritten() throws ScenarioException {
        String json = sweeping("{\"path\": \"stations[0].channels\", \"values\": [4]}");

        JsonNode values = Scenarios.load(dir, json).resolved().at("/sweep/parameters/0/values");

        assertEquals(IntNode.valueOf(4), values.get(0));
    }

    @Test
    void load_sweepOverFromOffset_booleansBuildEachPoint() throws ScenarioException {
        String json = Scenarios.withTop(
                sweeping("{\"path\": \"protocol.resume.fromOffset\", \"values\": [false, true]}"),
                "\"protocol\": {\"resume\": {\"attempts\": 5}}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(new ResumeConfig(5, 1, 2, 30, 0.5, false, 0), points.get(0).config().protocol().resume());
        assertEquals(new ResumeConfig(5, 1, 2, 30, 0.5, true, 300), points.get(1).config().protocol().resume());
        assertEquals(BooleanNode.FALSE, points.get(0).resolved().at("/protocol/resume/fromOffset"));
    }

    @Test
    void load_sweepOverAttempts_eachPointTakesTheDefaultsItsValueChooses() throws ScenarioException {
        String json = sweeping("{\"path\": \"protocol.resume.attempts\", \"values\": [1, 4]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(ResumeConfig.OFF, points.get(0).config().protocol().resume());
        assertEquals(new ResumeConfig(4, 1, 2, 30, 0.5, true, 300), points.get(1).config().protocol().resume());
        assertEquals(300.0, points.get(1).resolved().at("/protocol/resume/holdSeconds").asDouble());
    }

    @Test
    void load_sweepOverArqMode_eachPointTakesTheWindowItsModeChooses() throws ScenarioException {
        String json = sweeping("{\"path\": \"protocol.arq.mode\", \"values\": [\"SELECTIVE_REPEAT\", \"STOP_AND_WAIT\"]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(ArqMode.SELECTIVE_REPEAT, points.get(0).config().protocol().arq().mode());
        assertTrue(points.get(0).config().protocol().arq().windowFrames() > 1, "the profile's window");
        assertEquals(ArqMode.STOP_AND_WAIT, points.get(1).config().protocol().arq().mode());
        assertEquals(1, points.get(1).config().protocol().arq().windowFrames());
    }

    @Test
    void load_sweepOverArqMode_withAWindowWritten_namesTheWrittenWindowAndThePoint() {
        String json = Scenarios.withTop(
                sweeping("{\"path\": \"protocol.arq.mode\", \"values\": [\"SELECTIVE_REPEAT\", \"STOP_AND_WAIT\"]}"),
                "\"protocol\": {\"arq\": {\"windowFrames\": 8}}");

        assertEquals(":1:39: protocol.arq.windowFrames: must be 1 for STOP_AND_WAIT, was 8 (at sweep point 1: "
                + "protocol.arq.mode = \"STOP_AND_WAIT\"); allowed: a whole number >= 1, exactly 1 for STOP_AND_WAIT",
                Scenarios.error(dir, json));
    }

    @Test
    void load_sweepOverChunkBytes_addressesTheResolvedScenario() throws ScenarioException {
        String json = sweeping("{\"path\": \"protocol.chunks.chunkBytes\", \"values\": [0, 65536]}");

        List<SweepPoint> points = Scenarios.load(dir, json).points();

        assertEquals(ChunkConfig.WHOLE_OBJECT, points.get(0).config().protocol().chunks());
        assertEquals(new ChunkConfig(65536, 0), points.get(1).config().protocol().chunks());
    }

    @Test
    void load_invalidSweptAttempts_namesTheSweepEntry() {
        String json = sweeping("{\"path\": \"protocol.resume.attempts\", \"values\": [2, 0]}");

        assertEquals(":2:79: sweep.parameters[0].values[1]: protocol.resume.attempts: must be >= 1, was 0; "
                + "allowed: a whole number >= 1; 1 never reconnects", Scenarios.error(dir, json));
    }
}

