package io.radiolink.simulation;

import io.radiolink.engine.Engine;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.node.StationListeners;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.node.AuthListener;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.Range;
import io.radiolink.random.RandomStreams;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadConfig;
import io.radiolink.workload.WorkloadGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * An experiment ready to run: replications of a model built from a {@link SimulationConfig}, standalone
 * on an {@link Engine} (sequentially or on several threads, with identical results) or hosted on a
 * scheduler someone else runs.
 *
 * <p>A replication is a pure function of the configuration and its index: it builds its own stations,
 * service, workload generators and statistics from {@code RandomStreams(seed, index)}, runs until no
 * event is left (arrivals stop at the run length; flows in progress run to their outcome), and returns
 * a serializable {@link ReplicationResult}.
 */
public final class Simulation {

    private final SimulationConfig config;
    private final Engine engine;
    private final FlowListener flowListener;
    private final AirListener airListener;
    private final AuthListener authListener;
    private final Consumer<ReplicationModel> script;
    private final double seriesBinSeconds;

    private Simulation(SimulationConfig config, Engine engine, FlowListener flowListener, AirListener airListener,
            AuthListener authListener, Consumer<ReplicationModel> script, double seriesBinSeconds) {
        this.config = config;
        this.seriesBinSeconds = seriesBinSeconds;
        this.engine = engine;
        this.flowListener = flowListener;
        this.airListener = airListener;
        this.authListener = authListener;
        this.script = script;
    }

    /** A builder with no stations, one replication, seed 1 and the lean engine. */
    public static Builder builder() {
        return new Builder();
    }

    /** What this simulation runs. */
    public SimulationConfig config() {
        return config;
    }

    /**
     * The width of the bins of each replication's {@link ReplicationResult#series()}, 0 for none (the result's
     * series is then {@link BinnedSeries#NONE}).
     */
    public double seriesBinSeconds() {
        return seriesBinSeconds;
    }

    /** Runs every replication in this thread, one after the other. */
    public SimulationResult run() {
        List<ReplicationResult> results = new ArrayList<>();
        for (int r = 0; r < config.replications(); r++) {
            results.add(runReplication(r));
        }
        return SimulationResult.of(config, results);
    }

    /**
     * Runs the replications on {@code threads} threads ({@link ParallelTasks}); the result equals that of
     * {@link #run()}. The flow, air and authentication listeners given to the builder are then called from several threads,
     * each replication's events from the thread running it, with no replication index: such a listener
     * must be safe for concurrent calls and keep replications apart itself (or use {@link #run()}). With one
     * thread, this is {@link #run()}.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public SimulationResult run(int threads) {
        if (threads == 1) {
            return run();
        }
        return SimulationResult.of(config,
                ParallelTasks.run(config.replications(), threads, this::runReplication, ParallelTasks.Completion.NONE));
    }

    /**
     * Runs replication {@code replication} on this simulation's engine, in this thread.
     *
     * @param replication in [0, {@code config().replications()})
     * @throws IllegalArgumentException if {@code replication} is outside that range
     */
    public ReplicationResult runReplication(int replication) {
        checkReplication(replication);
        ReplicationModel[] model = new ReplicationModel[1];
        engine.run(Double.POSITIVE_INFINITY, scheduler -> model[0] = install(scheduler, replication));
        return model[0].finish();
    }

