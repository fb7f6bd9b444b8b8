package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable, serializable statistics of one replication over its observation window
 * [{@code warmupSeconds}, {@code runLengthSeconds}]: each part as its calculator counts it under the
 * run-control contract of {@link io.radiolink.stats}.
 *
 * @param replication the replication's index, from 0
 * @param seed the experiment's seed
 * @param warmupSeconds the window's start
 * @param runLengthSeconds the window's end
 * @param flows the counted flows by kind, every kind present
 * @param traffic the units the counted flows put on the air
 * @param cells the radio cells by id
 * @param storage the occupancy of every store together
 * @param authentication the stations' rejections and lock-outs in the window
 * @param workload what the workload did besides starting flows
 * @param learnedOutcomes backups whose outcome their terminal learned on its next contact
 * @param backhauls each station's backhaul to the network's store ({@link BackhaulUsage#NONE} under station
 *     storage)
 * @param shares the shared cells' directions by cell id; a dedicated cell has no entry
 * @param lateStoreEffects the store's changes for counted flows after they ended ({@link LateStoreEffects#ZERO}
 *     without a backhaul)
 * @param series the time-binned series over [0, {@code runLengthSeconds}), warm-up included ({@link BinnedSeries#NONE}
 *     when the run kept none)
 */
public record ReplicationResult(
        int replication,
        long seed,
        double warmupSeconds,
        double runLengthSeconds,
        Map<FlowKind, FlowStatistics> flows,
        Traffic traffic,
        SortedMap<String, CellStatistics> cells,
        StorageOccupancy storage,
        AuthStatistics authentication,
        WorkloadCounts workload,
        LearnedOutcomes learnedOutcomes,
        BackhaulUsage backhauls,
        SortedMap<String, CellShare> shares,
        LateStoreEffects lateStoreEffects,
        BinnedSeries series) implements Serializable {

    /** Checks the window and the index, that the series ends at the run length, and copies the maps. */
    public ReplicationResult {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        new ObservationWindow(warmupSeconds, runLengthSeconds);
        flows = ResultMaps.complete(FlowKind.class, flows, "flows");
        Objects.requireNonNull(traffic, "traffic");
        cells = ResultMaps.sorted(cells, "cells");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(learnedOutcomes, "learnedOutcomes");
        Objects.requireNonNull(backhauls, "backhauls");
        shares = ResultMaps.sorted(shares, "shares");
        Objects.requireNonNull(lateStoreEffects, "lateStoreEffects");
        if (!Objects.requireNonNull(series, "series").isNone() && series.runLengthSeconds() != runLengthSeconds) {
            throw new IllegalArgumentException("the series ends at " + series.runLengthSeconds()
                    + " s, not at the run length " + runLengthSeconds + " s");
        }
    }

    /** A result that kept no series ({@link BinnedSeries#NONE}). */
    public ReplicationResult(int replication, long seed, double warmupSeconds, double runLengthSeconds,
            Map<FlowKind, FlowStatistics> flows, Traffic traffic, SortedMap<String, CellStatistics> cells,
            StorageOccupancy storage, AuthStatistics authentication, WorkloadCounts workload,
            LearnedOutcomes learnedOutcomes, BackhaulUsage backhauls, SortedMap<String, CellShare> shares,
            LateStoreEffects lateStoreEffects) {
        this(replication, seed, warmupSeconds, runLengthSeconds, flows, traffic, cells, storage, authentication,
                workload, learnedOutcomes, backhauls, shares, lateStoreEffects, BinnedSeries.NONE);
    }

    /** A result with no backhaul (station storage), so no late store effect, no shared cell and no series. */
    public ReplicationResult(int replication, long seed, double warmupSeconds, double runLengthSeconds,
            Map<FlowKind, FlowStatistics> flows, Traffic traffic, SortedMap<String, CellStatistics> cells,
            StorageOccupancy storage, AuthStatistics authentication, WorkloadCounts workload,
            LearnedOutcomes learnedOutcomes) {
        this(replication, seed, warmupSeconds, runLengthSeconds, flows, traffic, cells, storage, authentication,
                workload, learnedOutcomes, BackhaulUsage.NONE, new TreeMap<>(), LateStoreEffects.ZERO);
    }

    /** The observation window's length in seconds. */
    public double windowSeconds() {
        return runLengthSeconds - warmupSeconds;
    }

    /** The counted flows of {@code kind}. */
    public FlowStatistics flowsOf(FlowKind kind) {
        return flows.get(kind);
    }

    /** The counted flows of {@code kind} that ended with {@code outcome}. */
    public long count(FlowKind kind, FlowOutcome outcome) {
        return flows.get(kind).counts().count(outcome);
    }

    /** The counted flows of {@code kind} whose station view differs from the terminal's. */
    public long stationViewDiffers(FlowKind kind) {
        return flows.get(kind).counts().stationViewDiffers();
    }

    /** The share of counted flows of {@code kind} that did not succeed, NaN if there were none. */
    public double failureShare(FlowKind kind) {
        return flows.get(kind).counts().failureShare();
    }

    /** The counts of the counted flows of every kind together: integrity checks, unfinished flows, bytes. */
    public FlowCounts flowTotals() {
        return flows.values().stream().map(FlowStatistics::counts).reduce(FlowCounts.ZERO, FlowCounts::plus);
    }

    /** The counts of every cell together. */
    public CellCounts cellTotals() {
        return cells.values().stream().map(CellStatistics::counts).reduce(CellCounts.ZERO, CellCounts::plus);
    }

    /** The channels of every cell observed. */
    public int totalChannels() {
        return cells.values().stream().mapToInt(CellStatistics::channels).sum();
    }

    /** Blocked attempts per attempt over every cell, NaN if there were no attempts. */
    public double blockingProbability() {
        return cellTotals().blockingProbability();
    }

    /** Admitted attempts per second of the window (the carried arrival rate). */
    public double admittedArrivalRatePerSecond() {
        return cellTotals().admittedAttempts() / windowSeconds();
    }

    /** The mean holding time of the channels seized in the window over every cell, NaN if none. */
    public double meanHoldingSeconds() {
        double sum = 0;
        long n = 0;
        for (CellStatistics cell : cells.values()) {
            sum += cell.holdingSeconds().getSum();
            n += cell.holdingSeconds().getN();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The time-weighted mean number of busy channels over every cell together. */
    public double meanBusyChannels() {
        double busy = 0;
        for (CellStatistics cell : cells.values()) {
            busy += cell.meanBusyChannels();
        }
        return busy;
    }

    /** The time-weighted mean number of busy channels per cell id. */
    public SortedMap<String, Double> meanBusyChannelsByCell() {
        TreeMap<String, Double> busy = new TreeMap<>();
        cells.forEach((id, cell) -> busy.put(id, cell.meanBusyChannels()));
        return Collections.unmodifiableSortedMap(busy);
    }
}
