package io.radiolink.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.OutageConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.Corruption;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ScenarioRunner;
import io.radiolink.scenario.EngineChoice;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.scenario.SweepValue;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationConfig;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Run reports from tiny real simulations (one LTE cell with drops, damage, chunks and resume, ten simulated
 * minutes), made by the runner.
 */
public final class ReportFixtures {

    static final String RATE_PATH = "workload.backupArrivalsPerSecond";
    static final String CHANNELS_PATH = "stations.channels";
    static final String PROFILE_PATH = "profile";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] RATES = {0.02, 0.05, 0.1};

    private static RunReport single;
    private static RunReport sweep;
    private static RunReport twoParameterSweep;
    private static RunReport networkStore;
    private static RunReport capacitySweep;

    private ReportFixtures() {}

    /** The fixtures below by name, for a parameterized test: one point, a sweep, two parameters, one replication, network storage, a capacity sweep. */
    static Stream<Arguments> named() {
        return Stream.of(Arguments.of("single", single()), Arguments.of("sweep", sweep()),
                Arguments.of("twoParameterSweep", twoParameterSweep()), Arguments.of("oneReplication", oneReplication()),
                Arguments.of("networkStore", networkStore()), Arguments.of("capacitySweep", capacitySweep()));
    }

    /** One point, no sweep, 3 replications, flows of replication 0. */
    public static synchronized RunReport single() {
        if (single == null) {
            SimulationConfig config = config(0.05, 3);
            SweepPoint point = new SweepPoint(0, List.of(), resolved(0.05), config);
            single = run(scenario(resolved(0.05), List.of(point)), false);
        }
        return single;
    }

    /**
     * One point of 3 replications under network storage: the station reaches the store over a lossy
     * backhaul that goes down now and then, so that every figure of {@code metrics.backhaul} moves.
     */
    public static synchronized RunReport networkStore() {
        if (networkStore == null) {
            BackhaulConfig backhaul = BackhaulConfig.lossless(2_000_000, 0.005).withLoss(0.05, 0.1)
                    .withOutages(OutageConfig.random(200, 5, true));
            SimulationConfig config = config(0.05, 3).withStorage(StorageMode.Network.uniform(50_000_000_000L,
                    new StorageMode.Attachment(backhaul, RelayMode.STREAMED)));
            SweepPoint point = new SweepPoint(0, List.of(), resolved(0.05), config);
            networkStore = run(scenario(resolved(0.05), List.of(point)), false);
        }
        return networkStore;
    }

    /** One point of a single replication: every half-width is undefined. */
    static RunReport oneReplication() {
        SimulationConfig config = config(0.05, 1);
        SweepPoint point = new SweepPoint(0, List.of(), resolved(0.05), config);
        return run(scenario(resolved(0.05), List.of(point)), true);
    }

    /** The arrival rate swept over three values, every replication's flows. */
    public static synchronized RunReport sweep() {
        if (sweep == null) {
            List<SweepPoint> points = new ArrayList<>();
            for (int i = 0; i < RATES.length; i++) {
                points.add(new SweepPoint(i, List.of(new SweepValue(RATE_PATH, JSON.getNodeFactory().numberNode(RATES[i]))),
                        resolved(RATES[i]), config(RATES[i], 3)));
            }
            sweep = run(scenario(resolved(RATES[0]), points), true);
        }
        return sweep;
    }

    /**
     * Two parameters, one of them not a number, 2 x 2 points: the results of the first two points of
     * {@link #sweep()}, relabelled (the reports only format what they are given).
     */
    public static synchronized RunReport twoParameterSweep() {
        if (twoParameterSweep == null) {
            RunReport base = sweep();
            List<SweepPoint> points = new ArrayList<>();
            List<PointResult> results = new ArrayList<>();
            String[] profiles = {"LTE", "CIRCUIT_SWITCHED_DATA"};
            int index = 0;
            for (int channels : new int[] {2, 4}) {
                for (String profile : profiles) {
                    PointResult source = base.points().get(index % 2);
                    SweepPoint point = new SweepPoint(index, List.of(
                            new SweepValue(CHANNELS_PATH, JSON.getNodeFactory().numberNode(channels)),
                            new SweepValue(PROFILE_PATH, JSON.getNodeFactory().textNode(profile))),
                            source.point().resolved(), source.point().config());
                    points.add(point);
                    results.add(new PointResult(point, source.replications(), source.summary(), List.of()));
                    index++;
                }
            }
            ResolvedScenario scenario = scenario(base.scenario().resolved(), points);
            twoParameterSweep = new RunReport(scenario, Provenance.of(scenario, CodeIdentity.current()), results, false);
        }
        return twoParameterSweep;
    }

    /**
     * LTE with links that drop every few seconds and damage slipping through the frame check, chunks of
     * 64 KiB with repair rounds and reconnection with resume: every field of the reports is exercised.
     */
    private static SimulationConfig config(double arrivalsPerSecond, int replications) {
        AirInterface lte = Profile.LTE.airInterface();
        Corruption corruption = new Corruption(0.01, 0.2);
        AirInterface air = lte.withLinks(lte.uplink().withCorruption(corruption),
                lte.downlink().withCorruption(corruption)).withMeanTimeToFailureSeconds(2);
        ProtocolConfig protocol = Profile.LTE.protocolConfig().withChunks(ChunkConfig.of(65_536, 2))
                .withResume(new ResumeConfig(4, 0.5, 2, 4, 0.5, true, 60));
        return Simulation.builder()
                .protocol(protocol)
                .airInterface(air)
                .station("cell-1", 2, 50_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(40, arrivalsPerSecond, new Distribution.Fixed(200_000))
                        .withRestores(0.5, new Distribution.Exponential(60))
                        .withWrongPasswordProbability(0.1))
                .runLengthSeconds(600)
                .warmupSeconds(0)
                .replications(replications)
                .seed(7)
                .build()
                .config();
    }

    /** A cell's capacity swept: point 0 dedicated, point 1 shared (processor sharing), 3 replications. */
    static synchronized RunReport capacitySweep() {
        if (capacitySweep == null) {
            String json = """
                    {
                      "name": "capacity-sweep",
                      "seed": 5,
                      "replications": 3,
                      "runLengthSeconds": 600,
                      "stations": [{"id": "cell", "channels": 4, "storageCapacityBytes": 1000000000}],
                      "workload": {
                        "subscribersPerStation": 40,
                        "backupArrivalsPerSecond": 0.05,
                        "userDataBytes": {"distribution": "fixed", "value": 2000000},
                        "restoreShare": 0.5
                      },
                      "sweep": {"parameters": [{"path": "airInterface.capacity", "values": [{"mode": "dedicated"},
                          {"mode": "shared", "uplinkBitsPerSecond": 2000000, "downlinkBitsPerSecond": 8000000}]}]}
                    }
                    """;
            try {
                Path file = Files.createTempFile("capacity-sweep", ".json");
                try {
                    Files.writeString(file, json);
                    capacitySweep = run(ScenarioLoader.load(file, OptionalLong.empty(), OptionalInt.empty()), false);
                } finally {
                    Files.delete(file);
                }
            } catch (IOException | ScenarioException e) {
                throw new AssertionError(e);
            }
        }
        return capacitySweep;
    }

    /** Every unit of {@code scenario}, run by the runner, recording flows of replication 0 or of all. */
    private static RunReport run(ResolvedScenario scenario, boolean allFlows) {
        try {
            return new ScenarioRunner(2, allFlows, ScenarioRunner.Progress.NONE).run(scenario);
        } catch (ScenarioException e) {
            throw new AssertionError(e);
        }
    }

    /** The SHA-256 the fixtures' scenario claims for its file (SHA-256 of the text "tiny": no file is read). */
    static final String SHA256 = "8950abfda7b727630760dd35bcf5c3daa7631aff223a90f7728c0d2521dde10c";

    private static ResolvedScenario scenario(JsonNode resolved, List<SweepPoint> points) {
        return new ResolvedScenario(Path.of("tiny.json"), SHA256, resolved, 7, points.get(0).config().replications(),
                EngineChoice.LEAN, points);
    }

    private static JsonNode resolved(double arrivalsPerSecond) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", "tiny");
        root.put("seed", 7);
        root.put("profile", "LTE");
        root.putObject("workload").put("backupArrivalsPerSecond", arrivalsPerSecond).put("restoreShare", 0.5);
        root.putArray("stations").addObject().put("id", "cell-1").put("channels", 2);
        return root;
    }
}
