package io.radiolink.simulation;

import io.radiolink.node.StationConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Nulls;
import io.radiolink.radio.Range;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines an experiment: the topology, the protocol, the workload and run control.
 *
 * @param stations the base stations, with unique ids, at least one
 * @param protocol the protocol settings of every terminal and station
 * @param workload the generated demand on every station, or null for none (flows are then started
 *     by a script, see {@link Simulation.Builder#script}); its relocation model must fit the stations
 * @param runLengthSeconds arrivals stop at this time; flows in progress then run to their outcome
 * @param warmupSeconds flows starting before this time are not counted, in [0, runLengthSeconds)
 * @param replications independent replications, >= 1
 * @param seed the experiment's seed; replication {@code r} draws from {@code RandomStreams(seed, r)}
 * @param scriptedFlows flows started at fixed times in every replication, beside the workload
 * @param storage where the network keeps its subscribers' copies ({@link #DEFAULT_STORAGE}: each station its
 *     own); a network store's per-station attachments must name stations
 */
public record SimulationConfig(
        List<StationConfig> stations,
        ProtocolConfig protocol,
        WorkloadConfig workload,
        double runLengthSeconds,
        double warmupSeconds,
        int replications,
        long seed,
        List<ScriptedFlow> scriptedFlows,
        StorageMode storage) {

    /** Station storage, today's reading of the claims. */
    public static final StorageMode DEFAULT_STORAGE = new StorageMode.Station();

    /** Run lengths. */
    public static final Range RUN_LENGTH_SECONDS = Range.positiveSeconds();
    /** Warm-ups (also below the run length). */
    public static final Range WARMUP_SECONDS = Range.seconds();
    /** Replications. */
    public static final Range REPLICATIONS = Range.wholeAtLeast(1);

    /** Validates every field and copies the station list. */
    public SimulationConfig {
        stations = List.copyOf(Nulls.noneIn(stations, "stations"));
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("stations must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (StationConfig station : stations) {
            if (!ids.add(station.id())) {
                throw new IllegalArgumentException("station ids must be unique, '" + station.id() + "' repeats");
            }
        }
        Objects.requireNonNull(protocol, "protocol");
        if (workload != null) {
            workload.relocation().requireStations(stations.size());
        }
        RUN_LENGTH_SECONDS.check("runLengthSeconds", runLengthSeconds);
        WARMUP_SECONDS.check("warmupSeconds", warmupSeconds);
        if (!(warmupSeconds < runLengthSeconds)) {
            throw new InvalidFieldException("warmupSeconds", Double.toString(warmupSeconds),
                    "must be < runLengthSeconds, was " + warmupSeconds + " >= " + runLengthSeconds,
                    WARMUP_SECONDS.describe() + " and < runLengthSeconds");
        }
        REPLICATIONS.check("replications", replications);
        scriptedFlows = List.copyOf(Nulls.noneIn(scriptedFlows, "scriptedFlows"));
        for (ScriptedFlow flow : scriptedFlows) {
            if (!ids.contains(flow.stationId())) {
                throw new IllegalArgumentException("a scripted flow names station '" + flow.stationId()
                        + "', which does not exist; stations: " + ids.stream().sorted().toList());
            }
            if (flow.atSeconds() > runLengthSeconds) {
                throw new IllegalArgumentException("a scripted flow starts at " + flow.atSeconds()
                        + " s, after runLengthSeconds " + runLengthSeconds);
            }
        }
        Objects.requireNonNull(storage, "storage").requireStations(ids);
    }

    /** A configuration with station storage. */
    public SimulationConfig(List<StationConfig> stations, ProtocolConfig protocol, WorkloadConfig workload,
            double runLengthSeconds, double warmupSeconds, int replications, long seed,
            List<ScriptedFlow> scriptedFlows) {
        this(stations, protocol, workload, runLengthSeconds, warmupSeconds, replications, seed, scriptedFlows,
                DEFAULT_STORAGE);
    }

    /** The same experiment with another storage mode. */
    public SimulationConfig withStorage(StorageMode mode) {
        return new SimulationConfig(stations, protocol, workload, runLengthSeconds, warmupSeconds, replications,
                seed, scriptedFlows, mode);
    }

    /** A configuration without scripted flows. */
    public SimulationConfig(List<StationConfig> stations, ProtocolConfig protocol, WorkloadConfig workload,
            double runLengthSeconds, double warmupSeconds, int replications, long seed) {
        this(stations, protocol, workload, runLengthSeconds, warmupSeconds, replications, seed, List.of());
    }
}
