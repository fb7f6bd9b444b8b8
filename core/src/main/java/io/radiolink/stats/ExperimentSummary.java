package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The merge of an experiment's replications: the parts of {@link ReplicationResult}, each merged as its
 * kind of value says. A part that is only counts ({@link Traffic}, {@link AuthStatistics},
 * {@link WorkloadCounts}, {@link LearnedOutcomes}, {@link LateStoreEffects}) is summed; a part with per-replication values
 * ({@link FlowStatistics}, {@link CellStatistics}, {@link StorageOccupancy}) has a summary
 * ({@link FlowSummary}, {@link CellSummary}, {@link StorageSummary}) that holds its counts summed
 * ({@link FlowCounts}, {@link CellCounts}, {@link StorageCounts}) and estimates of the values; a part of
 * per-replication values only ({@link BackhaulUsage}, a {@link CellShare} per shared cell) has a summary of
 * estimates ({@link BackhaulSummary}, {@link CellShareSummary}).
 *
 * <p>Each {@link Estimate} treats the replications as independent observations of one per-replication
 * value (the replication/deletion method): its mean is the mean of the replications' values and its
 * half-width the Student-t half-width with n - 1 degrees of freedom. A replication in which a value is
 * undefined (NaN: no successful download, no connection attempt) is left out of that estimate only,
 * so an estimate's {@code n} can be less than {@link #replications()}.
 *
 * <p>The merge is deterministic and does not depend on the order of its input: replications are sorted
 * by index (then seed) before anything is summed, so even floating-point sums are the same.
 *
 * @param replications the number of replications merged
 * @param warmupSeconds the observation window's start, common to every replication
 * @param runLengthSeconds the observation window's end, common to every replication
 * @param flows per flow kind, every kind present
 * @param traffic the units on the air, summed
 * @param cells per cell id, over the replications that observed the cell
 * @param blockingProbability the estimate of the blocking probability over every cell
 * @param meanHoldingSeconds the estimate of the mean channel holding time over every cell
 * @param meanBusyChannels the estimate of the time-weighted mean of busy channels, every cell together
 * @param admittedArrivalRatePerSecond the estimate of admitted attempts per second of the window
 * @param storage the occupancy of every store together
 * @param authentication rejections and lock-outs, summed
 * @param workload what the workload did besides starting flows, summed
 * @param relocation the estimates of where the generated restores started and how they ended
 * @param learnedOutcomes unconfirmed backups whose outcome was learned on next contact, summed
 * @param backhauls the stations' backhauls, every station's together and each station's over the replications
 *     that had it
 * @param shares per shared cell id, over the replications that observed it; no entry for a dedicated cell
 * @param lateStoreEffects the store's changes for counted flows after they ended, summed
 */
