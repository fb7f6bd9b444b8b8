package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthListener;
import io.radiolink.node.BackupStore;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.StoreListener;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import io.radiolink.workload.WorkloadListener;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Listens to one replication's flows, cells, stores and workload and turns them into a
 * {@link ReplicationResult}; single-use and single-threaded.
 *
 * <p><b>Run control.</b> The observation window is [{@code warmupSeconds}, {@code runLengthSeconds}],
 * both ends included. Arrivals stop at the run length, and flows in progress then run to their outcome,
 * so the run goes on past the window's end until no event is left.
 * <ul>
 *   <li><b>Flows</b> are counted by their <em>start</em> time: a flow that started in the window is
 *       counted with everything in its record (outcome, times, units, retransmissions, bytes), even the
 *       part after the run length, so every counted flow has an outcome. Flows that started before the
 *       warm-up, or after the run length, are ignored entirely.</li>
 *   <li><b>Connection attempts</b> and blocking are counted by the attempt's time.</li>
 *   <li><b>Holding times</b> are counted for channels seized in the window; the seizure time is
 *       the release time minus the holding time.</li>
 *   <li><b>Busy channels</b> (per cell, and their sum) and <b>storage occupancy</b> (committed plus
 *       staged bytes of every store together) are integrated exactly over the window: changes before it
 *       are tracked so the integral opens at the right level, changes after it do not count. The storage
 *       peak is the largest level in force in the window; its end value is the level at the run length.</li>
 *   <li><b>Skipped arrivals</b> (terminal busy) are counted by their time.</li>
 * </ul>
 *
 * <p><b>Closing the window.</b> {@link #finish()} closes the integrals at the run length, not at the
 * current time, and never reads the clock. The runs this collector serves end only when no event is
 * left: when the last event came before the run length, nothing could change afterwards, so extending
 * the last level to the run length is exact, whereas closing at the last event would shorten the window
 * by a random amount and bias every rate and time average. A run stopped early with events still
 * pending (an engine end time below the run length) is outside this contract: construct the collector
 * with that end time as its run length instead. {@link FlowCounts#unfinished()} shows
 * such a run: counted flows that never ended.
 *
 * <p><b>Cells and stores</b> must be observed from when they are built (their channels and bytes are
 * counted from zero). Register every cell with {@link #observeCell(RadioCell)}: a cell is otherwise
 * only known from its first event, and one that never saw an attempt would be missing from the channel
 * total. Cells are identified by id.
 */
public final class ReplicationCollector
        implements FlowListener, CellListener, StoreListener, WorkloadListener, AuthListener {

    private static final FlowKind[] KINDS = FlowKind.values();
    private static final FlowPhase[] PHASES = FlowPhase.values();

    private final Scheduler scheduler;
    private final int replication;
    private final long seed;
    private final double warmupSeconds;
    private final double runLengthSeconds;

    private final KindAccumulator[] kinds = new KindAccumulator[KINDS.length];
    private long uplinkUnitsSent;
    private long uplinkUnitsLost;
    private long uplinkRetransmissions;
    private long downlinkUnitsSent;
    private long downlinkUnitsLost;
    private long uplinkUnitsCorrupted;
    private long downlinkUnitsCorrupted;
    private long downlinkRetransmissions;
    private long dataFramesSent;
    private long dataFramesRetransmitted;

    private final TreeMap<String, CellAccumulator> cells = new TreeMap<>();

    /** Each store's last reported occupancy; looked up only, never iterated. */
    private final IdentityHashMap<BackupStore, Long> storeBytes = new IdentityHashMap<>();
    private final TimeWeightedLevel storage;
    private long copiesLost;
    private long bytesLost;
    private long copiesExpired;
    private AuthStatistics authentication = AuthStatistics.ZERO;
    private LearnedOutcomes learned = LearnedOutcomes.ZERO;

    private long arrivalsSkipped;
    private boolean finished;

    /**
     * A collector for replication {@code replication} of an experiment with {@code seed}.
     *
     * @param scheduler the replication's scheduler, read for the time of store changes
     * @param warmupSeconds the window's start, finite and >= 0
     * @param runLengthSeconds the window's end, finite and > {@code warmupSeconds}
     */
    public ReplicationCollector(Scheduler scheduler, int replication, long seed, double warmupSeconds,
            double runLengthSeconds) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        ReplicationResult.checkWindow(warmupSeconds, runLengthSeconds);
        this.replication = replication;
        this.seed = seed;
        this.warmupSeconds = warmupSeconds;
        this.runLengthSeconds = runLengthSeconds;
        for (FlowKind kind : KINDS) {
            kinds[kind.ordinal()] = new KindAccumulator();
        }
        this.storage = new TimeWeightedLevel(warmupSeconds, runLengthSeconds);
    }

    /**
     * Registers {@code cell} so that its channels count even if it never sees an attempt; idempotent.
     *
     * @throws IllegalArgumentException if another cell with the same id was observed
     */
    public void observeCell(RadioCell cell) {
        requireOpen();
        cell(cell);
    }

    private boolean inWindow(double timeSeconds) {
        return timeSeconds >= warmupSeconds && timeSeconds <= runLengthSeconds;
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            kinds[flow.kind().ordinal()].started++;
        }
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        if (!inWindow(record.startSeconds())) {
            return;
        }
        kinds[record.kind().ordinal()].add(record);
        uplinkUnitsSent += record.uplinkUnitsSent();
        uplinkUnitsLost += record.uplinkUnitsLost();
        uplinkRetransmissions += record.uplinkRetransmissions();
        downlinkUnitsSent += record.downlinkUnitsSent();
        downlinkUnitsLost += record.downlinkUnitsLost();
        uplinkUnitsCorrupted += record.uplinkUnitsCorrupted();
        downlinkUnitsCorrupted += record.downlinkUnitsCorrupted();
        downlinkRetransmissions += record.downlinkRetransmissions();
        dataFramesSent += record.dataFramesSent();
        dataFramesRetransmitted += record.dataFramesRetransmitted();
    }

    @Override
    public void attempted(RadioCell cell, boolean blocked, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        if (inWindow(timeSeconds)) {
            accumulator.attempts++;
            if (blocked) {
                accumulator.blockedAttempts++;
            }
        }
    }

    @Override
    public void channelSeized(RadioCell cell, double timeSeconds) {
        requireOpen();
        cell(cell).busy.add(timeSeconds, 1);
    }

    @Override
    public void channelReleased(RadioCell cell, double heldSeconds, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        accumulator.busy.add(timeSeconds, -1);
        if (inWindow(timeSeconds - heldSeconds)) {
            accumulator.holding.addValue(heldSeconds);
        }
    }

    @Override
    public void accessAttempt(RadioCell cell, boolean collided, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        if (inWindow(timeSeconds)) {
            accumulator.preambles++;
            if (collided) {
                accumulator.collisions++;
            }
        }
    }

    @Override
    public void stationDown(RadioCell cell, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        accumulator.down.set(timeSeconds, 1);
        if (inWindow(timeSeconds)) {
            accumulator.outages++;
        }
    }

    @Override
    public void stationUp(RadioCell cell, double timeSeconds) {
        requireOpen();
        cell(cell).down.set(timeSeconds, 0);
    }

    @Override
    public void copiesLost(BackupStore store, int copies, long bytes) {
        requireOpen();
        if (inWindow(scheduler.nowSeconds())) {
            copiesLost += copies;
            bytesLost += bytes;
        }
    }

    @Override
    public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            learned = learned.plus(new LearnedOutcomes(committed ? 1 : 0, committed ? 0 : 1));
        }
    }

    @Override
    public void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            authentication = authentication.plus(new AuthStatistics(locked ? 0 : 1, locked ? 1 : 0, 0));
        }
    }

    @Override
    public void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            authentication = authentication.plus(new AuthStatistics(0, 0, 1));
        }
    }

    @Override
    public void copyExpired(BackupStore store, StoredBackup copy) {
        requireOpen();
        if (inWindow(scheduler.nowSeconds())) {
            copiesExpired++;
        }
    }

    @Override
    public void occupancyChanged(BackupStore store) {
        requireOpen();
        long bytes = store.committedBytes() + store.stagedBytes();
        Long previous = storeBytes.put(store, bytes);
        storage.add(scheduler.nowSeconds(), bytes - (previous == null ? 0 : previous));
    }

    @Override
    public void arrivalSkippedTerminalBusy(String stationId, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            arrivalsSkipped++;
        }
    }

    /**
     * Closes the window at the run length (see the class comment for why not at the current time) and
     * returns the replication's result; call once, after the run. The collector accepts no event after it.
     *
     * @throws IllegalStateException if called twice, or if more counted flows ended than started (the
     *     collector was not told of every flow event)
     */
    public ReplicationResult finish() {
        requireOpen();
        finished = true;
        Map<FlowKind, FlowStatistics> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : KINDS) {
            flows.put(kind, kinds[kind.ordinal()].toStatistics(kind));
        }
        TreeMap<String, CellStatistics> cellStatistics = new TreeMap<>();
        cells.forEach((id, cell) -> cellStatistics.put(id, cell.toStatistics()));
        storage.close();
        Traffic traffic = new Traffic(
                new DirectionCounts(uplinkUnitsSent, uplinkUnitsLost, uplinkRetransmissions, uplinkUnitsCorrupted),
                new DirectionCounts(downlinkUnitsSent, downlinkUnitsLost, downlinkRetransmissions,
                        downlinkUnitsCorrupted),
                dataFramesSent, dataFramesRetransmitted);
        return new ReplicationResult(replication, seed, warmupSeconds, runLengthSeconds, flows, traffic,
                cellStatistics, new StorageOccupancy(storage.mean(), storage.peak(), storage.endLevel(),
                        new StorageCounts(copiesLost, bytesLost, copiesExpired)),
                authentication, new WorkloadCounts(arrivalsSkipped), learned);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("the collector has finished; use a new one per replication");
        }
    }

    private CellAccumulator cell(RadioCell cell) {
        CellAccumulator accumulator = cells.get(cell.id());
        if (accumulator == null) {
            accumulator = new CellAccumulator(cell, new TimeWeightedLevel(warmupSeconds, runLengthSeconds),
                    new TimeWeightedLevel(warmupSeconds, runLengthSeconds));
            cells.put(cell.id(), accumulator);
        } else if (accumulator.cell != cell) {
            throw new IllegalArgumentException("two cells have the id '" + cell.id() + "'");
        }
        return accumulator;
    }

    /** An immutable copy of {@code statistics}: n, mean, variance, min, max, sum (NaN where undefined). */
    private static StatisticalSummaryValues summary(SummaryStatistics statistics) {
        return new StatisticalSummaryValues(statistics.getMean(), statistics.getVariance(), statistics.getN(),
                statistics.getMax(), statistics.getMin(), statistics.getSum());
    }

    /** The counted flows of one kind. */
    private static final class KindAccumulator {
        long started;
        long ended;
        final long[] outcomes = new long[FlowOutcome.values().length];
        final long[] integrity = new long[IntegrityCheck.values().length];
        long stationViewDiffers;
        final SummaryStatistics completion = new SummaryStatistics();
        final Histogram completionHistogram = DurationHistogram.newRecorder();
        final SummaryStatistics[] phases = new SummaryStatistics[PHASES.length];
        long successfulUserDataBytes;
        final SummaryStatistics successAttempts = new SummaryStatistics();
        long dataBytesSent;
        long bytesInVain;
        long chunksRepaired;

        KindAccumulator() {
            for (FlowPhase phase : PHASES) {
                phases[phase.ordinal()] = new SummaryStatistics();
            }
        }

        void add(FlowRecord record) {
            ended++;
            outcomes[record.outcome().ordinal()]++;
            integrity[record.integrity().ordinal()]++;
            if (record.stationViewDiffers()) {
                stationViewDiffers++;
            }
            if (record.outcome().isSuccess()) {
                completion.addValue(record.durationSeconds());
                DurationHistogram.record(completionHistogram, record.durationSeconds());
                successfulUserDataBytes += record.userDataBytes();
                successAttempts.addValue(record.attempts());
            }
            dataBytesSent += record.dataBytesSent();
            bytesInVain += record.bytesInVain();
            chunksRepaired += record.chunksRepaired();
            for (FlowPhase phase : PHASES) {
                if (record.phaseTimes().entered(phase)) {
                    phases[phase.ordinal()].addValue(record.phaseTimes().seconds(phase));
                }
            }
        }

        FlowStatistics toStatistics(FlowKind kind) {
            if (ended > started) {
                throw new IllegalStateException(ended + " counted " + kind + " flows ended but only " + started
                        + " started: forward flowStarted as well as flowEnded to the collector");
            }
            Map<FlowPhase, StatisticalSummaryValues> phaseSeconds = new EnumMap<>(FlowPhase.class);
            for (FlowPhase phase : PHASES) {
                phaseSeconds.put(phase, summary(phases[phase.ordinal()]));
            }
            FlowCounts counts = new FlowCounts(ResultMaps.counts(FlowOutcome.class, outcomes),
                    ResultMaps.counts(IntegrityCheck.class, integrity), started - ended, stationViewDiffers,
                    successfulUserDataBytes, dataBytesSent, bytesInVain, chunksRepaired);
            return new FlowStatistics(counts, summary(completion), DurationHistogram.copyOf(completionHistogram),
                    phaseSeconds, summary(successAttempts));
        }
    }

    /** One cell's attempts, holding times and busy channels. */
    private static final class CellAccumulator {
        final RadioCell cell;
        final TimeWeightedLevel busy;
        final TimeWeightedLevel down;
        final SummaryStatistics holding = new SummaryStatistics();
        long attempts;
        long blockedAttempts;
        long outages;
        long preambles;
        long collisions;

        CellAccumulator(RadioCell cell, TimeWeightedLevel busy, TimeWeightedLevel down) {
            this.cell = cell;
            this.busy = busy;
            this.down = down;
        }

        CellStatistics toStatistics() {
            busy.close();
            down.close();
            return new CellStatistics(cell.channels(),
                    new CellCounts(attempts, blockedAttempts, outages, preambles, collisions), summary(holding),
                    busy.mean(), down.mean());
        }
    }
}
