package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.node.StationConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.simulation.SimulationConfig;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioLoaderTest {

    private static final String FULL = """
            {
              "name": "full",
              "description": "every section",
              "seed": 2026,
              "replications": 4,
              "runLengthSeconds": 21600,
              "warmupSeconds": 600,
              "profile": "CIRCUIT_SWITCHED_DATA",
              "airInterface": {
                "uplink": {
                  "rateBitsPerSecond": 14400,
                  "loss": {"model": "gilbertElliott", "goodToBadProbability": 0.002, "badToGoodProbability": 0.25}
                },
                "downlink": {"loss": {"model": "none"}},
                "meanTimeToFailureSeconds": "Infinity"
              },
              "protocol": {"arq": {"mode": "STOP_AND_WAIT", "retransmissionTimeoutSeconds": 1.5}},
              "stations": [
                {"id": "downtown", "channels": 16, "storageCapacityBytes": 100000000000},
                {"id": "suburb", "count": 3, "channels": 8, "storageCapacityBytes": 50000000000,
                 "clearAfterDownload": false}
              ],
              "workload": {
                "subscribersPerStation": 20000,
                "backupArrivalsPerSecond": 0.01,
                "userDataBytes": {"distribution": "logNormal", "mean": 1000000, "stdDev": 800000},
                "restoreShare": 0.3,
                "restoreDelaySeconds": {"distribution": "exponential", "mean": 3600},
                "wrongPasswordProbability": 0.02
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void load_fullFile_buildsTheConfigurationWithProfileDefaults() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, FULL);

        assertEquals("full", scenario.name());
        assertEquals(2026, scenario.seed());
        assertEquals(4, scenario.replications());
        assertEquals(1, scenario.points().size());
        SweepPoint point = scenario.points().get(0);
        assertEquals(0, point.index());
        assertEquals(List.of(), point.values());
        SimulationConfig config = point.config();
        assertEquals(21600, config.runLengthSeconds());
        assertEquals(600, config.warmupSeconds());
        assertEquals(4, config.replications());
        assertEquals(2026, config.seed());

        AirInterface csd = Profile.CIRCUIT_SWITCHED_DATA.airInterface();
        AirInterface air = config.stations().get(0).airInterface();
        assertEquals(14400, air.uplink().rateBitsPerSecond());
        assertEquals(csd.uplink().propagationDelaySeconds(), air.uplink().propagationDelaySeconds());
        assertEquals(csd.uplink().framePayloadBytes(), air.uplink().framePayloadBytes());
        assertEquals(new GilbertElliottLoss(0.002, 0.25, 0.0, 1.0), air.uplink().lossModel());
        assertEquals(csd.downlink().withLossModel(io.radiolink.radio.NoLoss.INSTANCE), air.downlink());
        assertEquals(csd.setupDelaySeconds(), air.setupDelaySeconds());
        assertEquals(Double.POSITIVE_INFINITY, air.meanTimeToFailureSeconds());
        assertEquals(csd.releaseDelaySeconds(), air.releaseDelaySeconds());

        assertEquals(ArqMode.STOP_AND_WAIT, config.protocol().arq().mode());
        assertEquals(1, config.protocol().arq().windowFrames());
        assertEquals(1.5, config.protocol().arq().retransmissionTimeoutSeconds());
        assertEquals(Profile.CIRCUIT_SWITCHED_DATA.protocolConfig().arq().retryLimit(),
                config.protocol().arq().retryLimit());
        assertEquals(Profile.CIRCUIT_SWITCHED_DATA.protocolConfig().control(), config.protocol().control());

        assertEquals(List.of("downtown", "suburb-1", "suburb-2", "suburb-3"),
                config.stations().stream().map(StationConfig::id).toList());
        StationConfig suburb = config.stations().get(2);
        assertEquals(8, suburb.channels());
        assertEquals(50_000_000_000L, suburb.storageCapacityBytes());
        assertFalse(suburb.clearAfterDownload());
        assertTrue(config.stations().get(0).clearAfterDownload());

        WorkloadConfig workload = config.workload();
        assertEquals(20000, workload.subscribersPerStation());
        assertEquals(0.01, workload.backupArrivalsPerSecond());
        assertEquals(Distribution.LogNormal.ofMeanAndStdDev(1e6, 8e5), workload.userDataBytes());
        assertEquals(100, workload.bytesPerRecord());
        assertEquals(0.3, workload.restoreShare());
        assertEquals(new Distribution.Exponential(3600), workload.restoreDelaySeconds());
        assertEquals(0.02, workload.wrongPasswordProbability());
    }

    @Test
    void load_fullFile_resolvedJsonHasEveryDefault() throws ScenarioException {
        JsonNode resolved = Scenarios.load(dir, FULL).resolved();

        assertEquals("CIRCUIT_SWITCHED_DATA", resolved.get("profile").asText());
        JsonNode uplink = resolved.at("/airInterface/uplink");
        assertEquals(14400, uplink.get("rateBitsPerSecond").asDouble());
        assertEquals(25, uplink.get("framePayloadBytes").asInt());
        assertEquals(0.0, uplink.at("/loss/lossInGood").asDouble());
        assertEquals(1.0, uplink.at("/loss/lossInBad").asDouble());
        assertEquals("none", resolved.at("/airInterface/downlink/loss/model").asText());
        assertEquals(9600, resolved.at("/airInterface/downlink/rateBitsPerSecond").asDouble());
        assertEquals("Infinity", resolved.at("/airInterface/meanTimeToFailureSeconds").asText());
        assertEquals(20.0, resolved.at("/airInterface/setupDelaySeconds").asDouble());
        assertEquals(1, resolved.at("/protocol/arq/windowFrames").asInt());
        assertEquals(2.0, resolved.at("/protocol/control/timeoutSeconds").asDouble());
        assertEquals(1, resolved.at("/stations/0/count").asInt());
        assertTrue(resolved.at("/stations/0/clearAfterDownload").asBoolean());
        assertEquals(3, resolved.at("/stations/1/count").asInt());
        assertEquals(2, resolved.get("stations").size());
        assertEquals(100, resolved.at("/workload/bytesPerRecord").asInt());
        assertEquals("logNormal", resolved.at("/workload/userDataBytes/distribution").asText());
        assertEquals(800000, resolved.at("/workload/userDataBytes/stdDev").asDouble());
        assertNull(resolved.get("sweep"));
        assertEquals(resolved, Scenarios.load(dir, FULL).points().get(0).resolved());
    }

    @Test
    void load_minimalFile_takesTheDocumentedDefaults() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.MINIMAL);

        SimulationConfig config = scenario.points().get(0).config();
        assertEquals(1, scenario.seed());
        assertEquals(10, scenario.replications());
        assertEquals(0, config.warmupSeconds());
        assertEquals(Profile.LTE.protocolConfig(), config.protocol());
        assertEquals(Profile.LTE.airInterface(), config.stations().get(0).airInterface());
        assertEquals(WorkloadConfig.backupsOnly(100, 0.01, new Distribution.Fixed(100000)), config.workload());
        assertEquals("s", scenario.name());
        assertNull(scenario.resolved().get("name"));
        assertEquals("LTE", scenario.resolved().get("profile").asText());
        assertEquals(0.001, scenario.resolved().at("/airInterface/uplink/loss/probability").asDouble());
        assertEquals(EngineChoice.LEAN, scenario.engine());
        assertEquals("lean", scenario.resolved().get("engine").asText());
    }

    @Test
    void load_restoreAfterLeftOut_successWrittenInLowerCase() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.MINIMAL);

        assertEquals(RestoreAfter.SUCCESS, scenario.points().get(0).config().workload().restoreAfter());
        assertEquals("success", scenario.resolved().at("/workload/restoreAfter").asText());
    }

    @Test
    void load_restoreAfterAny_readAndWrittenInLowerCase() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.MINIMAL.replace("\"subscribersPerStation\": 100,",
                "\"subscribersPerStation\": 100, \"restoreAfter\": \"any\","));

        assertEquals(RestoreAfter.ANY, scenario.points().get(0).config().workload().restoreAfter());
        assertEquals("any", scenario.resolved().at("/workload/restoreAfter").asText());
        assertEquals("any", scenario.points().get(0).resolved().at("/workload/restoreAfter").asText());
    }

    @Test
    void load_dsolEngine_readAndWrittenInLowerCase() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL, "\"engine\": \"dsol\""));

        assertEquals(EngineChoice.DSOL, scenario.engine());
        assertEquals("dsol", scenario.resolved().get("engine").asText());
        assertEquals("dsol", scenario.points().get(0).resolved().get("engine").asText());
    }

    @Test
    void load_withComments_ignoresThem() throws ScenarioException {
        String json = """
                // a scenario with comments
                {
                  /* the run */ "runLengthSeconds": 100, // seconds
                  "stations": [
                    // one cell
                    {"id": "cell", "channels": 1, "storageCapacityBytes": 1000}
                  ]
                }
                """;

        ResolvedScenario scenario = Scenarios.load(dir, json);

        assertEquals(100, scenario.points().get(0).config().runLengthSeconds());
    }

    @Test
    void load_withoutWorkloadOrFlows_validatesButCannotRun() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir,
                "{\"runLengthSeconds\": 100, \"stations\": [{\"id\": \"c\", \"channels\": 1, \"storageCapacityBytes\": 9}]}");

        assertNull(scenario.points().get(0).config().workload());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.requireDemand(scenario));
        assertEquals(dir.resolve("s.json") + ": workload: a workload or flows are required to run a scenario; "
                + "allowed: an object with fields "
                + "backupArrivalsPerSecond, bytesPerRecord, relocation, restoreAfter, restoreDelaySeconds, restoreShare, subscribersPerStation, "
                + "userDataBytes, wrongPasswordProbability", e.getMessage());
    }

    @Test
    void requireDemand_withWorkload_passes() throws ScenarioException {
        ScenarioLoader.requireDemand(Scenarios.load(dir, Scenarios.MINIMAL));
    }

    @Test
    void load_scriptedFlows_resolvedWithDefaultsAndBuilt() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [{"id": "c", "channels": 1, "storageCapacityBytes": 900000}],
                 "flows": [
                   {"atSeconds": 1, "kind": "BACKUP", "station": "c", "phoneNumber": "0100", "sizeBytes": 250,
                    "password": "pw"},
                   {"atSeconds": 50, "kind": "DOWNLOAD", "station": "c", "phoneNumber": "0200", "storedNumber": "0100"}
                 ]}""");

        ScenarioLoader.requireDemand(scenario);
        var flows = scenario.points().get(0).config().scriptedFlows();
        assertEquals(2, flows.size());
        ScriptedFlow.Backup backup = assertInstanceOf(ScriptedFlow.Backup.class, flows.get(0));
        assertEquals(3, backup.recordCount(), "250 bytes at 100 bytes per record");
        assertEquals("0100", backup.terminalNumber().digits(), "stored under its own number");
        ScriptedFlow.Download download = assertInstanceOf(ScriptedFlow.Download.class, flows.get(1));
        assertEquals("0100", download.storedNumber().digits());
        assertNull(download.password(), "no password entered");
        assertEquals("0100", scenario.resolved().get("flows").get(0).get("storedNumber").asText());
    }

    @Test
    void load_flowAtUnknownStation_locatedError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [{"id": "c", "channels": 1, "storageCapacityBytes": 9}],
                 "flows": [{"atSeconds": 1, "kind": "BACKUP", "station": "d", "phoneNumber": "0100", "sizeBytes": 5}]}"""));
        assertEquals(dir.resolve("s.json") + ":2:58: flows[0].station: no station 'd'; allowed: one of c", e.getMessage());
    }

    @Test
    void load_stationCount_expandsIntoNumberedStations() throws ScenarioException {
        String json = Scenarios.MINIMAL.replace("{\"id\": \"cell\", \"channels\": 8,",
                "{\"id\": \"city\", \"count\": 250, \"channels\": 8,");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        List<StationConfig> stations = scenario.points().get(0).config().stations();
        assertEquals(250, stations.size());
        assertEquals("city-1", stations.get(0).id());
        assertEquals("city-250", stations.get(249).id());
        assertEquals(1, scenario.resolved().get("stations").size());
        assertEquals(250, scenario.resolved().at("/stations/0/count").asInt());
    }

    @Test
    void load_overrides_replaceSeedAndReplicationsEverywhere() throws ScenarioException {
        Path file = Scenarios.write(dir, Scenarios.withTop(Scenarios.MINIMAL, "\"seed\": 5, \"replications\": 3"));

        ResolvedScenario scenario = ScenarioLoader.load(file, OptionalLong.of(-77), OptionalInt.of(2));

        assertEquals(-77, scenario.seed());
        assertEquals(2, scenario.replications());
        assertEquals(-77, scenario.resolved().get("seed").asLong());
        assertEquals(2, scenario.resolved().get("replications").asInt());
        assertEquals(-77, scenario.points().get(0).config().seed());
        assertEquals(2, scenario.points().get(0).config().replications());
        assertEquals(-77, scenario.points().get(0).resolved().get("seed").asLong());
    }

    @Test
    void load_withoutOverrides_usesTheFilesValues() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir,
                Scenarios.withTop(Scenarios.MINIMAL, "\"seed\": 5, \"replications\": 3"));

        assertEquals(5, scenario.seed());
        assertEquals(3, scenario.replications());
    }

    @Test
    void load_replicationsOverrideBelowOne_namesTheOption() {
        Path file = Scenarios.write(dir, Scenarios.MINIMAL);

        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.of(0)));

        assertEquals("--replications: must be >= 1, was 0", e.getMessage());
    }

    @Test
    void load_sameFileTwice_givesEqualResults() throws ScenarioException {
        ResolvedScenario first = Scenarios.load(dir, FULL);
        ResolvedScenario second = Scenarios.load(dir, FULL);

        assertEquals(first.resolved(), second.resolved());
        assertEquals(first.points().get(0).config(), second.points().get(0).config());
    }

    @Test
    void load_meanTimeToFailureAsNumber_keepsTheNumber() throws ScenarioException {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"airInterface\": {\"meanTimeToFailureSeconds\": 600}");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        assertEquals(600, scenario.points().get(0).config().stations().get(0).airInterface().meanTimeToFailureSeconds());
        assertEquals(new BernoulliLoss(0.001),
                scenario.points().get(0).config().stations().get(0).airInterface().uplink().lossModel());
    }

    @Test
    void load_outages_resolvedWithDefaultsAndBuilt() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [
                   {"id": "a", "channels": 1, "storageCapacityBytes": 9},
                   {"id": "b", "channels": 1, "storageCapacityBytes": 9, "outages": {
                      "scheduled": [{"startSeconds": 10, "endSeconds": 20}], "meanUpSeconds": 50,
                      "persistentStorage": false}}]}""");
        var stations = scenario.points().get(0).config().stations();
        assertEquals(io.radiolink.node.OutageConfig.NONE, stations.get(0).outages());
        var b = stations.get(1).outages();
        assertEquals(java.util.List.of(new io.radiolink.node.OutageConfig.DownPeriod(10, 20)), b.scheduled());
        assertEquals(50.0, b.meanUpSeconds());
        assertEquals(1.0, b.meanDownSeconds());
        assertEquals(false, b.persistentStorage());
        assertEquals("Infinity", scenario.resolved().get("stations").get(0).get("outages").get("meanUpSeconds").asText());
        assertEquals(Double.POSITIVE_INFINITY, stations.get(0).retentionSeconds());
        assertEquals("Infinity", scenario.resolved().get("stations").get(0).get("retentionSeconds").asText());
    }

    @Test
    void load_retention_builtAndRangeChecked() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [{"id": "a", "channels": 1, "storageCapacityBytes": 9,
                  "retentionSeconds": 3600}]}""");
        assertEquals(3600.0, scenario.points().get(0).config().stations().get(0).retentionSeconds());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [{"id": "a", "channels": 1, "storageCapacityBytes": 9,
                  "retentionSeconds": -5}]}"""));
        assertEquals(dir.resolve("s.json") + ":2:23: stations[0].retentionSeconds: must be in (0, 1e12], "
                + "was -5.0; allowed: a number in (0, 1e12], or \"Infinity\" (seconds); \"Infinity\" keeps copies until restored",
                e.getMessage());
    }

    @Test
    void load_overlappingOutages_locatedError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir, """
                {"runLengthSeconds": 100, "stations": [{"id": "a", "channels": 1, "storageCapacityBytes": 9,
                  "outages": {"scheduled": [{"startSeconds": 10, "endSeconds": 20}, {"startSeconds": 15, "endSeconds": 30}]}}]}"""));
        assertTrue(e.getMessage().contains("stations[0].outages"), e.getMessage());
        assertTrue(e.getMessage().contains("sorted and not overlap"), e.getMessage());
    }

    @Test
    void load_auth_defaultsToTheClaimsAndBuildsEitherChallengeScheme() throws ScenarioException {
        ResolvedScenario plain = Scenarios.load(dir, Scenarios.MINIMAL);
        assertEquals(io.radiolink.protocol.AuthConfig.CLAIMED, plain.points().get(0).config().protocol().auth());
        ResolvedScenario challenged = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"auth\": {\"scheme\": \"CHALLENGE_RESPONSE\", \"maxFailedAttempts\": 3, \"lockoutSeconds\": 60}}"));
        assertEquals(new io.radiolink.protocol.AuthConfig(io.radiolink.protocol.AuthMode.CHALLENGE_RESPONSE, 3, 60),
                challenged.points().get(0).config().protocol().auth());
        ResolvedScenario keyed = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"auth\": {\"scheme\": \"SIM_KEYED\"}}"));
        assertEquals(new io.radiolink.protocol.AuthConfig(io.radiolink.protocol.AuthMode.SIM_KEYED, 0, 0),
                keyed.points().get(0).config().protocol().auth());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir, Scenarios.withTop(
                Scenarios.MINIMAL, "\"protocol\": {\"auth\": {\"scheme\": \"CHALENGE_RESPONSE\"}}")));
        assertTrue(e.getMessage().contains("protocol.auth.scheme") && e.getMessage().contains("did you mean 'CHALLENGE_RESPONSE'"),
                e.getMessage());
    }

    @Test
    void load_corruption_builtWithDefaultAndRangeChecked() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"airInterface\": {\"uplink\": {\"corruption\": {\"probability\": 0.02}}}"));
        var uplink = scenario.points().get(0).config().stations().get(0).airInterface().uplink();
        assertEquals(new io.radiolink.radio.Corruption(0.02, 0.0), uplink.corruption());
        assertEquals(io.radiolink.radio.Corruption.NONE,
                scenario.points().get(0).config().stations().get(0).airInterface().downlink().corruption());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios.load(dir, Scenarios.withTop(
                Scenarios.MINIMAL, "\"airInterface\": {\"uplink\": {\"corruption\": {\"probability\": 1.5}}}")));
        assertTrue(e.getMessage().contains("airInterface.uplink.corruption.probability"), e.getMessage());
    }

    @Test
    void load_chunksAndResumeLeftOut_wholeObjectWithoutReconnection() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.MINIMAL);

        var protocol = scenario.points().get(0).config().protocol();
        assertEquals(io.radiolink.protocol.ChunkConfig.WHOLE_OBJECT, protocol.chunks());
        assertEquals(io.radiolink.protocol.ResumeConfig.OFF, protocol.resume());
        JsonNode resume = scenario.resolved().at("/protocol/resume");
        assertEquals(List.of("attempts", "backoffSeconds", "backoffMultiplier", "maxBackoffSeconds", "jitter",
                "fromOffset", "holdSeconds", "retryAccess"), fieldNames(resume));
        assertFalse(resume.get("fromOffset").asBoolean());
        assertFalse(resume.get("retryAccess").asBoolean());
        assertEquals(0, scenario.resolved().at("/protocol/chunks/chunkBytes").asLong());
        assertEquals(0, scenario.resolved().at("/protocol/chunks/repairRounds").asInt());
    }

    @Test
    void load_resumeWithAttemptsOnly_reconnectionDefaults() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"chunks\": {\"chunkBytes\": 65536}, \"resume\": {\"attempts\": 4}}"));

        var protocol = scenario.points().get(0).config().protocol();
        assertEquals(new io.radiolink.protocol.ChunkConfig(65536, 0), protocol.chunks());
        assertEquals(new io.radiolink.protocol.ResumeConfig(4, 1, 2, 30, 0.5, true, 300), protocol.resume());
        assertTrue(scenario.resolved().at("/protocol/resume/fromOffset").asBoolean());
        assertEquals(300.0, scenario.resolved().at("/protocol/resume/holdSeconds").asDouble());
    }

    @Test
    void load_resumeFieldsGiven_keptAndDefaultsFollowThem() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"attempts\": 3, \"backoffSeconds\": 60, \"fromOffset\": false}}"));

        assertEquals(new io.radiolink.protocol.ResumeConfig(3, 60, 2, 60, 0.5, false, 0),
                scenario.points().get(0).config().protocol().resume(),
                "maxBackoffSeconds not below backoffSeconds; nothing held without fromOffset");
        ResolvedScenario held = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"fromOffset\": true}}"));
        assertEquals(new io.radiolink.protocol.ResumeConfig(1, 0, 1, 0, 0, true, 300),
                held.points().get(0).config().protocol().resume(), "a later flow may resume what the station holds");
    }

    @Test
    void load_retryAccessGiven_keptBesideTheReconnectionDefaults() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"attempts\": 5, \"backoffSeconds\": 2, \"retryAccess\": true}}"));

        assertEquals(new io.radiolink.protocol.ResumeConfig(5, 2, 2, 30, 0.5, true, 300, true),
                scenario.points().get(0).config().protocol().resume());
        assertTrue(scenario.resolved().at("/protocol/resume/retryAccess").asBoolean());
        ResolvedScenario attemptsOnly = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"protocol\": {\"resume\": {\"attempts\": 4}}"));
        assertFalse(attemptsOnly.points().get(0).config().protocol().resume().retryAccess(),
                "reconnection does not retry refused attempts unless asked");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
