package io.radiolink.scenario;

import io.radiolink.node.OutageConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.ChunkConfig;
import io.radiolink.protocol.ArqMode;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.scenario.ScenarioFile.Air;
import io.radiolink.scenario.ScenarioFile.Arq;
import io.radiolink.scenario.ScenarioFile.Control;
import io.radiolink.scenario.ScenarioFile.Distribution;
import io.radiolink.scenario.ScenarioFile.Link;
import io.radiolink.scenario.ScenarioFile.Loss;
import io.radiolink.scenario.ScenarioFile.Protocol;
import io.radiolink.scenario.ScenarioFile.Station;
import io.radiolink.scenario.ScenarioFile.Flow;
import io.radiolink.scenario.ScenarioFile.Workload;
import io.radiolink.workload.RestoreAfter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills in every default of a bound scenario and insists on the required fields; ranges are
 * {@link ModelBuilder}'s business. The profile provides the defaults of every air interface and
 * protocol field; the other defaults are constants documented in {@code scenarios/FORMAT.md}.
 */
final class Resolver {

    /** The profile of a scenario that names none. */
    static final Profile DEFAULT_PROFILE = Profile.LTE;
    /** The engine of a scenario that names none. */
    static final EngineChoice DEFAULT_ENGINE = EngineChoice.LEAN;
    static final long DEFAULT_SEED = 1;
    static final int DEFAULT_REPLICATIONS = 10;
    static final int DEFAULT_BYTES_PER_RECORD = 100;
    /** A workload's relocation model where it names none: core's default. */
    static final ScenarioFile.Relocation DEFAULT_RELOCATION = new ScenarioFile.Relocation.SameCell(
            io.radiolink.workload.WorkloadConfig.DEFAULT_RELOCATION.probability());

    private Resolver() {}

    /** {@code file} with every default filled in; the sweep is kept as written. */
    static ScenarioFile resolve(ScenarioFile file) throws Invalid {
        Profile profile = or(file.profile(), DEFAULT_PROFILE);
        double runLength = required(file.runLengthSeconds(), "runLengthSeconds");
        List<Station> stations = stations(required(file.stations(), "stations"));
        return new ScenarioFile(
                file.name(),
                file.description(),
                or(file.seed(), DEFAULT_SEED),
                or(file.replications(), DEFAULT_REPLICATIONS),
                engine(or(file.engine(), DEFAULT_ENGINE)),
                runLength,
                or(file.warmupSeconds(), 0.0),
                profile,
                air(file.airInterface(), profile.airInterface()),
                protocol(file.protocol(), profile),
                stations,
                file.storage() == null ? null : file.storage().resolved("storage"),
                file.workload() == null ? null : workload(file.workload()),
                flows(file.flows()),
                file.sweep());
    }

    /** {@code engine} if it can run in this JVM (the DSOL engine needs dsol-core on the class path). */
    private static EngineChoice engine(EngineChoice engine) throws Invalid {
        Optional<String> unavailable = engine.unavailable();
        if (unavailable.isPresent()) {
            throw Invalid.at("engine", unavailable.get(), null);
        }
        return engine;
    }

