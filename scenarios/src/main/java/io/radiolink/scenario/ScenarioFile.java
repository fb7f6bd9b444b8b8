package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.OutageConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.ArqMode;
import io.radiolink.protocol.AuthMode;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.SchedulingPolicies;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.workload.RestoreAfter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A scenario file as Jackson binds it: plain records, a field left out is null, nothing validated.
 *
 * <p>{@link Resolver} fills in the defaults and {@link ModelBuilder} validates and builds the model; a
 * variant of a loss model or distribution resolves and builds itself, so that a new variant cannot be
 * forgotten. {@code scenarios/FORMAT.md} documents every field, {@link Allowed} says in a few words what
 * each accepts.
 *
 * @param name a label for reports
 * @param description free text
 * @param seed the experiment's seed
 * @param replications replications per sweep point
 * @param engine the engine that runs each replication
 * @param runLengthSeconds arrivals stop at this time
 * @param warmupSeconds flows starting before this time are not counted
 * @param profile the source of every air interface and protocol default
 * @param airInterface the radio interface of every station
 * @param protocol ARQ, control retries, authentication, chunks and resume
 * @param stations the base stations
 * @param storage where user data lives; left out (null even once resolved), station storage without peer
 *     fetch, so that a scenario written before issue 13 resolves and reports as it did
 * @param workload the demand on every station
 * @param flows flows started at fixed times, beside or instead of the workload
 * @param sweep the parameter grid
 */
