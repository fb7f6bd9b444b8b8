package io.radiolink.report;

import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.Side;
import io.radiolink.report.MetricNode.Group;
import io.radiolink.report.MetricNode.PerCell;
import io.radiolink.report.MetricNode.Unlisted;
import io.radiolink.report.Reading.Count;
import io.radiolink.report.Reading.Estimated;
import io.radiolink.report.Reading.Peak;
import io.radiolink.report.Reading.Timed;
import io.radiolink.report.Reading.Total;
import io.radiolink.stats.BackhaulDirectionSummary;
import io.radiolink.stats.BackhaulSummary;
import io.radiolink.stats.BackhaulUsage;
import io.radiolink.stats.CellCounts;
import io.radiolink.stats.CellStatistics;
import io.radiolink.stats.CellSummary;
import io.radiolink.stats.DirectionShare;
import io.radiolink.stats.DirectionShareSummary;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowCounts;
import io.radiolink.stats.FlowStatistics;
import io.radiolink.stats.FlowSummary;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.stats.Traffic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The metric list: every metric the reports state, each defined once (its key in report.json, its name and
 * unit in summary.csv, how it is read from a point's results), in report.json's order. {@link JsonReporter}
 * writes a point's {@code metrics} object from {@link #ALL}, {@link SummaryMetrics} the rows of summary.csv,
 * and the plots and the summary on stdout read the metrics they show through the handles below. A metric
 * added here is in both files, and a test requires REPORTS.md to describe it.
 */
public final class Metrics {

    static final String SECONDS = "s";
    static final String FRACTION = "fraction";
    static final String BYTES = "bytes";
    static final String BITS_PER_SECOND = "bit/s";

    /**
     * The metrics of one flow kind that reports other than the two files read by themselves; every one of
     * them is in {@link #ALL}.
     *
     * @param flows the counted flows
     * @param outcomes the counted flows by outcome, every outcome present
     * @param completionTime the completion time of the successful flows
     * @param failureShare the share of counted flows that did not succeed
     * @param attemptsPerSuccess the connections a successful flow asked for
     * @param bytesInVainPerFlow the bytes sent in vain per counted flow
     */
    public record FlowMetrics(Metric<Count> flows, Map<FlowOutcome, Metric<Count>> outcomes,
            Metric<Timed> completionTime, Metric<Estimated> failureShare, Metric<Estimated> attemptsPerSuccess,
            Metric<Estimated> bytesInVainPerFlow) {

        /** Copies the map. */
        public FlowMetrics {
            outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        }
    }

    /** A flow kind's handles and its group, the block {@code metrics.<kind>} of report.json. */
    private record FlowBlock(FlowMetrics metrics, Group group) {}

    private static final Map<FlowKind, FlowBlock> FLOWS = flowBlocks();

    /** Blocked attempts per attempt, every cell together. */
    public static final Metric<Estimated> BLOCKING_PROBABILITY = estimated("blockingProbability",
            "blocking_probability", FRACTION, ExperimentSummary::blockingProbability,
            ReplicationResult::blockingProbability);

    /** The time-weighted mean of busy channels, every cell together. */
    public static final Metric<Estimated> MEAN_BUSY_CHANNELS = estimated("meanBusyChannels", "mean_busy_channels",
            "channels", ExperimentSummary::meanBusyChannels, ReplicationResult::meanBusyChannels);

    /** Every metric, as the object {@code metrics} of a point of report.json. */
    public static final Group ALL = all();

    private Metrics() {}

    /** The metrics of the flows of {@code kind} that other reports read. */
    public static FlowMetrics of(FlowKind kind) {
        return FLOWS.get(kind).metrics();
    }

    /** The lower-case name of an enum constant, as metric names and report.json's keys of flow kinds use it. */
    public static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static Group all() {
        List<MetricNode> all = new ArrayList<>();
        for (FlowKind kind : FlowKind.values()) {
            all.add(FLOWS.get(kind).group());
        }
        all.add(restores());
        all.add(group("traffic",
                direction("uplink", Traffic::uplink),
                direction("downlink", Traffic::downlink),
                traffic("dataFramesSent", "data_frames_sent", "frames", t -> t.data().framesSent()),
                traffic("dataFramesRetransmitted", "data_frames_retransmitted", "frames",
                        t -> t.data().framesRetransmitted())));
        all.add(group("cells",
                total("totalChannels", ExperimentSummary::totalChannels),
                cellCount("connectionAttempts", "connection_attempts", CellCounts::attempts),
                cellCount("blockedAttempts", "blocked_attempts", CellCounts::blockedAttempts),
                BLOCKING_PROBABILITY,
                estimated("meanHoldingSeconds", "mean_holding_time", SECONDS, ExperimentSummary::meanHoldingSeconds,
                        ReplicationResult::meanHoldingSeconds),
                MEAN_BUSY_CHANNELS,
                estimated("admittedArrivalRatePerSecond", "admitted_arrival_rate", "1/s",
                        ExperimentSummary::admittedArrivalRatePerSecond, ReplicationResult::admittedArrivalRatePerSecond),
                total("outages", s -> s.cellTotals().outages()),
                unsummarised("preambleTransmissions", "preamble_transmissions", "preambles",
                        CellCounts::preambleTransmissions),
                unsummarised("preambleCollisions", "preamble_collisions", "preambles", CellCounts::preambleCollisions),
                new PerCell("byId", Metrics::cell)));
        List<MetricNode> integrity = new ArrayList<>();
        for (IntegrityCheck check : IntegrityCheck.values()) {
            integrity.add(count(check.name(), "integrity." + key(check), "flows",
                    s -> s.flowTotals().integrity(check), r -> r.flowTotals().integrity(check)));
        }
        all.add(new Group("integrity", integrity));
        all.add(group("authentication",
                total("rejections", s -> s.authentication().rejections()),
                total("rejectionsWhileLocked", s -> s.authentication().rejectionsWhileLocked()),
                total("lockouts", s -> s.authentication().lockouts())));
        all.add(group("learnedOnNextContact",
                total("stored", s -> s.learnedOutcomes().stored()),
                total("notStored", s -> s.learnedOutcomes().notStored())));
        all.add(group("storage",
                estimated("meanBytes", "storage_occupancy", BYTES, s -> s.storage().meanBytes(),
                        r -> r.storage().meanBytes()),
                new Metric<>("peakBytes", "storage_peak", BYTES,
                        new Peak(s -> s.storage().peakBytes(), r -> r.storage().peakBytes())),
                total("copiesLost", s -> s.storage().counts().copiesLost()),
                total("bytesLost", s -> s.storage().counts().bytesLost()),
                total("copiesExpired", s -> s.storage().counts().copiesExpired())));
        all.add(backhaul());
        all.add(count("arrivalsSkippedTerminalBusy", "arrivals_skipped", "arrivals",
                s -> s.workload().arrivalsSkippedTerminalBusy(), r -> r.workload().arrivalsSkippedTerminalBusy()));
        all.add(count("unfinishedFlows", "unfinished_flows", "flows", s -> s.flowTotals().unfinished(),
                r -> r.flowTotals().unfinished()));
        return new Group("metrics", all);
    }

    private static Map<FlowKind, FlowBlock> flowBlocks() {
        Map<FlowKind, FlowBlock> blocks = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            blocks.put(kind, flowBlock(kind));
        }
        return Collections.unmodifiableMap(blocks);
    }

    /** The flows of one kind; summary.csv lists a kind's completion time before its failure share, report.json after. */
    private static FlowBlock flowBlock(FlowKind kind) {
        Metric<Count> flows = flowCount(kind, "flows", "flows", "flows", FlowCounts::flows);
        Map<FlowOutcome, Metric<Count>> outcomes = new EnumMap<>(FlowOutcome.class);
        for (FlowOutcome outcome : FlowOutcome.values()) {
            outcomes.put(outcome, flowCount(kind, outcome.name(), "outcome." + key(outcome), "flows",
                    f -> f.count(outcome)));
        }
        Metric<Estimated> failureShare = flowEstimate(kind, "failureShare", "failure_share", FRACTION,
                FlowSummary::failureShare, f -> f.counts().failureShare());
        Metric<Timed> completion = new Metric<>("completion", key(kind) + ".completion_time", SECONDS,
                new Timed(s -> s.flowsOf(kind).completionSeconds(), r -> r.flowsOf(kind).completionMeanSeconds(),
                        s -> s.flowsOf(kind).completionHistogram()));
        List<MetricNode> phases = new ArrayList<>();
        for (FlowPhase phase : FlowPhase.values()) {
            phases.add(flowEstimate(kind, phase.name(), "phase." + key(phase) + "_time", SECONDS,
                    f -> f.phaseSeconds().get(phase), f -> f.phaseMeanSeconds(phase)));
        }
        Metric<Estimated> attempts = flowEstimate(kind, "attemptsPerSuccess", "attempts_per_success", "attempts",
                FlowSummary::attemptsPerSuccess, FlowStatistics::meanAttemptsPerSuccess);
        Metric<Estimated> inVain = flowEstimate(kind, "bytesInVainPerFlow", "bytes_in_vain_per_flow", BYTES,
                FlowSummary::bytesInVainPerFlow, f -> f.counts().bytesInVainPerFlow());
        Group group = group(key(kind),
                flows,
                new Group("outcomes", List.copyOf(outcomes.values())),
                flowCount(kind, "stationViewDiffers", "station_view_differs", "flows", FlowCounts::stationViewDiffers),
                new MetricNode.IfPresent(Metrics::withBackhaul, count("lateStoreEffects", key(kind) + ".late_store_effects",
                        "flows", s -> s.lateStoreEffects().of(kind), r -> r.lateStoreEffects().of(kind))),
                failureShare,
                completion,
                new Group("phaseSeconds", phases),
                flowCount(kind, "successfulUserDataBytes", "successful_user_data", BYTES,
                        FlowCounts::successfulUserDataBytes),
                attempts,
                inVain,
                flowCount(kind, "dataBytesSent", "data_bytes_sent", BYTES, FlowCounts::dataBytesSent),
                flowCount(kind, "bytesInVain", "bytes_in_vain", BYTES, FlowCounts::bytesInVain),
                flowCount(kind, "chunksRepaired", "chunks_repaired", "chunks", FlowCounts::chunksRepaired),
                flowCount(kind, "reconnections", "reconnections", "attempts", FlowCounts::reconnections),
                flowCount(kind, "accessRetries", "access_retries", "attempts", FlowCounts::accessRetries))
                .listingBefore(completion, failureShare);
        return new FlowBlock(new FlowMetrics(flows, outcomes, completion, failureShare, attempts, inVain), group);
    }

    /**
     * The downloads (restores) apart by what the store held when their request reached it, so that a
     * restore that found nothing to restore does not read as a failed download, and the workload's restores
     * apart by where they started (at the station that took the backup or another): {@code restores.} in
     * summary.csv.
     */
    private static Group restores() {
        FlowKind download = FlowKind.DOWNLOAD;
        return group("restores",
                count("copyAtRequest", "restores.copy_at_request", "flows",
                        s -> s.flowsOf(download).counts().copyAtRequest(),
                        r -> r.flowsOf(download).counts().copyAtRequest()),
                estimated("failureShareCopyAtRequest", "restores.failure_share_copy_at_request", FRACTION,
                        s -> s.flowsOf(download).failureShareCopyAtRequest(),
                        r -> r.flowsOf(download).counts().failureShareCopyAtRequest()),
                count("sameCell", "restores.same_cell", "flows", s -> s.workload().sameCellRestores().restores(),
                        r -> r.workload().sameCellRestores().restores()),
                count("crossCell", "restores.cross_cell", "flows", s -> s.workload().crossCellRestores().restores(),
                        r -> r.workload().crossCellRestores().restores()),
                estimated("crossCellShare", "restores.cross_cell_share", FRACTION,
                        s -> s.relocation().crossCellShare(), r -> r.workload().crossCellShare()),
                estimated("failureShareSameCell", "restores.failure_share_same_cell", FRACTION,
                        s -> s.relocation().sameCellFailureShare(), r -> r.workload().sameCellRestores().failureShare()),
                estimated("failureShareCrossCell", "restores.failure_share_cross_cell", FRACTION,
                        s -> s.relocation().crossCellFailureShare(),
                        r -> r.workload().crossCellRestores().failureShare()));
    }

    /**
     * The stations' backhauls to the network's store, each direction of every station together, then each
     * station's, as the summary holds them ({@link BackhaulSummary}): only at a point whose replications have a
     * backhaul, so that the reports of station storage without peer fetch are what they were before issue 13.
     * {@code backhaul.} in summary.csv.
     */
    private static MetricNode backhaul() {
        return new MetricNode.IfPresent(Metrics::withBackhaul,
                new Group("backhaul", List.of(
                        backhaulDirection("toStore", "backhaul.to_store.", s -> s.backhauls().allStations().toStore(),
                                r -> r.backhauls().allStations().toStore()),
                        backhaulDirection("fromStore", "backhaul.from_store.",
                                s -> s.backhauls().allStations().fromStore(), r -> r.backhauls().allStations().fromStore()),
                        new PerCell("byStation", Metrics::stationBackhaul))));
    }

    /**
     * True at a point whose replications have a backhaul (network storage, or station storage with peer
     * fetch): only there can a store answer after a flow ended, and only there do the reports state the
     * backhauls and the late store effects.
     */
    private static boolean withBackhaul(PointResult point) {
        return !point.summary().backhauls().stations().isEmpty();
    }

    /**
     * One station's backhaul, under its id in {@code byStation} and named {@code backhaul.<id>.} in summary.csv
     * (every station's cell has the station's id, so the point's cells list the stations); stated for a
     * station the summary has a backhaul of, as a shared cell's directions are.
     */
    private static List<MetricNode> stationBackhaul(String id) {
        String name = "backhaul." + id + ".";
        Predicate<PointResult> present = point -> point.summary().backhauls().stations().containsKey(id);
        return List.of(
                new MetricNode.IfPresent(present, backhaulDirection("toStore", name + "to_store.",
                        s -> s.backhauls().stations().get(id).toStore(),
                        r -> part(r.backhauls().stations().get(id), BackhaulUsage.Directions::toStore))),
                new MetricNode.IfPresent(present, backhaulDirection("fromStore", name + "from_store.",
                        s -> s.backhauls().stations().get(id).fromStore(),
                        r -> part(r.backhauls().stations().get(id), BackhaulUsage.Directions::fromStore))));
    }

    /**
     * One direction of a backhaul as the summary holds it, named {@code <prefix>...} in summary.csv; {@code ofReplication}
     * is the direction in one replication, null where the replication has none.
     */
    private static Group backhaulDirection(String key, String prefix,
            Function<ExperimentSummary, BackhaulDirectionSummary> direction,
            Function<ReplicationResult, BackhaulStatistics> ofReplication) {
        return group(key,
                estimated("utilisation", prefix + "utilisation", FRACTION, s -> direction.apply(s).utilisation(),
                        r -> value(ofReplication.apply(r), BackhaulStatistics::utilisation)),
                estimated("meanQueueingSeconds", prefix + "mean_queueing_delay", SECONDS,
                        s -> direction.apply(s).meanQueueingSeconds(),
                        r -> value(ofReplication.apply(r), b -> b.queueing().meanSeconds())),
                estimated("maxQueueingSeconds", prefix + "max_queueing_delay", SECONDS,
                        s -> direction.apply(s).maxQueueingSeconds(),
                        r -> value(ofReplication.apply(r), BackhaulDirectionSummary::maxQueueingSeconds)),
                estimated("meanTransferSeconds", prefix + "mean_transfer_time", SECONDS,
                        s -> direction.apply(s).meanTransferSeconds(),
                        r -> value(ofReplication.apply(r), b -> b.transfer().meanSeconds())),
                estimated("messagesDelivered", prefix + "messages_delivered", "messages/replication",
                        s -> direction.apply(s).messagesDelivered(),
                        r -> value(ofReplication.apply(r), BackhaulDirectionSummary::messagesDelivered)),
                estimated("bytesDelivered", prefix + "bytes_delivered", "bytes/replication",
                        s -> direction.apply(s).bytesDelivered(),
                        r -> value(ofReplication.apply(r), BackhaulDirectionSummary::bytesDelivered)),
                estimated("retransmissions", prefix + "retransmissions", "transmissions/replication",
                        s -> direction.apply(s).retransmissions(),
                        r -> value(ofReplication.apply(r), BackhaulDirectionSummary::retransmissions)),
                estimated("downShare", prefix + "down_share", FRACTION, s -> direction.apply(s).downShare(),
                        r -> value(ofReplication.apply(r), BackhaulDirectionSummary::downShare)));
    }

    /** One cell's members, under its id in {@code byId} and named {@code cell.<id>.} in summary.csv. */
    private static List<MetricNode> cell(String id) {
        String name = "cell." + id + ".";
        return List.of(
                total("channels", s -> cellOf(s, id).channels()),
                count("connectionAttempts", name + "connection_attempts", "attempts",
                        s -> cellOf(s, id).counts().attempts(), r -> cellValue(r, id, c -> c.counts().attempts())),
                count("blockedAttempts", name + "blocked_attempts", "attempts",
                        s -> cellOf(s, id).counts().blockedAttempts(),
                        r -> cellValue(r, id, c -> c.counts().blockedAttempts())),
                estimated("blockingProbability", name + "blocking_probability", FRACTION,
                        s -> cellOf(s, id).blockingProbability(),
                        r -> cellValue(r, id, c -> c.counts().blockingProbability())),
                estimated("meanHoldingSeconds", name + "mean_holding_time", SECONDS,
                        s -> cellOf(s, id).meanHoldingSeconds(), r -> cellValue(r, id, CellStatistics::meanHoldingSeconds)),
                estimated("meanBusyChannels", name + "mean_busy_channels", "channels",
                        s -> cellOf(s, id).meanBusyChannels(), r -> cellValue(r, id, CellStatistics::meanBusyChannels)),
                total("outages", s -> cellOf(s, id).counts().outages()),
                new Unlisted("downShare", new Estimated(s -> cellOf(s, id).downShare(),
                        r -> cellValue(r, id, CellStatistics::downShare))),
                sharedDirection(id, Side.TERMINAL, "uplink"),
                sharedDirection(id, Side.STATION, "downlink"));
    }

    /**
     * A shared cell's direction, {@code cell.<id>.<direction>.} in summary.csv; stated only for a cell whose
     * capacity is shared (a dedicated cell has no shared direction, and neither file has the block).
     */
    private static MetricNode sharedDirection(String id, Side sender, String direction) {
        String name = "cell." + id + "." + direction + ".";
        Function<ExperimentSummary, DirectionShareSummary> of = s -> s.shares().get(id).of(sender);
        Function<ReplicationResult, DirectionShare> ofReplication = r -> part(r.shares().get(id), c -> c.of(sender));
        return new MetricNode.IfPresent(point -> point.summary().shares().containsKey(id), group(direction,
                count("connections", name + "connections", "connections", s -> of.apply(s).counts().connections(),
                        r -> value(ofReplication.apply(r), d -> d.counts().connections())),
                estimated("utilisation", name + "utilisation", FRACTION, s -> of.apply(s).utilisation(),
                        r -> value(ofReplication.apply(r), DirectionShare::utilisation)),
                estimated("carriedLoad", name + "carried_load", FRACTION, s -> of.apply(s).carriedLoad(),
                        r -> value(ofReplication.apply(r), DirectionShare::carriedLoad)),
                estimated("meanActiveUsers", name + "mean_active_users", "users", s -> of.apply(s).meanActiveUsers(),
                        r -> value(ofReplication.apply(r), DirectionShare::meanActiveUsers)),
                estimated("throughputMeanBitsPerSecond", name + "throughput_mean", BITS_PER_SECOND,
                        s -> of.apply(s).meanThroughputBitsPerSecond(),
                        r -> value(ofReplication.apply(r), DirectionShare::meanThroughputBitsPerSecond)),
                estimated("throughputP5BitsPerSecond", name + "throughput_p5", BITS_PER_SECOND,
                        s -> of.apply(s).throughputP5BitsPerSecond(),
                        r -> value(ofReplication.apply(r), DirectionShare::throughputP5BitsPerSecond)),
                estimated("throughputP50BitsPerSecond", name + "throughput_p50", BITS_PER_SECOND,
                        s -> of.apply(s).throughputP50BitsPerSecond(),
                        r -> value(ofReplication.apply(r), DirectionShare::throughputP50BitsPerSecond)),
                estimated("throughputP95BitsPerSecond", name + "throughput_p95", BITS_PER_SECOND,
                        s -> of.apply(s).throughputP95BitsPerSecond(),
                        r -> value(ofReplication.apply(r), DirectionShare::throughputP95BitsPerSecond)),
                estimated("fairnessIndex", name + "fairness_index", "index", s -> of.apply(s).fairnessIndex(),
                        r -> value(ofReplication.apply(r), DirectionShare::fairnessIndex))));
    }

    private static CellSummary cellOf(ExperimentSummary summary, String id) {
        return summary.cells().get(id);
    }

    /** A cell's value in one replication, NaN (left out of the estimate) if the replication never saw the cell. */
    private static double cellValue(ReplicationResult result, String id, ToDoubleFunction<CellStatistics> value) {
        return value(result.cells().get(id), value);
    }

    /** {@code value} of a part of one replication, NaN (left out of the estimate) where the replication has no such part (null). */
    private static <T> double value(T part, ToDoubleFunction<T> value) {
        return part == null ? Double.NaN : value.applyAsDouble(part);
    }

    /** The part {@code of} of {@code whole}, null where the replication has no {@code whole} (null). */
    private static <T, P> P part(T whole, Function<T, P> of) {
        return whole == null ? null : of.apply(whole);
    }

    /** A direction's counts, {@code <direction>.} in summary.csv. */
    private static Group direction(String direction, Function<Traffic, DirectionCounts> counts) {
        return group(direction,
                traffic("unitsSent", direction + ".units_sent", "units", t -> counts.apply(t).unitsSent()),
                traffic("unitsLost", direction + ".units_lost", "units", t -> counts.apply(t).unitsLost()),
                traffic("retransmissions", direction + ".retransmissions", "units",
                        t -> counts.apply(t).retransmissions()),
                traffic("unitsCorrupted", direction + ".units_corrupted", "units",
                        t -> counts.apply(t).unitsCorrupted()));
    }

    /** A count of the traffic, which the summary and a replication hold alike. */
    private static Metric<Count> traffic(String key, String name, String unit, ToLongFunction<Traffic> count) {
        return count(key, name, unit, s -> count.applyAsLong(s.traffic()), r -> count.applyAsLong(r.traffic()));
    }

    /**
     * A count of the flows of {@code kind}, named {@code <kind>.<name>} in summary.csv, read from the
     * counts the summary and a replication hold alike.
     */
    private static Metric<Count> flowCount(FlowKind kind, String key, String name, String unit,
            ToLongFunction<FlowCounts> count) {
        return count(key, key(kind) + "." + name, unit, s -> count.applyAsLong(s.flowsOf(kind).counts()),
                r -> count.applyAsLong(r.flowsOf(kind).counts()));
    }

    /** A count of every cell together, in attempts, read from the counts the summary and a replication hold alike. */
    private static Metric<Count> cellCount(String key, String name, ToLongFunction<CellCounts> count) {
        return count(key, name, "attempts", s -> count.applyAsLong(s.cellTotals()),
                r -> count.applyAsLong(r.cellTotals()));
    }

    /**
     * An estimate of the flows of {@code kind}, named {@code <kind>.<name>} in summary.csv, made of
     * {@code perReplication} of each replication's flows of the kind.
     */
    private static Metric<Estimated> flowEstimate(FlowKind kind, String key, String name, String unit,
            Function<FlowSummary, Estimate> estimate, ToDoubleFunction<FlowStatistics> perReplication) {
        return estimated(key, key(kind) + "." + name, unit, s -> estimate.apply(s.flowsOf(kind)),
                r -> perReplication.applyAsDouble(r.flowsOf(kind)));
    }

    private static Metric<Count> count(String key, String name, String unit, ToLongFunction<ExperimentSummary> total,
            ToDoubleFunction<ReplicationResult> perReplication) {
        return new Metric<>(key, name, unit, new Count(total, perReplication));
    }

    private static Metric<Estimated> estimated(String key, String name, String unit,
            Function<ExperimentSummary, Estimate> estimate, ToDoubleFunction<ReplicationResult> perReplication) {
        return new Metric<>(key, name, unit, new Estimated(estimate, perReplication));
    }

    /** A count of every cell together that summary.csv does not list, in {@code unit}, read as the cell counts hold it. */
    private static MetricNode.Unsummarised unsummarised(String key, String name, String unit,
            ToLongFunction<CellCounts> count) {
        return new MetricNode.Unsummarised(key, name, unit, new Count(s -> count.applyAsLong(s.cellTotals()),
                r -> count.applyAsLong(r.cellTotals())));
    }

    private static Unlisted total(String key, ToLongFunction<ExperimentSummary> total) {
        return new Unlisted(key, new Total(total));
    }

    private static Group group(String key, MetricNode... members) {
        return new Group(key, List.of(members));
    }
}