    /**
     * Scripted flows with their defaults, each kind's from its {@link FlowFormat} (a backup's storedNumber
     * is its phoneNumber and its recordCount its size over {@value #DEFAULT_BYTES_PER_RECORD} bytes, rounded
     * up; a download needs storedNumber).
     */
    private static List<Flow> flows(List<Flow> flows) throws Invalid {
        if (flows == null) {
            return List.of();
        }
        List<Flow> resolved = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            Flow f = flows.get(i);
            String path = JsonPaths.element("flows", i);
            required(f.atSeconds(), path, Flow.class, "atSeconds");
            required(f.kind(), path, Flow.class, "kind");
            required(f.station(), path, Flow.class, "station");
            required(f.phoneNumber(), path, Flow.class, "phoneNumber");
            resolved.add(FlowFormat.of(f.kind()).resolved(f, path));
        }
        return resolved;
    }

    private static Air air(Air air, AirInterface defaults) throws Invalid {
        Air a = air != null ? air : new Air(null, null, null, null, null, null, null, null);
        return new Air(
                link(a.uplink(), defaults.uplink(), "airInterface.uplink"),
                link(a.downlink(), defaults.downlink(), "airInterface.downlink"),
                or(a.setupDelaySeconds(), defaults.setupDelaySeconds()),
                or(a.setupFailureProbability(), defaults.setupFailureProbability()),
                or(a.meanTimeToFailureSeconds(), defaults.meanTimeToFailureSeconds()),
                or(a.releaseDelaySeconds(), defaults.releaseDelaySeconds()),
                randomAccess(a.randomAccess(), defaults.randomAccess()),
                a.capacity() != null ? a.capacity().resolved("airInterface.capacity", defaults.capacity())
                        : capacityOf(defaults.capacity()));
    }

    /** The scheduler of a shared capacity that names none, and of a profile's that has none: processor sharing. */
    static final ScenarioFile.Scheduler DEFAULT_SCHEDULER = new ScenarioFile.Scheduler.ProcessorSharing();

    /** A profile's capacity mode in the format's terms. */
    private static ScenarioFile.Capacity capacityOf(CellCapacity capacity) {
        if (capacity instanceof CellCapacity.Shared shared) {
            return capacityOf(shared);
        }
        if (capacity instanceof CellCapacity.Dedicated) {
            return new ScenarioFile.Capacity.Dedicated();
        }
        throw new IllegalStateException("a profile's capacity mode has no scenario form: " + capacity);
    }

    /** A shared capacity in the format's terms. */
    static ScenarioFile.Capacity.Shared capacityOf(CellCapacity.Shared shared) {
        return new ScenarioFile.Capacity.Shared(shared.uplinkBitsPerSecond(), shared.downlinkBitsPerSecond(),
                schedulerOf(shared.policy()));
    }

    private static ScenarioFile.Scheduler schedulerOf(SchedulingPolicy policy) {
        if (policy instanceof RoundRobin roundRobin) {
            return new ScenarioFile.Scheduler.RoundRobin(roundRobin.intervalSeconds());
        }
        if (policy instanceof ProcessorSharing) {
            return new ScenarioFile.Scheduler.ProcessorSharing();
        }
        throw new IllegalStateException("a profile's scheduling policy has no scenario form: " + policy);
    }

    /** LTE-like random access, the defaults of a {@code randomAccess} object's fields. */
    static final RandomAccessConfig RANDOM_ACCESS_DEFAULTS = new RandomAccessConfig(0.01, 54, 2, 10);

    /**
     * Random access: left out, the profile's (no contention for both profiles); given, its fields default
     * to {@link #RANDOM_ACCESS_DEFAULTS}.
     */
    private static ScenarioFile.RandomAccess randomAccess(ScenarioFile.RandomAccess r, RandomAccessConfig profile) {
        RandomAccessConfig defaults = r == null ? profile : RANDOM_ACCESS_DEFAULTS;
        ScenarioFile.RandomAccess given = r != null ? r : new ScenarioFile.RandomAccess(null, null, null, null);
        return new ScenarioFile.RandomAccess(or(given.slotSeconds(), defaults.slotSeconds()),
                or(given.preambles(), defaults.preambles()), or(given.backoffWindowSlots(), defaults.backoffWindowSlots()),
                or(given.maxAttempts(), defaults.maxAttempts()));
    }

    private static Link link(Link link, LinkConfig defaults, String path) throws Invalid {
        Link l = link != null ? link : new Link(null, null, null, null, null, null, null);
        return new Link(
                or(l.rateBitsPerSecond(), defaults.rateBitsPerSecond()),
                or(l.propagationDelaySeconds(), defaults.propagationDelaySeconds()),
                or(l.framePayloadBytes(), defaults.framePayloadBytes()),
                or(l.frameHeaderBytes(), defaults.frameHeaderBytes()),
                or(l.controlFrameBytes(), defaults.controlFrameBytes()),
                l.loss() != null ? l.loss().resolved(path + ".loss") : lossOf(defaults.lossModel()),
                corruption(l.corruption(), defaults.corruption(), path + ".corruption"));
    }

    /** Corruption with defaults: the profile's (none for both profiles); given, its fields default to 0. */
    private static ScenarioFile.Corruption corruption(ScenarioFile.Corruption c, io.radiolink.radio.Corruption profile,
            String path) throws Invalid {
        if (c == null) {
            return new ScenarioFile.Corruption(profile.probability(), profile.undetectedProbability());
        }
        return new ScenarioFile.Corruption(required(c.probability(), path, ScenarioFile.Corruption.class, "probability"),
                or(c.undetectedProbability(), 0.0));
    }

    private static Loss lossOf(LossModel model) {
        if (model instanceof BernoulliLoss b) {
            return new Loss.Bernoulli(b.lossProbability());
        }
        if (model instanceof GilbertElliottLoss g) {
            return new Loss.GilbertElliott(g.goodToBadProbability(), g.badToGoodProbability(), g.lossInGood(),
                    g.lossInBad());
        }
        if (model == NoLoss.INSTANCE) {
            return new Loss.None();
        }
        throw new IllegalStateException("a profile's loss model has no scenario form: " + model);
    }

    private static Protocol protocol(Protocol protocol, Profile profile) {
        Protocol p = protocol != null ? protocol : new Protocol(null, null, null, null, null);
        ArqConfig arqDefaults = profile.protocolConfig().arq();
        ControlConfig controlDefaults = profile.protocolConfig().control();
        Arq arq = p.arq() != null ? p.arq() : new Arq(null, null, null, null);
        ArqMode mode = or(arq.mode(), arqDefaults.mode());
        // Stop-and-wait has a window of one whatever the profile's window.
        int window = or(arq.windowFrames(), mode == ArqMode.STOP_AND_WAIT ? 1 : arqDefaults.windowFrames());
        Control control = p.control() != null ? p.control() : new Control(null, null);
        return new Protocol(
                new Arq(mode, window, or(arq.retransmissionTimeoutSeconds(), arqDefaults.retransmissionTimeoutSeconds()),
                        or(arq.retryLimit(), arqDefaults.retryLimit())),
                new Control(or(control.timeoutSeconds(), controlDefaults.timeoutSeconds()),
                        or(control.retryLimit(), controlDefaults.retryLimit())),
                auth(p.auth()),
                chunks(p.chunks()),
                resume(p.resume()));
    }

    /** Authentication with defaults: the claims' password in the request, no lock-out. */
    private static ScenarioFile.Auth auth(ScenarioFile.Auth auth) {
        AuthConfig claimed = AuthConfig.CLAIMED;
        ScenarioFile.Auth a = auth != null ? auth : new ScenarioFile.Auth(null, null, null);
        return new ScenarioFile.Auth(or(a.scheme(), claimed.mode()), or(a.maxFailedAttempts(), claimed.maxFailedAttempts()),
                or(a.lockoutSeconds(), claimed.lockoutSeconds()));
    }

    /** Chunks with defaults: field by field {@link ChunkConfig#WHOLE_OBJECT}, the object as one unit. */
    private static ScenarioFile.Chunks chunks(ScenarioFile.Chunks chunks) {
        ChunkConfig whole = ChunkConfig.WHOLE_OBJECT;
        ScenarioFile.Chunks c = chunks != null ? chunks : new ScenarioFile.Chunks(null, null);
        return new ScenarioFile.Chunks(or(c.chunkBytes(), whole.chunkBytes()),
                or(c.repairRounds(), whole.repairRounds()));
    }

    /**
     * The defaults of the other {@code resume} fields when {@code attempts} is above 1: back-off from 1 s,
     * doubling up to 30 s, jitter 0.5, resume from the offset, partial uploads held for 300 s (its own
     * attempts is not used).
     */
    static final ResumeConfig RECONNECTION_DEFAULTS = new ResumeConfig(2, 1, 2, 30, 0.5, true, 300);

    /**
     * Resume with defaults: attempts 1 ({@link ResumeConfig#OFF}); with attempts above 1 the back-off fields
     * and fromOffset default to {@link #RECONNECTION_DEFAULTS}'s, otherwise to OFF's. maxBackoffSeconds is
     * never below backoffSeconds, and holdSeconds is RECONNECTION_DEFAULTS's when fromOffset is true (a
     * station that resumes keeps what it verified), else 0. retryAccess defaults to OFF's (false: a blocked
     * or access-failed attempt ends the flow), whatever attempts is.
     */
    private static ScenarioFile.Resume resume(ScenarioFile.Resume resume) {
        ScenarioFile.Resume r = resume != null ? resume
                : new ScenarioFile.Resume(null, null, null, null, null, null, null, null);
        int attempts = or(r.attempts(), ResumeConfig.OFF.attempts());
        ResumeConfig defaults = attempts > 1 ? RECONNECTION_DEFAULTS : ResumeConfig.OFF;
        double backoff = or(r.backoffSeconds(), defaults.backoffSeconds());
        boolean fromOffset = or(r.fromOffset(), defaults.fromOffset());
        return new ScenarioFile.Resume(attempts, backoff, or(r.backoffMultiplier(), defaults.backoffMultiplier()),
                or(r.maxBackoffSeconds(), Math.max(defaults.maxBackoffSeconds(), backoff)),
                or(r.jitter(), defaults.jitter()), fromOffset,
                or(r.holdSeconds(), fromOffset ? RECONNECTION_DEFAULTS.holdSeconds() : 0.0),
                or(r.retryAccess(), ResumeConfig.OFF.retryAccess()));
    }

    private static List<Station> stations(List<Station> stations) throws Invalid {
        if (stations.isEmpty()) {
            throw Invalid.at("stations", "must not be empty", Allowed.of(ScenarioFile.class, "stations"));
        }
        List<Station> resolved = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            Station s = stations.get(i);
            String path = JsonPaths.element("stations", i);
            resolved.add(new Station(
                    required(s.id(), path, Station.class, "id"),
                    or(s.count(), 1),
                    required(s.channels(), path, Station.class, "channels"),
                    required(s.storageCapacityBytes(), path, Station.class, "storageCapacityBytes"),
                    or(s.clearAfterDownload(), true),
                    outages(s.outages(), JsonPaths.field(path, "outages")),
                    or(s.retentionSeconds(), Double.POSITIVE_INFINITY)));
        }
        return resolved;
    }

    /** Outages with defaults: none scheduled, no random ones (mean down 1 s unused), persistent storage. */
    static ScenarioFile.Outages outages(ScenarioFile.Outages o, String path) throws Invalid {
        OutageConfig none = OutageConfig.NONE;
        if (o == null) {
            return new ScenarioFile.Outages(List.of(), none.meanUpSeconds(), none.meanDownSeconds(),
                    none.persistentStorage());
        }
        List<ScenarioFile.DownPeriod> scheduled = o.scheduled() == null ? List.of() : o.scheduled();
        for (int i = 0; i < scheduled.size(); i++) {
            String periodPath = JsonPaths.element(JsonPaths.field(path, "scheduled"), i);
            required(scheduled.get(i).startSeconds(), periodPath, ScenarioFile.DownPeriod.class, "startSeconds");
            required(scheduled.get(i).endSeconds(), periodPath, ScenarioFile.DownPeriod.class, "endSeconds");
        }
        return new ScenarioFile.Outages(scheduled, or(o.meanUpSeconds(), none.meanUpSeconds()),
                or(o.meanDownSeconds(), none.meanDownSeconds()), or(o.persistentStorage(), true));
    }

    private static Workload workload(Workload w) throws Invalid {
        return new Workload(
                required(w.subscribersPerStation(), "workload", Workload.class, "subscribersPerStation"),
                required(w.backupArrivalsPerSecond(), "workload", Workload.class, "backupArrivalsPerSecond"),
                required(w.userDataBytes(), "workload", Workload.class, "userDataBytes").resolved("workload.userDataBytes"),
                or(w.bytesPerRecord(), DEFAULT_BYTES_PER_RECORD),
                or(w.restoreShare(), 0.0),
                w.restoreDelaySeconds() == null ? new Distribution.Fixed(0.0)
                        : w.restoreDelaySeconds().resolved("workload.restoreDelaySeconds"),
                or(w.wrongPasswordProbability(), 0.0),
                or(w.restoreAfter(), RestoreAfter.DEFAULT),
                w.relocation() == null ? DEFAULT_RELOCATION : w.relocation().resolved("workload.relocation"));
    }

    /** {@code value}, or {@code fallback} where it is left out. */
    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code value} of required top-level field {@code field}. */
    private static <T> T required(T value, String field) throws Invalid {
        return required(value, "", ScenarioFile.class, field);
    }

    /** {@code value} of required field {@code field} of the object at {@code parent}, bound to record {@code owner}. */
    static <T> T required(T value, String parent, Class<?> owner, String field) throws Invalid {
        return requiredOf(value, parent, field, Allowed.of(owner, field));
    }

    /** {@code value} of required field {@code field} of the object at {@code parent}, which accepts {@code allowed}. */
    static <T> T requiredOf(T value, String parent, String field, String allowed) throws Invalid {
        if (value == null) {
            throw Invalid.at(JsonPaths.field(parent, field), "required field missing", allowed);
        }
        return value;
    }
}
