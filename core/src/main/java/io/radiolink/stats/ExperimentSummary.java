package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.IntegrityCheck;
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
import java.util.function.ToDoubleFunction;

/**
 * The merge of an experiment's replications: totals of the counts, confidence intervals of the
 * per-replication means, and percentiles from the pooled histograms.
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
 * @param integrity counted flows by integrity check, summed, every value present
 * @param cells per cell id, over the replications that observed the cell
 * @param blockingProbability the estimate of the blocking probability over every cell
 * @param meanHoldingSeconds the estimate of the mean channel holding time over every cell
 * @param meanBusyChannels the estimate of the time-weighted mean of busy channels, every cell together
 * @param admittedArrivalRatePerSecond the estimate of admitted attempts per second of the window
 * @param storageMeanBytes the estimate of the time-weighted mean storage occupancy, every store together
 * @param storagePeakBytes the largest storage peak of any replication
 * @param outages station outages that began in the windows, summed over cells and replications
 * @param copiesLost committed copies volatile stores lost in outages, summed
 * @param bytesLost their bytes, summed
 * @param copiesExpired committed copies removed at the end of their retention period, summed
 * @param arrivalsSkippedTerminalBusy arrivals that found the subscriber's terminal busy, summed
 * @param unfinishedFlows counted flows that never ended, summed (0 unless a run was cut short)
 * @param authentication rejections and lock-outs, summed
 * @param preambleTransmissions random-access preambles sent, summed over cells and replications
 * @param preambleCollisions of those, preambles that collided
 * @param outcomesLearnedStored unconfirmed backups learned on next contact to be stored, summed
 * @param outcomesLearnedNotStored unconfirmed backups learned on next contact not to be stored, summed
 */
