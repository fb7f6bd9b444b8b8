package io.radiolink.cli;

import io.radiolink.node.OutageConfig;
import io.radiolink.node.StationConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.simulation.SimulationConfig;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What running a scenario will cost, worked out from its configuration before anything runs: its units
 * (sweep points times replications), flows and events (the scheduler's actions), and the memory its
 * results and concurrent units hold. {@code docs/budget.md} derives the constants; {@code
 * WorkEstimateTest} checks the events against counts measured on every example.
 *
 * <p>Per unit, a station with a workload starts {@code arrivals * runLength} backups and
 * {@code restoreShare} as many restores (at most: by default only successful backups are restored); a
 * flow costs {@value #EVENTS_PER_FLOW} events and each data frame of its mean size
 * {@value #EVENTS_PER_FRAME}, the frames scaled by {@code 1 / (1 - loss)} for retransmissions; an outage
 * costs {@value #EVENTS_PER_OUTAGE} events, an access slot contention {@value #EVENTS_PER_ACCESS} per
 * attempt. On a cell shared by round robin every interval in which a unit is sent costs an event: a unit
 * of b bits takes at least {@code b / (min(C, cap) * interval)} intervals, so tiny intervals cost events
 * without bound (a scenario of 1e-9 s intervals once validated as "about 0 s" and ran for minutes).
 *
 * @param units sweep points times replications
 * @param flowsPerUnit flows one unit starts, the largest over the points
 * @param events actions of all units together
 * @param eventsPerUnit actions of the largest unit
 * @param memoryBytes memory the run holds at its peak on {@code threads} threads
 */
record WorkEstimate(long units, double flowsPerUnit, double events, double eventsPerUnit, double memoryBytes) {

    /** Events a flow costs apart from its data frames: set-up, request, complete, release, timers. */
    static final double EVENTS_PER_FLOW = 20;
    /** Events per data frame: its transmission's end and arrival, its acknowledgement's, its timer. */
    static final double EVENTS_PER_FRAME = 4;
    /** Events per outage: its start and its end. */
    static final double EVENTS_PER_OUTAGE = 2;
    /** Events per contention for an access slot. */
    static final double EVENTS_PER_ACCESS = 2;
    /** Memory a flow row kept for flows.csv takes. */
    static final double BYTES_PER_FLOW_ROW = 600;
    /** Memory a flow of a running unit takes (its terminal, records and statistics). */
    static final double BYTES_PER_FLOW = 400;
    /** Memory a subscriber slot of a running unit takes, whether or not it was picked. */
    static final double BYTES_PER_SUBSCRIBER_SLOT = 8;
    /** Memory a station of a running unit takes, and its results. */
    static final double BYTES_PER_STATION = 4_000;
    /**
     * Memory a sweep point takes from loading to the reports (its resolved scenario, configuration,
     * summary and report tree): a run of 10,000 one-replication points peaked at 2.2 GB live after GC.
     */
    static final double BYTES_PER_POINT = 250_000;

    /**
     * The work of running {@code scenario} on {@code threads} threads, keeping every replication's flows
     * ({@code allFlows}) or replication 0's.
     */
    static WorkEstimate of(ResolvedScenario scenario, int threads, boolean allFlows) {
        int[] unitsOfPoint = new int[scenario.points().size()];
        Arrays.fill(unitsOfPoint, scenario.replications());
        return of(scenario, unitsOfPoint, threads, allFlows);
    }

    /**
     * The work of running {@code unitsOfPoint[p]} units of each point {@code p} (by position) of {@code scenario} (a part's,
     * docs/runs.md, section 4) on {@code threads} threads, keeping every unit's flows ({@code allFlows}) or one
     * unit's per point (replication 0's, which a part need not hold: an upper bound).
     */
    static WorkEstimate of(ResolvedScenario scenario, int[] unitsOfPoint, int threads, boolean allFlows) {
        long units = Arrays.stream(unitsOfPoint).asLongStream().sum();
        double events = 0;
        double largestUnit = 0;
        double largestFlows = 0;
        double largestUnitMemory = 0;
        double kept = 0;
        for (int p = 0; p < unitsOfPoint.length; p++) {
            long replications = unitsOfPoint[p];
            if (replications == 0) {
                continue;
            }
            SimulationConfig config = scenario.points().get(p).config();
            double flows = flowsPerUnit(config);
            double unitEvents = eventsPerUnit(config, flows);
            events += unitEvents * replications;
            largestUnit = Math.max(largestUnit, unitEvents);
            largestFlows = Math.max(largestFlows, flows);
            largestUnitMemory = Math.max(largestUnitMemory, unitMemory(config, flows));
            kept += flows * (allFlows ? replications : 1) * BYTES_PER_FLOW_ROW + BYTES_PER_POINT
                    + replications * config.stations().size() * BYTES_PER_STATION;
        }
        double concurrent = Math.min(Math.max(1, threads), units);
        return new WorkEstimate(units, largestFlows, events, largestUnit, kept + concurrent * largestUnitMemory);
    }

    /** Events one unit of each sweep point is predicted to run, indexed by point (as {@link #of} counts them). */
    static double[] eventsPerUnitOfEachPoint(ResolvedScenario scenario) {
        return scenario.points().stream().mapToDouble(point -> eventsPerUnit(point.config())).toArray();
    }

    private static double eventsPerUnit(SimulationConfig config) {
        return eventsPerUnit(config, flowsPerUnit(config));
    }

    /** Seconds the run takes on {@code cores} cores at {@code eventsPerSecondPerCore}: no faster than its largest unit. */
    double wallSeconds(int cores, double eventsPerSecondPerCore) {
        if (units == 0) {
            return 0; // an empty part (a shard of more shards than units) runs nothing
        }
        double parallel = Math.min(Math.max(1, cores), units);
        return Math.max(events / parallel, eventsPerUnit) / eventsPerSecondPerCore;
    }

    /** One line for {@code validate}: units, flows, events, memory. */
    String describe() {
        return String.format(Locale.ROOT, "%d unit(s), about %s flow(s) and %s event(s) per unit at most, %s event(s)"
                + " and %s of memory in all", units, count(flowsPerUnit), count(eventsPerUnit), count(events),
                bytes(memoryBytes));
    }

    private static double flowsPerUnit(SimulationConfig config) {
        double flows = config.scriptedFlows().size();
        WorkloadConfig workload = config.workload();
        if (workload != null) {
            flows += config.stations().size() * workload.backupArrivalsPerSecond() * config.runLengthSeconds()
                    * (1 + workload.restoreShare());
        }
        return flows;
    }

    private static double eventsPerUnit(SimulationConfig config, double flows) {
        double events = 0;
        for (StationConfig station : config.stations()) {
            events += outages(station.outages(), config.runLengthSeconds()) * EVENTS_PER_OUTAGE;
        }
        return events + flows * eventsPerFlow(config);
    }

    /** Events of one flow of mean size: half backups (uplink), half downloads (downlink) at most. */
    private static double eventsPerFlow(SimulationConfig config) {
        AirInterface air = config.stations().get(0).airInterface();
        double size = meanSize(config);
        double frames = Math.max(framesOf(air.uplink(), size), framesOf(air.downlink(), size));
        double access = air.randomAccess().enabled() ? air.randomAccess().maxAttempts() * EVENTS_PER_ACCESS : 0;
        ProtocolConfig protocol = config.protocol();
        double attempts = protocol.resume().reconnects() ? Math.min(protocol.resume().attempts(), 1
                + transferSeconds(air, size) / air.meanTimeToFailureSeconds()) : 1;
        return attempts * (EVENTS_PER_FLOW + access) + frames * EVENTS_PER_FRAME
                + roundRobinIntervals(air, size);
    }

    /** Control messages of a flow per direction, besides acknowledgements (request, response, completes, release). */
    static final double CONTROL_UNITS_PER_FLOW = 10;

    /**
     * Events of a flow's units on a cell shared by round robin (0 otherwise): one per interval each unit is
     * sent in, at least one per unit, {@code bits / (min(C, cap) * interval)} for a unit larger than an
     * interval's budget. The larger of a backup (data up, acknowledgements down) and a download.
     */
    private static double roundRobinIntervals(AirInterface air, double size) {
        if (!(air.capacity() instanceof CellCapacity.Shared shared)
                || !(shared.policy() instanceof RoundRobin roundRobin)) {
            return 0;
        }
        double interval = roundRobin.intervalSeconds();
        double up = Math.min(shared.uplinkBitsPerSecond(), air.uplink().rateBitsPerSecond()) * interval;
        double down = Math.min(shared.downlinkBitsPerSecond(), air.downlink().rateBitsPerSecond()) * interval;
        double backup = framesOf(air.uplink(), size) * (intervals(air.uplink().framePayloadBytes()
                + air.uplink().frameHeaderBytes(), up) + intervals(air.downlink().controlFrameBytes(), down));
        double download = framesOf(air.downlink(), size) * (intervals(air.downlink().framePayloadBytes()
                + air.downlink().frameHeaderBytes(), down) + intervals(air.uplink().controlFrameBytes(), up));
        double control = CONTROL_UNITS_PER_FLOW * (intervals(air.uplink().controlFrameBytes(), up)
                + intervals(air.downlink().controlFrameBytes(), down));
        return Math.max(backup, download) + control;
    }

    /** Intervals a unit of {@code bytes} takes at {@code bitsPerInterval}: at least one. */
    private static double intervals(double bytes, double bitsPerInterval) {
        return Math.max(1, Math.ceil(8 * bytes / bitsPerInterval));
    }

    /** Data frames of a transfer of {@code size} bytes over {@code link}, retransmissions included. */
    private static double framesOf(LinkConfig link, double size) {
        double loss = link.lossModel().stationaryLossProbability() + link.corruption().probability();
        return Math.ceil(size / link.framePayloadBytes()) / Math.max(1e-9, 1 - Math.min(loss, 1));
    }

    private static double transferSeconds(AirInterface air, double size) {
        return size * 8 / Math.min(air.uplink().rateBitsPerSecond(), air.downlink().rateBitsPerSecond());
    }

    /** The mean user-data size of the scenario's flows. */
    private static double meanSize(SimulationConfig config) {
        List<ScriptedFlow> scripted = config.scriptedFlows();
        double sum = 0;
        double flows = 0;
        for (ScriptedFlow flow : scripted) {
            sum += flow.uploadedBytes();
            flows += flow.uploadedBytes() > 0 ? 1 : 0;
        }
        if (config.workload() != null) {
            return Math.max(1, config.workload().userDataBytes().mean());
        }
        return flows == 0 ? 1 : sum / flows;
    }

    /** Outages of a station in a run of {@code runLengthSeconds}. */
    private static double outages(OutageConfig outages, double runLengthSeconds) {
        double random = outages.meanUpSeconds() == Double.POSITIVE_INFINITY ? 0
                : runLengthSeconds / (outages.meanUpSeconds() + outages.meanDownSeconds());
        return outages.scheduled().size() + random;
    }

    /** Memory one running unit holds: its stations, their subscriber slots, its flows. */
    private static double unitMemory(SimulationConfig config, double flows) {
        double subscribers = config.workload() == null ? 0 : config.workload().subscribersPerStation();
        double picked = Math.min(subscribers * config.stations().size(), flows);
        return config.stations().size() * (BYTES_PER_STATION + Math.min(subscribers, 1 << 24)
                * BYTES_PER_SUBSCRIBER_SLOT) + (flows + picked) * BYTES_PER_FLOW;
    }

    /** {@code 312}, {@code 2.2e6}. */
    static String count(double value) {
        if (value < 1e4) {
            return String.format(Locale.ROOT, value < 10 && value != Math.rint(value) ? "%.1f" : "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value).replace("e+0", "e").replace("e+", "e");
    }

    static String bytes(double value) {
        if (value < 1 << 20) {
            return String.format(Locale.ROOT, "%.0f KiB", Math.ceil(value / 1024));
        }
        if (value < 1L << 30) {
            return String.format(Locale.ROOT, "%.0f MiB", value / (1 << 20));
        }
        return count(value / (1L << 30)) + " GiB";
    }
}
