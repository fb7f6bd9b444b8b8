package io.radiolink.report;

import io.radiolink.run.FlowRow;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.ReplicationResult;
import java.util.List;
import java.util.Objects;

/**
 * Everything measured at one sweep point: its replications' results (sorted by index), their merge,
 * and the flows recorded for {@code flows.csv}.
 *
 * @param point the sweep point
 * @param replications per-replication results, sorted by replication index
 * @param summary their deterministic merge
 * @param flows rows for flows.csv (those of replication 0, or of every replication when asked for),
 *     sorted by replication then flow id
 */
public record PointResult(SweepPoint point, List<ReplicationResult> replications, ExperimentSummary summary,
        List<FlowRow> flows) {

    /** Copies the lists and checks for nulls. */
    public PointResult {
        Objects.requireNonNull(point, "point");
        replications = List.copyOf(replications);
        Objects.requireNonNull(summary, "summary");
        flows = List.copyOf(flows);
    }

    /** The confidence level of every interval of this point. */
    public double confidence() {
        return summary.blockingProbability().confidence();
    }
}