    /**
     * Builds replication {@code replication} on a scheduler that the caller runs (hosted mode, e.g.
     * {@code DsolScheduler.hostedOn(simulator)} in a DSOL model's {@code constructModel()}); the
     * current time must be 0. Run the scheduler until it is empty, then call
     * {@link ReplicationModel#finish()}.
     */
    public ReplicationModel install(Scheduler scheduler, int replication) {
        Objects.requireNonNull(scheduler, "scheduler");
        checkReplication(replication);
        RandomStreams streams = new RandomStreams(config.seed(), replication);
        StatsConnector statistics = new StatsConnector(scheduler, replication, config.seed(),
                config.warmupSeconds(), config.runLengthSeconds(), seriesBinSeconds);
        StationListeners observers = statistics.stationListeners(airListener, authListener);
        List<BaseStation> stations = new ArrayList<>();
        for (StationConfig station : config.stations()) {
            BaseStation built = new BaseStation(station, scheduler, streams, observers);
            built.scheduleOutages(config.runLengthSeconds());
            statistics.observeCell(built.cell());
            stations.add(built);
        }
        Storage storage = Storage.of(config.storage(), stations, scheduler, streams, observers.store(),
                config.runLengthSeconds());
        storage.backhauls().values().forEach(statistics::observeBackhaul);
        FlowListeners listeners = new FlowListeners(statistics.flowListener(), flowListener);
        FlowRecords records = new FlowRecords(listeners, scheduler::nowSeconds);
        BackupService service = new BackupService(scheduler, config.protocol(), records, records, storage::accessOf);
        if (config.workload() != null) {
            for (int i = 0; i < stations.size(); i++) {
                WorkloadGenerator generator = new WorkloadGenerator(config.workload(), stations, i, service,
                        scheduler, streams, config.runLengthSeconds(), statistics.workloadListener());
                listeners.add(generator);
                generator.start();
            }
        }
        ReplicationModel model = new ReplicationModel(replication, scheduler, streams, stations, service, statistics,
                storage, records);
        ScriptedFlows.schedule(config.scriptedFlows(), model, statistics.workloadListener());
        script.accept(model);
        return model;
    }

    private void checkReplication(int replication) {
        Range.wholeBetween(0, config.replications() - 1L).check("replication", replication);
    }

    /** Builds a {@link Simulation}; every setter returns the builder. */
    public static final class Builder {
        private final List<StationConfig> stations = new ArrayList<>();
        private ProtocolConfig protocol;
        private AirInterface airInterface;
        private WorkloadConfig workload;
        private double runLengthSeconds = Double.NaN;
        private double warmupSeconds;
        private int replications = 1;
        private long seed = 1;
        private Engine engine;
        private FlowListener flowListener = FlowListener.NONE;
        private AirListener airListener = AirListener.NONE;
        private AuthListener authListener = AuthListener.NONE;
        private Consumer<ReplicationModel> script = model -> {};
        private final List<ScriptedFlow> scriptedFlows = new ArrayList<>();
        private StorageMode storage = SimulationConfig.DEFAULT_STORAGE;
        private OptionalDouble seriesBinSeconds = OptionalDouble.empty();

        private Builder() {}

        /** Takes every setting of {@code config}: stations, protocol, workload, run control, seed. */
        public Builder config(SimulationConfig config) {
            Objects.requireNonNull(config, "config");
            stations.clear();
            stations.addAll(config.stations());
            protocol = config.protocol();
            workload = config.workload();
            runLengthSeconds = config.runLengthSeconds();
            warmupSeconds = config.warmupSeconds();
            replications = config.replications();
            seed = config.seed();
            scriptedFlows.clear();
            scriptedFlows.addAll(config.scriptedFlows());
            storage = config.storage();
            return this;
        }

        /** Where the network keeps its subscribers' copies (default: each station its own). */
        public Builder storage(StorageMode mode) {
            this.storage = Objects.requireNonNull(mode, "storage");
            return this;
        }

        /** Adds a flow started at a fixed time in every replication. */
        public Builder scriptedFlow(ScriptedFlow flow) {
            scriptedFlows.add(Objects.requireNonNull(flow, "flow"));
            return this;
        }

        /** Takes the profile's protocol settings and air interface (for {@link #station(String, int, long)}). */
        public Builder profile(Profile profile) {
            Objects.requireNonNull(profile, "profile");
            this.protocol = profile.protocolConfig();
            this.airInterface = profile.airInterface();
            return this;
        }

        /** The protocol settings (overrides the profile's). */
        public Builder protocol(ProtocolConfig config) {
            this.protocol = Objects.requireNonNull(config, "protocol");
            return this;
        }

