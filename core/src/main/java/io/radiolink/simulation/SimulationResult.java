package io.radiolink.simulation;

import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.ReplicationResult;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an experiment: its configuration, every replication's result (by index) and their
 * merge.
 *
 * @param config what was run
 * @param replications per-replication results, sorted by replication index
 * @param summary the deterministic merge of {@code replications}
 */
public record SimulationResult(SimulationConfig config, List<ReplicationResult> replications,
        ExperimentSummary summary) {

    /** Sorts and copies the replications. */
    public SimulationResult {
        Objects.requireNonNull(config, "config");
        replications = replications.stream().sorted(Comparator.comparingInt(ReplicationResult::replication)).toList();
        Objects.requireNonNull(summary, "summary");
    }

    /** A result merged from {@code replications}. */
    static SimulationResult of(SimulationConfig config, List<ReplicationResult> replications) {
        return new SimulationResult(config, replications, ExperimentSummary.of(replications));
    }
}
