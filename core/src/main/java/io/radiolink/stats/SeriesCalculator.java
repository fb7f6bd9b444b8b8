package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BackupStore;
import io.radiolink.node.StoreListener;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The replication's {@link BinnedSeries}: busy channels and stored bytes integrated exactly per bin, flows
 * started (by start time) and ended (by end time), attempts and blocked attempts (by their time), every cell
 * and store together, in bins over [0, run length) from time 0 whatever the window's warm-up. It only
 * listens, so it moves no other number. Store events carry no time: it is read from the scheduler.
 */
public final class SeriesCalculator extends Calculator<BinnedSeries>
        implements CellListener, StoreListener, FlowListener {

    private static final FlowKind[] KINDS = FlowKind.values();

    private final Scheduler scheduler;
    private final double binSeconds;
    private final double runLengthSeconds;
    private final int bins;
    private final BinnedLevel busy;
    private final BinnedLevel stored;
    private final StoreBytes storeBytes = new StoreBytes();
    private final long[][] started = new long[KINDS.length][];
    private final long[][] succeeded = new long[KINDS.length][];
    private final long[][] failed = new long[KINDS.length][];
    private final double[][] completionSecondsSum = new double[KINDS.length][];
    private final long[] attempts;
    private final long[] blockedAttempts;

    /**
     * A calculator of bins of {@code binSeconds} up to {@code window}'s run length, at the times
     * {@code scheduler} gives for store events.
     *
     * @param binSeconds > 0, giving at most {@link BinnedSeries#MAX_BINS} bins
     * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds} otherwise
     */
    public SeriesCalculator(ObservationWindow window, double binSeconds, Scheduler scheduler) {
        super(window);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.runLengthSeconds = window.runLengthSeconds();
        if (!(BinnedSeries.checkBinSeconds(binSeconds, runLengthSeconds) > 0)) {
            throw new IllegalArgumentException("a series needs a width > 0, was " + binSeconds);
        }
        this.binSeconds = binSeconds;
        this.bins = (int) BinnedSeries.binCount(binSeconds, runLengthSeconds);
        this.busy = new BinnedLevel();
        this.stored = new BinnedLevel();
        for (FlowKind kind : KINDS) {
            started[kind.ordinal()] = new long[bins];
            succeeded[kind.ordinal()] = new long[bins];
            failed[kind.ordinal()] = new long[bins];
            completionSecondsSum[kind.ordinal()] = new double[bins];
        }
        this.attempts = new long[bins];
        this.blockedAttempts = new long[bins];
    }

    @Override
    public void attempted(RadioCell cell, boolean blocked, double timeSeconds) {
        requireOpen();
        int bin = binOf(timeSeconds);
        if (bin >= 0) {
            attempts[bin]++;
            if (blocked) {
                blockedAttempts[bin]++;
            }
        }
    }

    @Override
    public void channelSeized(RadioCell cell, double timeSeconds) {
        requireOpen();
        busy.add(timeSeconds, 1);
    }

    @Override
    public void channelReleased(RadioCell cell, double heldSeconds, double timeSeconds) {
        requireOpen();
        busy.add(timeSeconds, -1);
    }

    @Override
    public void occupancyChanged(BackupStore store) {
        requireOpen();
        stored.add(scheduler.nowSeconds(), storeBytes.change(store));
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        requireOpen();
        int bin = binOf(timeSeconds);
        if (bin >= 0) {
            started[flow.kind().ordinal()][bin]++;
        }
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        int bin = binOf(record.endSeconds());
        if (bin >= 0) {
            int kind = record.kind().ordinal();
            if (record.outcome().isSuccess()) {
                succeeded[kind][bin]++;
                completionSecondsSum[kind][bin] += record.durationSeconds();
            } else {
                failed[kind][bin]++;
            }
        }
    }

    @Override
    BinnedSeries result() {
        Map<FlowKind, BinnedSeries.FlowBins> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : KINDS) {
            int k = kind.ordinal();
            flows.put(kind, new BinnedSeries.FlowBins(started[k], succeeded[k], failed[k], completionSecondsSum[k]));
        }
        return new BinnedSeries(binSeconds, runLengthSeconds, busy.means(), stored.means(), flows, attempts,
                blockedAttempts);
    }

    /** The bin holding {@code timeSeconds}, or -1 at or after the run length. */
    private int binOf(double timeSeconds) {
        if (!(timeSeconds < runLengthSeconds)) {
            return -1;
        }
        // The quotient may round across a boundary: the bin is the one whose [start, end) holds the time.
        int bin = (int) Math.min(bins - 1, Math.max(0, Math.floor(timeSeconds / binSeconds)));
        if (bin * binSeconds > timeSeconds) {
            bin--;
        } else if (bin + 1 < bins && (bin + 1) * binSeconds <= timeSeconds) {
            bin++;
        }
        return bin;
    }

    /** Where bin {@code bin} ends: the next one's start, or the run length for the last. */
    private double binEnd(int bin) {
        return bin == bins - 1 ? runLengthSeconds : (bin + 1) * binSeconds;
    }

    /**
     * A piecewise-constant level (0 until its first change) integrated exactly in each bin: the integral
     * runs from the last change to the next, split at the bins' ends it crosses; nothing after the run length.
     */
    private final class BinnedLevel {
        private final double[] areaSeconds = new double[bins];
        private long level;
        private double lastChangeSeconds;
        /** The bin holding {@link #lastChangeSeconds}; {@code bins} once that reached the run length. */
        private int bin;

        /** Changes the level by {@code delta} at {@code timeSeconds}, not before the previous change. */
        void add(double timeSeconds, long delta) {
            advanceTo(timeSeconds);
            level += delta;
        }

        private void advanceTo(double timeSeconds) {
            if (timeSeconds < lastChangeSeconds) {
                throw new IllegalArgumentException("time went backwards: " + timeSeconds + " after "
                        + lastChangeSeconds);
            }
            double to = Math.min(timeSeconds, runLengthSeconds);
            while (lastChangeSeconds < to) {
                double end = binEnd(bin);
                double upTo = Math.min(end, to);
                areaSeconds[bin] += level * (upTo - lastChangeSeconds);
                lastChangeSeconds = upTo;
                if (upTo == end) {
                    bin++;
                }
            }
        }

        /** Each bin's time-weighted mean, the last level extended to the run length; call once, at the end. */
        double[] means() {
            advanceTo(Math.max(lastChangeSeconds, runLengthSeconds));
            double[] means = new double[bins];
            for (int k = 0; k < bins; k++) {
                means[k] = areaSeconds[k] / (binEnd(k) - k * binSeconds);
            }
            return means;
        }
    }
}
