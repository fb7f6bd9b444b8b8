package io.radiolink.report;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.stats.CellStatistics;
import io.radiolink.stats.CellSummary;
import io.radiolink.stats.DirectionCounts;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.FlowSummary;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.stats.Traffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The metrics of one sweep point as a flat list of named rows: the rows of {@code summary.csv} and the
 * quantities the sweep plots draw. Every row is an estimate across replications: either one of the
 * summary's own estimates, or the mean of a per-replication value (a count, the storage peak) with its
 * Student-t interval at the summary's confidence.
 */
public final class SummaryMetrics {

    static final String SECONDS = "s";
    static final String FRACTION = "fraction";

    private SummaryMetrics() {}

    /**
     * One metric at one point.
     *
     * @param metric the metric's name, e.g. {@code backup.completion_time}
     * @param unit its unit, e.g. {@code s} or {@code flows/replication}
     * @param estimate the mean across replications and its interval; its n is the replications it is made of
     * @param p50 the pooled median, NaN where no percentile applies
     * @param p95 the pooled 95th percentile, NaN where none applies
     * @param p99 the pooled 99th percentile, NaN where none applies
     */
    public record Row(String metric, String unit, Estimate estimate, double p50, double p95, double p99) {}

    /** The rows of {@code point}, in a fixed order: flows by kind, traffic, cells, integrity, storage, others. */
    public static List<Row> of(PointResult point) {
        ExperimentSummary summary = point.summary();
        Rows rows = new Rows(point.replications(), summary.blockingProbability().confidence());
        for (FlowKind kind : FlowKind.values()) {
            String prefix = key(kind) + ".";
            FlowSummary flows = summary.flowsOf(kind);
            rows.count(prefix + "flows", "flows", r -> r.flowsOf(kind).flows());
            for (FlowOutcome outcome : FlowOutcome.values()) {
                rows.count(prefix + "outcome." + key(outcome), "flows", r -> r.count(kind, outcome));
            }
            rows.count(prefix + "station_view_differs", "flows", r -> r.stationViewDiffers(kind));
            rows.add(new Row(prefix + "completion_time", SECONDS, flows.completionSeconds(),
                    flows.completionP50Seconds(), flows.completionP95Seconds(), flows.completionP99Seconds()));
            rows.estimate(prefix + "failure_share", FRACTION, flows.failureShare());
            for (FlowPhase phase : FlowPhase.values()) {
                rows.estimate(prefix + "phase." + key(phase) + "_time", SECONDS, flows.phaseSeconds().get(phase));
            }
            rows.count(prefix + "successful_user_data", "bytes", r -> r.flowsOf(kind).successfulUserDataBytes());
            rows.estimate(prefix + "attempts_per_success", "attempts", flows.attemptsPerSuccess());
            rows.estimate(prefix + "bytes_in_vain_per_flow", "bytes", flows.bytesInVainPerFlow());
            rows.count(prefix + "data_bytes_sent", "bytes", r -> r.flowsOf(kind).dataBytesSent());
            rows.count(prefix + "bytes_in_vain", "bytes", r -> r.flowsOf(kind).bytesInVain());
            rows.count(prefix + "chunks_repaired", "chunks", r -> r.flowsOf(kind).chunksRepaired());
        }
        direction(rows, "uplink", Traffic::uplink);
        direction(rows, "downlink", Traffic::downlink);
        rows.count("data_frames_sent", "frames", r -> r.traffic().dataFramesSent());
        rows.count("data_frames_retransmitted", "frames", r -> r.traffic().dataFramesRetransmitted());

        rows.count("connection_attempts", "attempts", ReplicationResult::attempts);
        rows.count("blocked_attempts", "attempts", ReplicationResult::blockedAttempts);
        rows.estimate("blocking_probability", FRACTION, summary.blockingProbability());
        rows.estimate("mean_holding_time", SECONDS, summary.meanHoldingSeconds());
        rows.estimate("mean_busy_channels", "channels", summary.meanBusyChannels());
        rows.estimate("admitted_arrival_rate", "1/s", summary.admittedArrivalRatePerSecond());
        for (Map.Entry<String, CellSummary> entry : summary.cells().entrySet()) {
            String id = entry.getKey();
            String prefix = "cell." + id + ".";
            CellSummary cell = entry.getValue();
            rows.count(prefix + "connection_attempts", "attempts", r -> cellValue(r, id, CellStatistics::attempts));
            rows.count(prefix + "blocked_attempts", "attempts", r -> cellValue(r, id, CellStatistics::blockedAttempts));
            rows.estimate(prefix + "blocking_probability", FRACTION, cell.blockingProbability());
            rows.estimate(prefix + "mean_holding_time", SECONDS, cell.meanHoldingSeconds());
            rows.estimate(prefix + "mean_busy_channels", "channels", cell.meanBusyChannels());
        }

        for (IntegrityCheck check : IntegrityCheck.values()) {
            rows.count("integrity." + key(check), "flows", r -> r.integrity(check));
        }
        rows.estimate("storage_occupancy", "bytes", summary.storageMeanBytes());
        rows.mean("storage_peak", "bytes", r -> r.storage().peakBytes());
        rows.count("arrivals_skipped", "arrivals", ReplicationResult::arrivalsSkippedTerminalBusy);
        rows.count("unfinished_flows", "flows", ReplicationResult::unfinishedFlows);
        return List.copyOf(rows.list);
    }

    /** The lower-case name of an enum constant, as metric names and JSON keys of flow kinds use it. */
    static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private static void direction(Rows rows, String name, Function<Traffic, DirectionCounts> direction) {
        rows.count(name + ".units_sent", "units", r -> direction.apply(r.traffic()).unitsSent());
        rows.count(name + ".units_lost", "units", r -> direction.apply(r.traffic()).unitsLost());
        rows.count(name + ".retransmissions", "units", r -> direction.apply(r.traffic()).retransmissions());
        rows.count(name + ".units_corrupted", "units", r -> direction.apply(r.traffic()).unitsCorrupted());
    }

    /** A cell's count in one replication, NaN (left out of the estimate) if the replication never saw the cell. */
    private static double cellValue(ReplicationResult result, String id, ToDoubleFunction<CellStatistics> value) {
        CellStatistics cell = result.cells().get(id);
        return cell == null ? Double.NaN : value.applyAsDouble(cell);
    }

    /** Collects rows; counts become estimates of the count per replication. */
    private static final class Rows {
        private final List<ReplicationResult> replications;
        private final double confidence;
        private final List<Row> list = new ArrayList<>();

        Rows(List<ReplicationResult> replications, double confidence) {
            this.replications = replications;
            this.confidence = confidence;
        }

        void add(Row row) {
            list.add(row);
        }

        void estimate(String metric, String unit, Estimate estimate) {
            add(new Row(metric, unit, estimate, Double.NaN, Double.NaN, Double.NaN));
        }

        /** A count per replication: its unit becomes {@code <unit>/replication}. */
        void count(String metric, String unit, ToDoubleFunction<ReplicationResult> perReplication) {
            mean(metric, unit + "/replication", perReplication);
        }

        /** The estimate of a per-replication value of the summary's confidence. */
        void mean(String metric, String unit, ToDoubleFunction<ReplicationResult> perReplication) {
            double[] values = new double[replications.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = perReplication.applyAsDouble(replications.get(i));
            }
            estimate(metric, unit, Estimate.of(values, confidence));
        }
    }
}
