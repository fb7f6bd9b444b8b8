package io.radiolink.scenario;

import io.radiolink.node.OutageConfig;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.simulation.SimulationConfig;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.Relocation;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadGenerator;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The validation step: turns a resolved scenario into the model's immutable configuration records.
 *
 * <p>The ranges are core's own: each record is built by its validating constructor, and the typed
 * {@link InvalidFieldException} it throws (field, value, what is allowed) is turned into an
 * {@link Invalid} at the JSON path of that field. Only what core cannot know is checked here: station
 * ids after {@code count} expansion, and that a backup's {@code storedNumber} is its own number (core's
 * backup has none). Loss models and distributions build themselves.
 */
final class ModelBuilder {

    /** A bound on the stations a file may make: the workload's phone numbers hold 6 digits of a station's index. */
    static final int MAX_STATIONS = WorkloadGenerator.MAX_STATIONS;
    /** A size distribution may put at most this share of its mass beyond what one transfer carries. */
    static final double SIZE_TAIL = 1e-9;

    private ModelBuilder() {}

    /** Validates {@code scenario} (every default filled in) and builds its simulation configuration. */
    static SimulationConfig build(ScenarioFile scenario) throws Invalid {
        // The run length's own range first: scripted flows' times are checked against it below.
        construct("", ScenarioFile.class, Map.of(),
                () -> SimulationConfig.RUN_LENGTH_SECONDS.check("runLengthSeconds", scenario.runLengthSeconds()));
        AirInterface air = airInterface(scenario.airInterface());
        ScenarioFile.Protocol p = scenario.protocol();
        ArqConfig arq = construct("protocol.arq", ScenarioFile.Arq.class, Map.of(), () -> new ArqConfig(
                p.arq().mode(), p.arq().windowFrames(), p.arq().retransmissionTimeoutSeconds(), p.arq().retryLimit()));
        ControlConfig control = construct("protocol.control", ScenarioFile.Control.class, Map.of(),
                () -> new ControlConfig(p.control().timeoutSeconds(), p.control().retryLimit()));
        AuthConfig auth = construct("protocol.auth", ScenarioFile.Auth.class, Map.of(), () -> new AuthConfig(
                p.auth().scheme(), p.auth().maxFailedAttempts(), p.auth().lockoutSeconds()));
        ChunkConfig chunks = construct("protocol.chunks", ScenarioFile.Chunks.class, Map.of(),
                () -> new ChunkConfig(p.chunks().chunkBytes(), p.chunks().repairRounds()));
        ScenarioFile.Resume r = p.resume();
        ResumeConfig resume = construct("protocol.resume", ScenarioFile.Resume.class, Map.of(), () -> new ResumeConfig(
                r.attempts(), r.backoffSeconds(), r.backoffMultiplier(), r.maxBackoffSeconds(), r.jitter(),
                r.fromOffset(), r.holdSeconds(), r.retryAccess()));
        long maxTransfer = WorkloadGenerator.maxUserDataBytes(air);
        atMostOneTransfer(chunks.chunkBytes(), maxTransfer, air, "protocol.chunks.chunkBytes");
        List<StationConfig> stations = stations(scenario.stations(), air);
        WorkloadConfig workload = scenario.workload() == null ? null
                : workload(scenario.workload(), stations.size());
        if (workload != null) {
            double tail = workload.userDataBytes().quantile(1 - SIZE_TAIL);
            if (!(tail <= maxTransfer)) {
                throw Invalid.at("workload.userDataBytes", "a share of 10^-9 of its sizes exceeds " + tail
                        + " bytes, more than one transfer carries (" + maxTransfer + " bytes: "
                        + LinkConfig.MAX_FRAMES + " frames of the smaller payload)", "sizes whose 1 - 10^-9 "
                        + "quantile is at most " + maxTransfer + " bytes");
            }
        }
        List<ScriptedFlow> flows = flows(scenario.flows(), stations, scenario.runLengthSeconds());
        for (int i = 0; i < flows.size(); i++) {
            atMostOneTransfer(flows.get(i).uploadedBytes(), maxTransfer, air,
                    JsonPaths.field(JsonPaths.element("flows", i), "sizeBytes"));
        }
        StorageMode storage = scenario.storage() == null ? SimulationConfig.DEFAULT_STORAGE
                : scenario.storage().toModel("storage", stations.stream().map(StationConfig::id).toList());
        return construct("", ScenarioFile.class, Map.of(), () -> new SimulationConfig(stations,
                new ProtocolConfig(arq, control, auth, chunks, resume), workload, scenario.runLengthSeconds(),
                scenario.warmupSeconds(), scenario.replications(), scenario.seed(), flows, storage));
    }