record ScenarioFile(
        String name,
        String description,
        Long seed,
        Integer replications,
        EngineChoice engine,
        Double runLengthSeconds,
        Double warmupSeconds,
        Profile profile,
        Air airInterface,
        Protocol protocol,
        List<Station> stations,
        Storage storage,
        Workload workload,
        List<Flow> flows,
        Sweep sweep) {

    /** The same scenario with another seed and replication count. */
    ScenarioFile withRunControl(long newSeed, int newReplications) {
        return new ScenarioFile(name, description, newSeed, newReplications, engine, runLengthSeconds,
                warmupSeconds, profile, airInterface, protocol, stations, storage, workload, flows, sweep);
    }

    /** The air interface section: both links and the connection's life cycle. */
    record Air(
            Link uplink,
            Link downlink,
            Double setupDelaySeconds,
            Double setupFailureProbability,
            Double meanTimeToFailureSeconds,
            Double releaseDelaySeconds,
            RandomAccess randomAccess,
            Capacity capacity) {}

    /**
     * How a cell's capacity reaches its connections, named by its {@code mode} property: a channel per
     * connection, or each direction's capacity shared by a scheduler.
     */
    @Kind("capacity mode")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "mode")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Capacity.Dedicated.class, name = "dedicated"),
        @JsonSubTypes.Type(value = Capacity.Shared.class, name = "shared")})
    sealed interface Capacity {
        /** This mode with its defaults filled in from {@code profile}'s capacity, its required fields checked; at {@code path}. */
        Capacity resolved(String path, CellCapacity profile) throws Invalid;

        /** The model's capacity mode; core checks the ranges. */
        CellCapacity toModel(String path) throws Invalid;

        /** One channel per connection, each link at its full rate. */
        record Dedicated() implements Capacity {
            @Override
            public Capacity resolved(String path, CellCapacity profile) {
                return this;
            }

            @Override
            public CellCapacity toModel(String path) {
                return AirInterface.DEDICATED;
            }
        }

        /**
         * Each direction's capacity shared by its active connections; the capacities default to the
         * profile's where it is shared, the scheduler to processor sharing.
         */
        record Shared(Double uplinkBitsPerSecond, Double downlinkBitsPerSecond, Scheduler scheduler)
                implements Capacity {
            @Override
            public Capacity resolved(String path, CellCapacity profile) throws Invalid {
                Shared defaults = profile instanceof CellCapacity.Shared shared ? Resolver.capacityOf(shared) : null;
                Double uplink = Resolver.or(uplinkBitsPerSecond, defaults == null ? null : defaults.uplinkBitsPerSecond());
                Double downlink = Resolver.or(downlinkBitsPerSecond,
                        defaults == null ? null : defaults.downlinkBitsPerSecond());
                Scheduler policy = scheduler != null ? scheduler.resolved(JsonPaths.field(path, "scheduler"))
                        : defaults != null ? defaults.scheduler() : Resolver.DEFAULT_SCHEDULER;
                return new Shared(Resolver.required(uplink, path, Shared.class, "uplinkBitsPerSecond"),
                        Resolver.required(downlink, path, Shared.class, "downlinkBitsPerSecond"), policy);
            }

            @Override
            public CellCapacity toModel(String path) throws Invalid {
                SchedulingPolicy policy = scheduler.toModel(JsonPaths.field(path, "scheduler"));
                return ModelBuilder.construct(path, Shared.class, Map.of(),
                        () -> new CellCapacity.Shared(uplinkBitsPerSecond, downlinkBitsPerSecond, policy));
            }
        }
    }

    /**
     * How a shared direction's capacity is shared, named by its {@code policy} property: the names are
     * those of {@link SchedulingPolicies} ({@code CapacityFormatTest} holds the two lists equal).
     */
    @Kind("scheduling policy")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "policy")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Scheduler.ProcessorSharing.class, name = "processorSharing"),
        @JsonSubTypes.Type(value = Scheduler.RoundRobin.class, name = "roundRobin")})
    sealed interface Scheduler {
        /** This policy with its required fields checked, at {@code path}. */
        Scheduler resolved(String path) throws Invalid;

        /** The model's policy; core checks the ranges. */
        SchedulingPolicy toModel(String path) throws Invalid;

        /** Fluid, equal shares, each capped at its terminal's rate. */
        record ProcessorSharing() implements Scheduler {
            @Override
            public Scheduler resolved(String path) {
                return this;
            }

            @Override
            public SchedulingPolicy toModel(String path) {
                return new io.radiolink.radio.share.ProcessorSharing();
            }
        }

        /** The whole capacity to one busy connection per transmission interval, in turn. */
        record RoundRobin(Double intervalSeconds) implements Scheduler {
            @Override
            public Scheduler resolved(String path) throws Invalid {
                Resolver.required(intervalSeconds, path, RoundRobin.class, "intervalSeconds");
                return this;
            }

            @Override
            public SchedulingPolicy toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, RoundRobin.class, Map.of(),
                        () -> new io.radiolink.radio.share.RoundRobin(intervalSeconds));
            }
        }
    }

    /** Contention for access slots. */
    record RandomAccess(Double slotSeconds, Integer preambles, Integer backoffWindowSlots, Integer maxAttempts) {}

    /** One direction of the air interface. */
    record Link(
            Double rateBitsPerSecond,
            Double propagationDelaySeconds,
            Integer framePayloadBytes,
            Integer frameHeaderBytes,
            Integer controlFrameBytes,
            Loss loss,
            Corruption corruption) {}

    /** Bit errors apart from loss: detected ones are discarded, undetected ones reach the digest. */
    record Corruption(Double probability, Double undetectedProbability) {}

    /** A loss model, named by its {@code model} property. */
    @Kind("loss model")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "model")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Loss.None.class, name = "none"),
        @JsonSubTypes.Type(value = Loss.Bernoulli.class, name = "bernoulli"),
        @JsonSubTypes.Type(value = Loss.GilbertElliott.class, name = "gilbertElliott")})
    sealed interface Loss {
        /** This loss model with its defaults filled in, its required fields checked; at {@code path}. */
        Loss resolved(String path) throws Invalid;

        /** The model's loss model; core checks the ranges. */
        LossModel toModel(String path) throws Invalid;

        /** Nothing is lost. */
        record None() implements Loss {
            @Override
            public Loss resolved(String path) {
                return this;
            }

            @Override
            public LossModel toModel(String path) {
                return NoLoss.INSTANCE;
            }
        }

        /** Each unit lost independently. */
        record Bernoulli(Double probability) implements Loss {
            @Override
            public Loss resolved(String path) throws Invalid {
                return new Bernoulli(Resolver.required(probability, path, Bernoulli.class, "probability"));
            }

            @Override
            public LossModel toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, Bernoulli.class, Map.of("lossProbability", "probability"),
                        () -> new BernoulliLoss(probability));
            }
        }

        /** A two-state Markov chain of loss; by default Gilbert's: nothing lost when good, all when bad. */
        record GilbertElliott(Double goodToBadProbability, Double badToGoodProbability, Double lossInGood,
                Double lossInBad) implements Loss {
            @Override
            public Loss resolved(String path) throws Invalid {
                return new GilbertElliott(
                        Resolver.required(goodToBadProbability, path, GilbertElliott.class, "goodToBadProbability"),
                        Resolver.required(badToGoodProbability, path, GilbertElliott.class, "badToGoodProbability"),
                        Resolver.or(lossInGood, 0.0),
                        Resolver.or(lossInBad, 1.0));
            }

            @Override
            public LossModel toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, GilbertElliott.class, Map.of(), () -> new GilbertElliottLoss(
                        goodToBadProbability, badToGoodProbability, lossInGood, lossInBad));
            }
        }
    }

    /** The protocol section. */
    record Protocol(Arq arq, Control control, Auth auth, Chunks chunks, Resume resume) {}

    /** Authentication and lock-out. */
    record Auth(AuthMode scheme, Integer maxFailedAttempts, Double lockoutSeconds) {}

    /** Chunked transfer with per-chunk digests and repair rounds. */
    record Chunks(Long chunkBytes, Integer repairRounds) {}

    /** Reconnection after a failed connection, retries of refused attempts, and resuming from the verified prefix. */
    record Resume(Integer attempts, Double backoffSeconds, Double backoffMultiplier, Double maxBackoffSeconds,
            Double jitter, Boolean fromOffset, Double holdSeconds, Boolean retryAccess) {}

    /** The data transfer's ARQ. */
    record Arq(ArqMode mode, Integer windowFrames, Double retransmissionTimeoutSeconds, Integer retryLimit) {}

    /** Retries of control messages. */
    record Control(Double timeoutSeconds, Integer retryLimit) {}

    /** One base station, or {@code count} alike. */
    record Station(String id, Integer count, Integer channels, Long storageCapacityBytes, Boolean clearAfterDownload,
            Outages outages, Double retentionSeconds) {}

    /** When a station is down, and whether its store survives. */
    record Outages(List<DownPeriod> scheduled, Double meanUpSeconds, Double meanDownSeconds,
            Boolean persistentStorage) {}

    /** A scheduled down period. */
    record DownPeriod(Double startSeconds, Double endSeconds) {}

    /**
     * Where user data lives, named by its {@code mode} property ({@link StorageMode}): each station's own
     * store, or one subscriber store behind the stations.
     */
    @Kind("storage mode")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "mode")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Storage.Station.class, name = "station"),
        @JsonSubTypes.Type(value = Storage.Network.class, name = "network")})
    sealed interface Storage {
        /** This mode with its defaults filled in, its required fields checked; at {@code path}. */
        Storage resolved(String path) throws Invalid;

        /** The model's storage mode for the stations {@code stationIds} (after count expansion); core checks the ranges. */
        StorageMode toModel(String path, List<String> stationIds) throws Invalid;

        /** Each station stores what it received; with {@code peerFetch}, a station fetches a copy another holds. */
        record Station(Backhaul peerFetch) implements Storage {
            @Override
            public Storage resolved(String path) throws Invalid {
                return new Station(peerFetch == null ? null
                        : peerFetch.resolved(JsonPaths.field(path, "peerFetch"), Backhaul.DEFAULTS));
            }

            @Override
            public StorageMode toModel(String path, List<String> stationIds) throws Invalid {
                return peerFetch == null ? new StorageMode.Station()
                        : new StorageMode.Station(Optional.of(peerFetch.toModel(JsonPaths.field(path, "peerFetch"))));
            }
        }

        /** One subscriber store behind every station, each station attached by a backhaul. */
        record Network(Long capacityBytes, Double retentionSeconds, Outages outages, Backhaul backhaul, RelayMode relay,
                List<Attachment> perStation) implements Storage {
            @Override
            public Storage resolved(String path) throws Invalid {
                Backhaul shared = Resolver.required(backhaul, path, Network.class, "backhaul")
                        .resolved(JsonPaths.field(path, "backhaul"), Backhaul.DEFAULTS);
                RelayMode sharedRelay = Resolver.or(relay, RelayMode.STORE_AND_FORWARD);
                // An entry inherits what the file wrote for the shared backhaul, not what was resolved for it: a
                // timeout the file left out is the default for the entry's own delay, not the shared one's.
                Backhaul inherited = new Backhaul(backhaul.rateBitsPerSecond(), backhaul.propagationDelaySeconds(),
                        Resolver.or(backhaul.lossProbability(), Backhaul.DEFAULTS.lossProbability()),
                        backhaul.retransmissionTimeoutSeconds(), backhaul.outages());
                List<Attachment> attachments = new ArrayList<>();
                List<Attachment> given = perStation == null ? List.of() : perStation;
                for (int i = 0; i < given.size(); i++) {
                    Attachment a = given.get(i);
                    String at = JsonPaths.element(JsonPaths.field(path, "perStation"), i);
                    attachments.add(new Attachment(Resolver.required(a.station(), at, Attachment.class, "station"),
                            a.backhaul() == null ? shared : a.backhaul().resolved(JsonPaths.field(at, "backhaul"), inherited),
                            Resolver.or(a.relay(), sharedRelay)));
                }
                return new Network(Resolver.required(capacityBytes, path, Network.class, "capacityBytes"),
                        Resolver.or(retentionSeconds, Double.POSITIVE_INFINITY),
                        Resolver.outages(outages, JsonPaths.field(path, "outages")), shared, sharedRelay, attachments);
            }

            @Override
            public StorageMode toModel(String path, List<String> stationIds) throws Invalid {
                OutageConfig storeOutages = ModelBuilder.outages(outages, JsonPaths.field(path, "outages"));
                StorageMode.Attachment shared = new StorageMode.Attachment(
                        backhaul.toModel(JsonPaths.field(path, "backhaul")), relay);
                Map<String, StorageMode.Attachment> attached = new TreeMap<>();
                Map<String, Integer> attachedBy = new HashMap<>();
                for (int i = 0; i < perStation.size(); i++) {
                    Attachment a = perStation.get(i);
                    String at = JsonPaths.element(JsonPaths.field(path, "perStation"), i);
                    String stationPath = JsonPaths.field(at, "station");
                    ModelBuilder.requireStation(a.station(), stationIds, stationPath);
                    Integer earlier = attachedBy.putIfAbsent(a.station(), i);
                    if (earlier != null) {
                        throw Invalid.at(stationPath, "station '" + a.station() + "' already attached by "
                                + JsonPaths.element(JsonPaths.field(path, "perStation"), earlier),
                                "each station attached once");
                    }
                    attached.put(a.station(), new StorageMode.Attachment(
                            a.backhaul().toModel(JsonPaths.field(at, "backhaul")), a.relay()));
                }
                return ModelBuilder.construct(path, Network.class, Map.of(), () -> new StorageMode.Network(
                        capacityBytes, storeOutages, retentionSeconds, shared, attached));
            }
        }
    }

    /**
     * A station's backhaul to the store ({@link BackhaulConfig}), both directions alike; its queue is
     * unbounded (the store's traffic has no drop policy).
     */
    record Backhaul(Double rateBitsPerSecond, Double propagationDelaySeconds, Double lossProbability,
            Double retransmissionTimeoutSeconds, Outages outages) {

        /**
         * The defaults of the fields a backhaul may leave out: lossless, never down; the timeout is
         * {@link #defaultTimeoutSeconds}.
         */
        static final Backhaul DEFAULTS = new Backhaul(null, null, 0.0, null, null);

        /**
         * This backhaul with the fields it leaves out taken from {@code defaults} (a perStation entry's: the
         * shared backhaul as the file wrote it), its required fields checked; a timeout neither gives is
         * {@link #defaultTimeoutSeconds} of this backhaul's own delay.
         */
        Backhaul resolved(String path, Backhaul defaults) throws Invalid {
            double delay = Resolver.required(Resolver.or(propagationDelaySeconds, defaults.propagationDelaySeconds()),
                    path, Backhaul.class, "propagationDelaySeconds");
            Double timeout = Resolver.or(retransmissionTimeoutSeconds, defaults.retransmissionTimeoutSeconds());
            return new Backhaul(
                    Resolver.required(Resolver.or(rateBitsPerSecond, defaults.rateBitsPerSecond()), path, Backhaul.class,
                            "rateBitsPerSecond"),
                    delay,
                    Resolver.or(lossProbability, defaults.lossProbability()),
                    timeout != null ? timeout : defaultTimeoutSeconds(delay),
                    Resolver.outages(Resolver.or(outages, defaults.outages()), JsonPaths.field(path, "outages")));
        }

        /**
         * TCP's initial timeout (RFC 6298), or the round trip where that is longer, so that a lossy backhaul
         * that leaves its timeout out is valid whatever its delay.
         */
        static double defaultTimeoutSeconds(double propagationDelaySeconds) {
            return Math.max(BackhaulConfig.DEFAULT_RETRANSMISSION_TIMEOUT_SECONDS, 2 * propagationDelaySeconds);
        }

        /** The model's backhaul; core checks the ranges. */
        BackhaulConfig toModel(String path) throws Invalid {
            OutageConfig down = ModelBuilder.outages(outages, JsonPaths.field(path, "outages"));
            return ModelBuilder.construct(path, Backhaul.class, Map.of(), () -> new BackhaulConfig(rateBitsPerSecond,
                    propagationDelaySeconds, BackhaulConfig.UNBOUNDED, lossProbability, retransmissionTimeoutSeconds,
                    down));
        }
    }

    /** A station attached to the network store otherwise than the others: its own backhaul or relay. */
    record Attachment(String station, Backhaul backhaul, RelayMode relay) {}

    /** The demand on every station. */
    record Workload(
            Integer subscribersPerStation,
            Double backupArrivalsPerSecond,
            Distribution userDataBytes,
            Integer bytesPerRecord,
            Double restoreShare,
            Distribution restoreDelaySeconds,
            Double wrongPasswordProbability,
            RestoreAfter restoreAfter,
            Relocation relocation) {}

    /** Where a restore's replacement phone is, named by its {@code model} property. */
    @Kind("relocation model")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "model")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Relocation.SameCell.class, name = "sameCell"),
        @JsonSubTypes.Type(value = Relocation.Matrix.class, name = "matrix")})
    sealed interface Relocation {
        /** This model with its required fields checked, at {@code path}. */
        Relocation resolved(String path) throws Invalid;

        /** The model's relocation model; core checks the ranges. */
        io.radiolink.workload.Relocation toModel(String path) throws Invalid;

        /** The home station with a probability, else one of the others, uniformly. */
        record SameCell(Double probability) implements Relocation {
            @Override
            public Relocation resolved(String path) throws Invalid {
                Resolver.required(probability, path, SameCell.class, "probability");
                return this;
            }

            @Override
            public io.radiolink.workload.Relocation toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, SameCell.class, Map.of(),
                        () -> new io.radiolink.workload.Relocation.SameCell(probability));
            }
        }

        /** A given matrix: row i the chances of the restore's station given the backup's station i. */
        record Matrix(List<List<Double>> rows) implements Relocation {
            @Override
            public Relocation resolved(String path) throws Invalid {
                Resolver.required(rows, path, Matrix.class, "rows");
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i) == null || rows.get(i).contains(null)) {
                        throw Invalid.at(JsonPaths.element(JsonPaths.field(path, "rows"), i), "must be a list of numbers",
                                Allowed.of(Matrix.class, "rows"));
                    }
                }
                return this;
            }

            @Override
            public io.radiolink.workload.Relocation toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, Matrix.class, Map.of(),
                        () -> new io.radiolink.workload.Relocation.Matrix(rows));
            }
        }
    }

    /** A distribution of sizes or delays, named by its {@code distribution} property. */
    @Kind("distribution")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "distribution")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Distribution.Fixed.class, name = "fixed"),
        @JsonSubTypes.Type(value = Distribution.Uniform.class, name = "uniform"),
        @JsonSubTypes.Type(value = Distribution.Exponential.class, name = "exponential"),
        @JsonSubTypes.Type(value = Distribution.LogNormal.class, name = "logNormal")})
    sealed interface Distribution {
        /** This distribution with its required fields checked, at {@code path}. */
        Distribution resolved(String path) throws Invalid;

        /** The model's distribution; core checks the ranges. */
        io.radiolink.workload.Distribution toModel(String path) throws Invalid;

        /** Always {@code value}. */
        record Fixed(Double value) implements Distribution {
            @Override
            public Distribution resolved(String path) throws Invalid {
                Resolver.required(value, path, Fixed.class, "value");
                return this;
            }

            @Override
            public io.radiolink.workload.Distribution toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, Fixed.class, Map.of(),
                        () -> new io.radiolink.workload.Distribution.Fixed(value));
            }
        }

        /** Uniform on [min, max]. */
        record Uniform(Double min, Double max) implements Distribution {
            @Override
            public Distribution resolved(String path) throws Invalid {
                Resolver.required(min, path, Uniform.class, "min");
                Resolver.required(max, path, Uniform.class, "max");
                return this;
            }

            @Override
            public io.radiolink.workload.Distribution toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, Uniform.class, Map.of(),
                        () -> new io.radiolink.workload.Distribution.Uniform(min, max));
            }
        }

        /** Exponential with a mean. */
        record Exponential(Double mean) implements Distribution {
            @Override
            public Distribution resolved(String path) throws Invalid {
                Resolver.required(mean, path, Exponential.class, "mean");
                return this;
            }

            @Override
            public io.radiolink.workload.Distribution toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, Exponential.class, Map.of(),
                        () -> new io.radiolink.workload.Distribution.Exponential(mean));
            }
        }

        /** Log-normal, given by exactly one pair: the mean and standard deviation of X, or of ln X. */
        record LogNormal(Double mean, Double stdDev, Double mu, Double sigma) implements Distribution {
            private static final String PAIR = "either mean and stdDev (of X) or mu and sigma (of ln X), exactly one pair";

            @Override
            public Distribution resolved(String path) throws Invalid {
                boolean moments = mean != null || stdDev != null;
                boolean logs = mu != null || sigma != null;
                if (moments && logs) {
                    String second = mu != null ? "mu" : "sigma";
                    throw Invalid.at(JsonPaths.field(path, second), "mean/stdDev and mu/sigma both given", PAIR);
                }
                if (logs) {
                    Resolver.requiredOf(mu, path, "mu", PAIR);
                    Resolver.requiredOf(sigma, path, "sigma", PAIR);
                } else {
                    Resolver.requiredOf(mean, path, "mean", PAIR);
                    Resolver.requiredOf(stdDev, path, "stdDev", PAIR);
                }
                return this;
            }

            @Override
            public io.radiolink.workload.Distribution toModel(String path) throws Invalid {
                return ModelBuilder.construct(path, LogNormal.class, Map.of(), () -> mean != null
                        ? io.radiolink.workload.Distribution.LogNormal.ofMeanAndStdDev(mean, stdDev)
                        : new io.radiolink.workload.Distribution.LogNormal(mu, sigma));
            }
        }
    }

    /** One flow started at a fixed time. */
    record Flow(Double atSeconds, FlowKind kind, String station, String phoneNumber, String storedNumber,
            Long sizeBytes, Integer recordCount, String password) {
        /** Every field but the password's value ({@link Redaction}). */
        @Override
        public String toString() {
            return "Flow[atSeconds=" + atSeconds + ", kind=" + kind + ", station=" + station + ", phoneNumber="
                    + phoneNumber + ", storedNumber=" + storedNumber + ", sizeBytes=" + sizeBytes + ", recordCount="
                    + recordCount + ", password=" + (password == null ? null : Redaction.MARKER) + "]";
        }
    }

    /** The sweep section. */
    record Sweep(List<Parameter> parameters) {}

    /** One swept field and its values. */
    record Parameter(String path, List<JsonNode> values) {}

    /**
     * The fields of a record of this format, sorted, with the type property of its sealed interface
     * (e.g. {@code model}) if it has one.
     */
    static List<String> fieldsOf(Class<?> type) {
        List<String> fields = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                fields.add(component.getName());
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
            if (info != null) {
                fields.add(info.property());
            }
        }
        fields.sort(null);
        return fields;
    }

    /** The names of a sealed type's variants, in declaration order (e.g. none, bernoulli, gilbertElliott). */
    static List<String> variantsOf(Class<?> sealedType) {
        return Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).toList();
    }

    /**
     * What an error message calls the variants of a sealed type of this format ("unknown loss model"):
     * every sealed type named by a type property carries one ({@code ScenarioFileTest} checks it).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Kind {
        String value();
    }

    /** What an error message calls a variant of {@code sealedType}, e.g. {@code loss model}. */
    static String kindOf(Class<?> sealedType) {
        Kind kind = sealedType.getAnnotation(Kind.class);
        if (kind == null) {
            throw new IllegalStateException(sealedType.getName() + " names no @Kind");
        }
        return kind.value();
    }

    /** The type property of a sealed type of this format, e.g. {@code model}. */
    static String typePropertyOf(Class<?> sealedType) {
        return sealedType.getAnnotation(JsonTypeInfo.class).property();
    }

}