        /** The air interface of stations added with {@link #station(String, int, long)} (overrides the profile's). */
        public Builder airInterface(AirInterface air) {
            this.airInterface = Objects.requireNonNull(air, "airInterface");
            return this;
        }

        /** Adds a station. */
        public Builder station(StationConfig station) {
            stations.add(Objects.requireNonNull(station, "station"));
            return this;
        }

        /** Adds a station with the builder's air interface that clears copies after download. */
        public Builder station(String id, int channels, long storageCapacityBytes) {
            Objects.requireNonNull(id, "id");
            if (airInterface == null) {
                throw new IllegalStateException("set a profile or an air interface before adding stations by size");
            }
            return station(StationConfig.of(id, channels, storageCapacityBytes, airInterface));
        }

        /** The demand on every station. */
        public Builder workload(WorkloadConfig config) {
            this.workload = Objects.requireNonNull(config, "workload");
            return this;
        }

        /** Arrivals stop at this time. */
        public Builder runLengthSeconds(double seconds) {
            this.runLengthSeconds = seconds;
            return this;
        }

        /** Flows starting before this time are not counted (default 0). */
        public Builder warmupSeconds(double seconds) {
            this.warmupSeconds = seconds;
            return this;
        }

        /** Number of replications (default 1). */
        public Builder replications(int count) {
            this.replications = count;
            return this;
        }

        /** The experiment's seed (default 1). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * The engine for standalone runs (default: a new {@link LeanEngine}; {@code new DsolEngine()} runs
         * each replication in a DSOL simulator, with identical results, and needs dsol-core).
         */
        public Builder engine(Engine value) {
            this.engine = Objects.requireNonNull(value, "engine");
            return this;
        }

        /** Told of every flow of every replication, after the statistics. */
        public Builder flowListener(FlowListener listener) {
            this.flowListener = Objects.requireNonNull(listener, "flowListener");
            return this;
        }

        /** Told of every unit put on the air in every replication (costly: use it for traces and tests). */
        public Builder airListener(AirListener listener) {
            this.airListener = Objects.requireNonNull(listener, "airListener");
            return this;
        }

        /** Told of every station's authentication decisions in every replication, after the statistics. */
        public Builder authListener(AuthListener listener) {
            this.authListener = Objects.requireNonNull(listener, "authListener");
            return this;
        }

        /**
         * The width of the bins of each replication's time-binned series ({@link ReplicationResult#series()});
         * 0 keeps none. Default: {@link BinnedSeries#defaultBinSeconds} of the run length (at most 200 bins).
         * The series only listens: no other number of the result depends on it.
         *
         * @param seconds 0, or a time in seconds giving at most {@link BinnedSeries#MAX_BINS} bins over the run
         *     length (checked by {@link #build()})
         * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds} if it is not finite
         *     and >= 0
         */
        public Builder seriesBinSeconds(double seconds) {
            this.seriesBinSeconds = OptionalDouble.of(BinnedSeries.BIN_SECONDS.check("seriesBinSeconds", seconds));
            return this;
        }

        /** Runs at time 0 of every replication, after the model is built: start flows of your own here. */
        public Builder script(Consumer<ReplicationModel> value) {
            this.script = Objects.requireNonNull(value, "script");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds} if the series width
         *     gives more than {@link BinnedSeries#MAX_BINS} bins over the run length
         */
        public Simulation build() {
            if (protocol == null) {
                throw new IllegalStateException("set a profile or protocol settings");
            }
            SimulationConfig config = new SimulationConfig(stations, protocol, workload, runLengthSeconds,
                    warmupSeconds, replications, seed, scriptedFlows, storage);
            double binSeconds = BinnedSeries.checkBinSeconds(
                    seriesBinSeconds.orElseGet(() -> BinnedSeries.defaultBinSeconds(config.runLengthSeconds())),
                    config.runLengthSeconds());
            return new Simulation(config, engine == null ? new LeanEngine() : engine, flowListener, airListener,
                    authListener, script, binSeconds);
        }
    }
}