public record ExperimentSummary(
        int replications,
        double warmupSeconds,
        double runLengthSeconds,
        Map<FlowKind, FlowSummary> flows,
        Traffic traffic,
        Map<IntegrityCheck, Long> integrity,
        SortedMap<String, CellSummary> cells,
        Estimate blockingProbability,
        Estimate meanHoldingSeconds,
        Estimate meanBusyChannels,
        Estimate admittedArrivalRatePerSecond,
        Estimate storageMeanBytes,
        long storagePeakBytes,
        long outages,
        long copiesLost,
        long bytesLost,
        long copiesExpired,
        long arrivalsSkippedTerminalBusy,
        long unfinishedFlows,
        AuthStatistics authentication,
        long preambleTransmissions,
        long preambleCollisions,
        long outcomesLearnedStored,
        long outcomesLearnedNotStored) implements Serializable {

    private static final Comparator<ReplicationResult> BY_INDEX_THEN_SEED =
            Comparator.comparingInt(ReplicationResult::replication).thenComparingLong(ReplicationResult::seed);

    /** Copies the maps and checks for nulls. */
    public ExperimentSummary {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, was " + replications);
        }
        ReplicationResult.checkWindow(warmupSeconds, runLengthSeconds);
        flows = ResultMaps.complete(FlowKind.class, flows, "flows");
        Objects.requireNonNull(traffic, "traffic");
        integrity = ResultMaps.counts(IntegrityCheck.class, integrity, "integrity");
        cells = ResultMaps.sorted(cells, "cells");
        Objects.requireNonNull(blockingProbability, "blockingProbability");
        Objects.requireNonNull(meanHoldingSeconds, "meanHoldingSeconds");
        Objects.requireNonNull(meanBusyChannels, "meanBusyChannels");
        Objects.requireNonNull(admittedArrivalRatePerSecond, "admittedArrivalRatePerSecond");
        Objects.requireNonNull(storageMeanBytes, "storageMeanBytes");
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
            flows.put(kind, flowSummary(sorted, kind, confidence));
        }
        Traffic traffic = Traffic.ZERO;
        List<Map<IntegrityCheck, Long>> integrity = new ArrayList<>();
        long storagePeak = 0;
        long outages = 0;
        long copiesLost = 0;
        long bytesLost = 0;
        long copiesExpired = 0;
        long skipped = 0;
        long unfinished = 0;
        AuthStatistics authentication = AuthStatistics.ZERO;
        long preambles = 0;
        long collisions = 0;
        long learnedStored = 0;
        long learnedNotStored = 0;
        for (ReplicationResult result : sorted) {
            traffic = traffic.plus(result.traffic());
            integrity.add(result.integrity());
            storagePeak = Math.max(storagePeak, result.storage().peakBytes());
            outages += result.cells().values().stream().mapToLong(CellStatistics::outages).sum();
            copiesLost += result.storage().copiesLost();
            bytesLost += result.storage().bytesLost();
            copiesExpired += result.storage().copiesExpired();
            skipped += result.arrivalsSkippedTerminalBusy();
            unfinished += result.unfinishedFlows();
            authentication = authentication.plus(result.authentication());
            learnedStored += result.outcomesLearnedStored();
            learnedNotStored += result.outcomesLearnedNotStored();
            for (CellStatistics cell : result.cells().values()) {
                preambles += cell.preambleTransmissions();
                collisions += cell.preambleCollisions();
            }
        }
        return new ExperimentSummary(sorted.size(), first.warmupSeconds(), first.runLengthSeconds(), flows,
                traffic, ResultMaps.sum(IntegrityCheck.class, integrity), cellSummaries(sorted, confidence),
                estimate(sorted, ReplicationResult::blockingProbability, confidence),
                estimate(sorted, ReplicationResult::meanHoldingSeconds, confidence),
                estimate(sorted, ReplicationResult::meanBusyChannels, confidence),
                estimate(sorted, ReplicationResult::admittedArrivalRatePerSecond, confidence),
                estimate(sorted, r -> r.storage().meanBytes(), confidence),
                storagePeak, outages, copiesLost, bytesLost, copiesExpired, skipped, unfinished, authentication,
                preambles, collisions, learnedStored, learnedNotStored);
    }

    private static FlowSummary flowSummary(List<ReplicationResult> sorted, FlowKind kind, double confidence) {
        List<FlowStatistics> perReplication = new ArrayList<>();
        List<Map<FlowOutcome, Long>> outcomes = new ArrayList<>();
        List<DurationHistogram> histograms = new ArrayList<>();
        long viewDiffers = 0;
        long bytes = 0;
        long dataBytesSent = 0;
        long bytesInVain = 0;
        long chunksRepaired = 0;
        for (ReplicationResult result : sorted) {
            FlowStatistics statistics = result.flowsOf(kind);
            perReplication.add(statistics);
            outcomes.add(statistics.outcomes());
            histograms.add(statistics.completionHistogram());
            viewDiffers += statistics.stationViewDiffers();
            bytes += statistics.successfulUserDataBytes();
            dataBytesSent += statistics.dataBytesSent();
            bytesInVain += statistics.bytesInVain();
            chunksRepaired += statistics.chunksRepaired();
        }
        Map<FlowPhase, Estimate> phases = new EnumMap<>(FlowPhase.class);
        for (FlowPhase phase : FlowPhase.values()) {
            phases.put(phase, estimate(perReplication, s -> s.phaseMeanSeconds(phase), confidence));
        }
        return new FlowSummary(ResultMaps.sum(FlowOutcome.class, outcomes), viewDiffers, bytes,
                estimate(perReplication, FlowStatistics::completionMeanSeconds, confidence), phases,
                estimate(perReplication, FlowStatistics::failureShare, confidence),
                DurationHistogram.merge(histograms),
                estimate(perReplication, FlowStatistics::meanAttemptsPerSuccess, confidence),
                estimate(perReplication, FlowStatistics::bytesInVainPerFlow, confidence),
                dataBytesSent, bytesInVain, chunksRepaired);
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
            int channels = perReplication.get(0).channels();
            long attempts = 0;
            long blocked = 0;
            long outages = 0;
            for (CellStatistics cell : perReplication) {
                if (cell.channels() != channels) {
                    throw new IllegalArgumentException("cell '" + id + "' has " + channels + " channels in one "
                            + "replication and " + cell.channels() + " in another");
                }
                attempts += cell.attempts();
                blocked += cell.blockedAttempts();
                outages += cell.outages();
            }
            cells.put(id, new CellSummary(channels, attempts, blocked,
                    estimate(perReplication, CellStatistics::blockingProbability, confidence),
                    estimate(perReplication, CellStatistics::meanHoldingSeconds, confidence),
                    estimate(perReplication, CellStatistics::meanBusyChannels, confidence), outages,
                    estimate(perReplication, CellStatistics::downShare, confidence)));
        }
        return cells;
    }

    private static <T> Estimate estimate(List<T> perReplication, ToDoubleFunction<T> value, double confidence) {
        double[] values = new double[perReplication.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(perReplication.get(i));
        }
        return Estimate.of(values, confidence);
    }

    /** The flows of {@code kind}. */
    public FlowSummary flowsOf(FlowKind kind) {
        return flows.get(kind);
    }

    /** The channels of every cell observed. */
    public int totalChannels() {
        int channels = 0;
        for (CellSummary cell : cells.values()) {
            channels += cell.channels();
        }
        return channels;
    }

    /** Connection attempts in the windows, over every cell and replication. */
    public long attempts() {
        long attempts = 0;
        for (CellSummary cell : cells.values()) {
            attempts += cell.attempts();
        }
        return attempts;
    }

    /** Blocked attempts, over every cell and replication. */
    public long blockedAttempts() {
        long blocked = 0;
        for (CellSummary cell : cells.values()) {
            blocked += cell.blockedAttempts();
        }
        return blocked;
    }
}