public record ExperimentSummary(
        int replications,
        double warmupSeconds,
        double runLengthSeconds,
        Map<FlowKind, FlowSummary> flows,
        Traffic traffic,
        SortedMap<String, CellSummary> cells,
        Estimate blockingProbability,
        Estimate meanHoldingSeconds,
        Estimate meanBusyChannels,
        Estimate admittedArrivalRatePerSecond,
        StorageSummary storage,
        AuthStatistics authentication,
        WorkloadCounts workload,
        RelocationSummary relocation,
        LearnedOutcomes learnedOutcomes,
        BackhaulSummary backhauls,
        SortedMap<String, CellShareSummary> shares,
        LateStoreEffects lateStoreEffects) implements Serializable {

    private static final Comparator<ReplicationResult> BY_INDEX_THEN_SEED =
            Comparator.comparingInt(ReplicationResult::replication).thenComparingLong(ReplicationResult::seed);

    /** Copies the maps and checks for nulls. */
    public ExperimentSummary {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        new ObservationWindow(warmupSeconds, runLengthSeconds);
        flows = ResultMaps.complete(FlowKind.class, flows, "flows");
        Objects.requireNonNull(traffic, "traffic");
        cells = ResultMaps.sorted(cells, "cells");
        Objects.requireNonNull(blockingProbability, "blockingProbability");
        Objects.requireNonNull(meanHoldingSeconds, "meanHoldingSeconds");
        Objects.requireNonNull(meanBusyChannels, "meanBusyChannels");
        Objects.requireNonNull(admittedArrivalRatePerSecond, "admittedArrivalRatePerSecond");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(relocation, "relocation");
        Objects.requireNonNull(learnedOutcomes, "learnedOutcomes");
        Objects.requireNonNull(backhauls, "backhauls");
        shares = ResultMaps.sorted(shares, "shares");
        Objects.requireNonNull(lateStoreEffects, "lateStoreEffects");
    }

    /** The merge of {@code results} with 95 % confidence intervals. */
    public static ExperimentSummary of(Collection<ReplicationResult> results) {
        return of(results, Estimate.DEFAULT_CONFIDENCE);
    }

    /**
     * The merge of {@code results} with confidence intervals at {@code confidence}.
     *
     * @throws IllegalArgumentException if there are no results, two share index and seed, or their
     *     observation windows differ
     */
    public static ExperimentSummary of(Collection<ReplicationResult> results, double confidence) {
        List<ReplicationResult> sorted = new ArrayList<>(results);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no replication results to merge");
        }
        sorted.sort(BY_INDEX_THEN_SEED);
        ReplicationResult first = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            ReplicationResult previous = sorted.get(i - 1);
            ReplicationResult result = sorted.get(i);
            if (BY_INDEX_THEN_SEED.compare(previous, result) == 0) {
                throw new IllegalArgumentException("two results of replication " + result.replication()
                        + " with seed " + result.seed());
            }
            if (result.warmupSeconds() != first.warmupSeconds()
                    || result.runLengthSeconds() != first.runLengthSeconds()) {
                throw new IllegalArgumentException("replication " + result.replication() + " observed ["
                        + result.warmupSeconds() + ", " + result.runLengthSeconds() + "], replication "
                        + first.replication() + " [" + first.warmupSeconds() + ", " + first.runLengthSeconds() + "]");
            }
        }

        Map<FlowKind, FlowSummary> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            flows.put(kind, FlowSummary.of(sorted.stream().map(r -> r.flowsOf(kind)).toList(), confidence));
        }
        return new ExperimentSummary(sorted.size(), first.warmupSeconds(), first.runLengthSeconds(), flows,
                sorted.stream().map(ReplicationResult::traffic).reduce(Traffic.ZERO, Traffic::plus),
                cellSummaries(sorted, confidence),
                Estimate.of(sorted, ReplicationResult::blockingProbability, confidence),
                Estimate.of(sorted, ReplicationResult::meanHoldingSeconds, confidence),
                Estimate.of(sorted, ReplicationResult::meanBusyChannels, confidence),
                Estimate.of(sorted, ReplicationResult::admittedArrivalRatePerSecond, confidence),
                StorageSummary.of(sorted.stream().map(ReplicationResult::storage).toList(), confidence),
                sorted.stream().map(ReplicationResult::authentication).reduce(AuthStatistics.ZERO, AuthStatistics::plus),
                sorted.stream().map(ReplicationResult::workload).reduce(WorkloadCounts.ZERO, WorkloadCounts::plus),
                RelocationSummary.of(sorted.stream().map(ReplicationResult::workload).toList(), confidence),
                sorted.stream().map(ReplicationResult::learnedOutcomes)
                        .reduce(LearnedOutcomes.ZERO, LearnedOutcomes::plus),
                BackhaulSummary.of(sorted.stream().map(ReplicationResult::backhauls).toList(), confidence),
                shareSummaries(sorted, confidence),
                sorted.stream().map(ReplicationResult::lateStoreEffects)
                        .reduce(LateStoreEffects.ZERO, LateStoreEffects::plus));
    }

    private static SortedMap<String, CellShareSummary> shareSummaries(List<ReplicationResult> sorted,
            double confidence) {
        TreeSet<String> ids = new TreeSet<>();
        for (ReplicationResult result : sorted) {
            ids.addAll(result.shares().keySet());
        }
        SortedMap<String, CellShareSummary> shares = new TreeMap<>();
        for (String id : ids) {
            List<CellShare> perReplication = sorted.stream().map(r -> r.shares().get(id))
                    .filter(Objects::nonNull).toList();
            shares.put(id, CellShareSummary.of(perReplication, confidence));
        }
        return shares;
    }

    private static SortedMap<String, CellSummary> cellSummaries(List<ReplicationResult> sorted, double confidence) {
        TreeSet<String> ids = new TreeSet<>();
        for (ReplicationResult result : sorted) {
            ids.addAll(result.cells().keySet());
        }
        SortedMap<String, CellSummary> cells = new TreeMap<>();
        for (String id : ids) {
            List<CellStatistics> perReplication = new ArrayList<>();
            for (ReplicationResult result : sorted) {
                CellStatistics cell = result.cells().get(id);
                if (cell != null) {
                    perReplication.add(cell);
                }
            }
            cells.put(id, CellSummary.of(id, perReplication, confidence));
        }
        return cells;
    }

    /** The flows of {@code kind}. */
    public FlowSummary flowsOf(FlowKind kind) {
        return flows.get(kind);
    }

    /** The counts of the flows of every kind together: integrity checks, unfinished flows, bytes. */
    public FlowCounts flowTotals() {
        return flows.values().stream().map(FlowSummary::counts).reduce(FlowCounts.ZERO, FlowCounts::plus);
    }

    /** The counts of every cell together, over every replication. */
    public CellCounts cellTotals() {
        return cells.values().stream().map(CellSummary::counts).reduce(CellCounts.ZERO, CellCounts::plus);
    }

    /** The channels of every cell observed. */
    public int totalChannels() {
        return cells.values().stream().mapToInt(CellSummary::channels).sum();
    }
}