    private static List<ScriptedFlow> flows(List<ScenarioFile.Flow> flows, List<StationConfig> stations,
            double runLengthSeconds) throws Invalid {
        List<String> ids = stations.stream().map(StationConfig::id).toList();
        List<ScriptedFlow> built = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            ScenarioFile.Flow f = flows.get(i);
            String path = JsonPaths.element("flows", i);
            requireStation(f.station(), ids, JsonPaths.field(path, "station"));
            if (f.atSeconds() > runLengthSeconds) {
                throw Invalid.at(JsonPaths.field(path, "atSeconds"), "must be <= runLengthSeconds ("
                        + runLengthSeconds + "), was " + f.atSeconds(), Allowed.of(ScenarioFile.Flow.class, "atSeconds"));
            }
            PhoneNumber terminal = phone(f.phoneNumber(), JsonPaths.field(path, "phoneNumber"));
            PhoneNumber stored = phone(f.storedNumber(), JsonPaths.field(path, "storedNumber"));
            built.add(FlowFormat.of(f.kind()).built(f, path, terminal, stored));
        }
        return built;
    }

    /** Requires {@code id} (at {@code path}) to be one of the station ids {@code ids} (after count expansion). */
    static void requireStation(String id, List<String> ids, String path) throws Invalid {
        if (!ids.contains(id)) {
            throw Invalid.at(path, "no station '" + id + "'", "one of "
                    + String.join(", ", ids.size() > 10 ? ids.subList(0, 10) : ids) + (ids.size() > 10 ? ", ..." : ""));
        }
    }

    /** Requires {@code bytes} (at {@code path}) to fit one transfer over both links of {@code air}. */
    private static void atMostOneTransfer(long bytes, long maxTransfer, AirInterface air, String path) throws Invalid {
        if (bytes > maxTransfer) {
            int payload = Math.min(air.uplink().framePayloadBytes(), air.downlink().framePayloadBytes());
            throw Invalid.at(path, "must be <= " + maxTransfer + ", was " + bytes + ": one transfer has at most "
                    + LinkConfig.MAX_FRAMES + " frames of " + payload + " bytes", "at most " + maxTransfer
                    + " bytes (" + LinkConfig.MAX_FRAMES + " frames of the links' smaller framePayloadBytes)");
        }
    }

    private static PhoneNumber phone(String digits, String path) throws Invalid {
        try {
            return PhoneNumber.of(digits);
        } catch (IllegalArgumentException e) {
            throw Invalid.at(path, "not a phone number: '" + digits + "'",
                    Allowed.of(ScenarioFile.Flow.class, JsonPaths.lastField(path)));
        }
    }

    private static AirInterface airInterface(ScenarioFile.Air a) throws Invalid {
        LinkConfig uplink = link(a.uplink(), "airInterface.uplink");
        LinkConfig downlink = link(a.downlink(), "airInterface.downlink");
        ScenarioFile.RandomAccess r = a.randomAccess();
        RandomAccessConfig access = construct("airInterface.randomAccess", ScenarioFile.RandomAccess.class, Map.of(),
                () -> new RandomAccessConfig(r.slotSeconds(), r.preambles(), r.backoffWindowSlots(), r.maxAttempts()));
        CellCapacity capacity = a.capacity().toModel("airInterface.capacity");
        return construct("airInterface", ScenarioFile.Air.class, Map.of(), () -> new AirInterface(uplink, downlink,
                a.setupDelaySeconds(), a.setupFailureProbability(), a.meanTimeToFailureSeconds(),
                a.releaseDelaySeconds(), access, capacity));
    }

    private static LinkConfig link(ScenarioFile.Link l, String path) throws Invalid {
        LossModel loss = l.loss().toModel(path + ".loss");
        ScenarioFile.Corruption c = l.corruption();
        io.radiolink.radio.Corruption corruption = construct(path + ".corruption", ScenarioFile.Corruption.class,
                Map.of(),
                () -> new io.radiolink.radio.Corruption(c.probability(), c.undetectedProbability()));
        return construct(path, ScenarioFile.Link.class, Map.of(), () -> new LinkConfig(l.rateBitsPerSecond(),
                l.propagationDelaySeconds(), l.framePayloadBytes(), l.frameHeaderBytes(), l.controlFrameBytes(), loss,
                corruption));
    }

    /** Expands {@code count} into ids {@code id-1 .. id-n} and checks that every id is unique. */
    private static List<StationConfig> stations(List<ScenarioFile.Station> stations, AirInterface air)
            throws Invalid {
        List<StationConfig> built = new ArrayList<>();
        Map<String, Integer> madeBy = new HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            ScenarioFile.Station s = stations.get(i);
            String path = JsonPaths.element("stations", i);
            String idPath = JsonPaths.field(path, "id");
            if (s.id().isBlank()) {
                throw Invalid.at(idPath, "must not be blank", Allowed.of(ScenarioFile.Station.class, "id"));
            }
            if (s.id().codePoints().anyMatch(Character::isISOControl)) {
                throw Invalid.at(idPath, "must not hold control characters (it names the station in reports)",
                        Allowed.of(ScenarioFile.Station.class, "id"));
            }
            int count = construct(path, ScenarioFile.Station.class, Map.of(), () -> Allowed.COUNT.check("count", s.count()));
            if (count > MAX_STATIONS - built.size()) {
                throw Invalid.at(JsonPaths.field(path, "count"), "makes more than " + MAX_STATIONS
                        + " stations in all", "at most " + MAX_STATIONS + " stations in all");
            }
            for (int k = 1; k <= count; k++) {
                String id = count == 1 ? s.id() : s.id() + "-" + k;
                Integer earlier = madeBy.putIfAbsent(id, i);
                if (earlier != null) {
                    throw Invalid.at(idPath, "station id '" + id + "' already used by stations[" + earlier + "]"
                            + (stations.get(earlier).count() > 1 ? " (count " + stations.get(earlier).count() + ")" : ""),
                            Allowed.of(ScenarioFile.Station.class, "id"));
                }
                OutageConfig outages = outages(s.outages(), JsonPaths.field(path, "outages"));
                built.add(construct(path, ScenarioFile.Station.class, Map.of(), () -> new StationConfig(id,
                        s.channels(), s.storageCapacityBytes(), air, s.clearAfterDownload(), outages,
                        s.retentionSeconds())));
            }
        }
        return built;
    }

    static OutageConfig outages(ScenarioFile.Outages o, String path) throws Invalid {
        List<OutageConfig.DownPeriod> periods = new ArrayList<>();
        for (int i = 0; i < o.scheduled().size(); i++) {
            ScenarioFile.DownPeriod d = o.scheduled().get(i);
            periods.add(construct(JsonPaths.element(JsonPaths.field(path, "scheduled"), i), ScenarioFile.DownPeriod.class,
                    Map.of(), () -> new OutageConfig.DownPeriod(d.startSeconds(), d.endSeconds())));
        }
        return construct(path, ScenarioFile.Outages.class, Map.of(), () -> new OutageConfig(periods,
                o.meanUpSeconds(), o.meanDownSeconds(), o.persistentStorage()));
    }

    /** The workload, its relocation model fitted to the {@code stations} stations after {@code count} expansion. */
    private static WorkloadConfig workload(ScenarioFile.Workload w, int stations) throws Invalid {
        Distribution sizes = w.userDataBytes().toModel("workload.userDataBytes");
        Distribution delays = w.restoreDelaySeconds().toModel("workload.restoreDelaySeconds");
        Relocation relocation = w.relocation().toModel("workload.relocation");
        construct("workload.relocation", w.relocation().getClass(), Map.of(),
                () -> {
                    relocation.requireStations(stations);
                    return relocation;
                });
        return construct("workload", ScenarioFile.Workload.class, Map.of(), () -> new WorkloadConfig(
                w.subscribersPerStation(), w.backupArrivalsPerSecond(), sizes, w.bytesPerRecord(), w.restoreShare(),
                delays, w.wrongPasswordProbability(), w.restoreAfter(), relocation));
    }

    /**
     * Runs {@code build}, a constructor of core that validates its arguments; its {@link InvalidFieldException}
     * becomes an {@link Invalid} at that field of the object at {@code path}, which is bound to record
     * {@code spec} of the format: core's field name, renamed by {@code renames} where the format's differs.
     */
    static <T> T construct(String path, Class<?> spec, Map<String, String> renames, Supplier<T> build)
            throws Invalid {
        try {
            return build.get();
        } catch (InvalidFieldException e) {
            String field = renames.getOrDefault(e.field(), e.field());
            String allowed = Allowed.of(spec, field);
            if (allowed == null) {
                throw new IllegalStateException("core's field '" + e.field() + "' is no field of " + spec.getSimpleName()
                        + " in the format", e);
            }
            throw Invalid.at(JsonPaths.field(path, field), e.problem(), allowed);
        }
    }
}
