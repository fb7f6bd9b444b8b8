package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.IntegrityCheck;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The immutable, serializable statistics of one replication over its observation window
 * [{@code warmupSeconds}, {@code runLengthSeconds}], as {@link ReplicationCollector} defines them.
 *
 * @param replication the replication's index, from 0
 * @param seed the experiment's seed
 * @param warmupSeconds the window's start
 * @param runLengthSeconds the window's end
 * @param flows the counted flows by kind, every kind present
 * @param traffic the units the counted flows put on the air
 * @param integrity the counted flows by the receiver's integrity check, every value present
 * @param cells the radio cells by id
 * @param storage the occupancy of every store together
 * @param arrivalsSkippedTerminalBusy arrivals in the window that started no flow because the subscriber's
 *     terminal was still running one
 * @param unfinishedFlows flows that started in the window but had not ended when the collector finished
 *     (0 after a run that went on until no event was left)
 * @param authentication the stations' rejections and lock-outs in the window
 * @param outcomesLearnedStored backups whose terminal, never having heard the station's complete command,
 *     learned on its next contact (in the window) that the station holds its data
 * @param outcomesLearnedNotStored such backups whose terminal learned that the station does not hold it
 */
public record ReplicationResult(
        int replication,
        long seed,
        double warmupSeconds,
        double runLengthSeconds,
        Map<FlowKind, FlowStatistics> flows,
        Traffic traffic,
        Map<IntegrityCheck, Long> integrity,
        SortedMap<String, CellStatistics> cells,
        StorageOccupancy storage,
        long arrivalsSkippedTerminalBusy,
        long unfinishedFlows,
        AuthStatistics authentication,
        long outcomesLearnedStored,
        long outcomesLearnedNotStored) implements Serializable {

    /** Checks the window and the counts, and copies the maps. */
    public ReplicationResult {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        checkWindow(warmupSeconds, runLengthSeconds);
        flows = ResultMaps.complete(FlowKind.class, flows, "flows");
        Objects.requireNonNull(traffic, "traffic");
        integrity = ResultMaps.counts(IntegrityCheck.class, integrity, "integrity");
        cells = ResultMaps.sorted(cells, "cells");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authentication, "authentication");
        if (outcomesLearnedStored < 0 || outcomesLearnedNotStored < 0) {
            throw new IllegalArgumentException("learned outcomes must be >= 0");
        }
        if (arrivalsSkippedTerminalBusy < 0 || unfinishedFlows < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + arrivalsSkippedTerminalBusy + ", "
                    + unfinishedFlows);
        }
    }

    /** A result without authentication events. */
    public ReplicationResult(int replication, long seed, double warmupSeconds, double runLengthSeconds,
            Map<FlowKind, FlowStatistics> flows, Traffic traffic, Map<IntegrityCheck, Long> integrity,
            SortedMap<String, CellStatistics> cells, StorageOccupancy storage, long arrivalsSkippedTerminalBusy,
            long unfinishedFlows) {
        this(replication, seed, warmupSeconds, runLengthSeconds, flows, traffic, integrity, cells, storage,
                arrivalsSkippedTerminalBusy, unfinishedFlows, AuthStatistics.ZERO, 0, 0);
    }

    /** Requires 0 <= warm-up < run length, both finite. */
    static void checkWindow(double warmupSeconds, double runLengthSeconds) {
        if (!(warmupSeconds >= 0.0 && warmupSeconds < runLengthSeconds
                && runLengthSeconds < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("need finite 0 <= warmupSeconds < runLengthSeconds, was "
                    + warmupSeconds + " and " + runLengthSeconds);
        }
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
        return flows.get(kind).count(outcome);
    }

    /** The counted flows of {@code kind} whose station view differs from the terminal's. */
    public long stationViewDiffers(FlowKind kind) {
        return flows.get(kind).stationViewDiffers();
    }

    /** The share of counted flows of {@code kind} that did not succeed, NaN if there were none. */
    public double failureShare(FlowKind kind) {
        return flows.get(kind).failureShare();
    }

    /** The counted flows whose receiver's integrity check gave {@code check}. */
    public long integrity(IntegrityCheck check) {
        return integrity.get(check);
    }

    /** The channels of every cell the collector observed. */
    public int totalChannels() {
        int channels = 0;
        for (CellStatistics cell : cells.values()) {
            channels += cell.channels();
        }
        return channels;
    }

    /** Connection attempts in the window, over every cell. */
    public long attempts() {
        long attempts = 0;
        for (CellStatistics cell : cells.values()) {
            attempts += cell.attempts();
        }
        return attempts;
    }

    /** Attempts in the window that found every channel of their cell busy. */
    public long blockedAttempts() {
        long blocked = 0;
        for (CellStatistics cell : cells.values()) {
            blocked += cell.blockedAttempts();
        }
        return blocked;
    }

    /** Attempts in the window that got a channel. */
    public long admittedAttempts() {
        return attempts() - blockedAttempts();
    }

    /** Blocked attempts per attempt over every cell, NaN if there were no attempts. */
    public double blockingProbability() {
        long attempts = attempts();
        return attempts == 0 ? Double.NaN : (double) blockedAttempts() / attempts;
    }

    /** Admitted attempts per second of the window (the carried arrival rate). */
    public double admittedArrivalRatePerSecond() {
        return admittedAttempts() / windowSeconds();
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
