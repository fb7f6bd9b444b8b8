package io.radiolink.simulation;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthListener;
import io.radiolink.node.StationListeners;
import io.radiolink.node.StoreListener;
import io.radiolink.protocol.FlowListener;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.RadioCell;
import io.radiolink.radio.Range;
import io.radiolink.stats.AuthCalculator;
import io.radiolink.stats.BackhaulCalculator;
import io.radiolink.stats.CellCalculator;
import io.radiolink.stats.FlowCalculator;
import io.radiolink.stats.LateEffectCalculator;
import io.radiolink.stats.LearnedOutcomeCalculator;
import io.radiolink.stats.ObservationWindow;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.stats.SeriesCalculator;
import io.radiolink.stats.ShareCalculator;
import io.radiolink.stats.StorageCalculator;
import io.radiolink.stats.TrafficCalculator;
import io.radiolink.stats.WorkloadCalculator;
import io.radiolink.workload.WorkloadListener;

/**
 * The statistics of one replication, wired to its model: one calculator per concern
 * ({@code io.radiolink.stats}), each given the events it needs, and their parts assembled into the
 * {@link ReplicationResult} at {@link #finish()}. The only class that knows both the model's listeners
 * and the calculators: a station reports to {@link #stationListeners}, the flows (joined by
 * {@link FlowRecords}) to {@link #flowListener()}, the workload to {@link #workloadListener()}. Every
 * quantity is counted as the run-control contract of {@code io.radiolink.stats} states; in its terms
 * the model must tell the connector of every flow's start as well as its end, build its stations with
 * these listeners and {@link #observeCell} each station's cell. With a series width, a {@link SeriesCalculator}
 * listens to the cells, stores and flows last (it only listens, so no other number moves).
 *
 * <p>Single-use and single-threaded; it accepts no event after {@link #finish()}.
 */
public final class StatsConnector {

    private final int replication;
    private final long seed;
    private final ObservationWindow window;
    private final FlowCalculator flows;
    private final TrafficCalculator traffic;
    private final LearnedOutcomeCalculator learnedOutcomes;
    private final LateEffectCalculator lateEffects;
    private final CellCalculator cells;
    private final ShareCalculator shares;
    private final CellListeners cellEvents;
    private final StorageCalculator storage;
    private final AuthCalculator authentication;
    private final WorkloadCalculator workload;
    private final BackhaulCalculator backhauls;
    /** Null without a series (width 0): then nothing is told to it. */
    private final SeriesCalculator series;
    private final StoreListener storeEvents;
    private final Scheduler scheduler;
    private final FlowListener flowEvents;

    /**
     * The statistics of replication {@code replication} of an experiment with {@code seed}, without a series
     * ({@link BinnedSeries#NONE}).
     *
     * @param scheduler the replication's scheduler, read for the time of store changes
     * @param replication >= 0
     * @param warmupSeconds the window's start, finite and >= 0
     * @param runLengthSeconds the window's end, finite and > {@code warmupSeconds}
     */
    public StatsConnector(Scheduler scheduler, int replication, long seed, double warmupSeconds,
            double runLengthSeconds) {
        this(scheduler, replication, seed, warmupSeconds, runLengthSeconds, 0);
    }

    /**
     * As {@link #StatsConnector(Scheduler, int, long, double, double)}, with the time-binned series of bins of
     * {@code seriesBinSeconds} over [0, {@code runLengthSeconds}).
     *
     * @param seriesBinSeconds 0 for no series, or a width giving at most {@link BinnedSeries#MAX_BINS} bins
     * @throws io.radiolink.radio.InvalidFieldException naming {@code seriesBinSeconds} if it is neither
     */
    public StatsConnector(Scheduler scheduler, int replication, long seed, double warmupSeconds,
            double runLengthSeconds, double seriesBinSeconds) {
        Range.wholeBetween(0, Integer.MAX_VALUE).check("replication", replication);
        this.replication = replication;
        this.seed = seed;
        this.window = new ObservationWindow(warmupSeconds, runLengthSeconds);
        this.flows = new FlowCalculator(window);
        this.traffic = new TrafficCalculator(window);
        this.learnedOutcomes = new LearnedOutcomeCalculator(window);
        this.lateEffects = new LateEffectCalculator(window);
        this.cells = new CellCalculator(window);
        this.shares = new ShareCalculator(window);
        this.storage = new StorageCalculator(window, scheduler);
        this.authentication = new AuthCalculator(window);
        this.workload = new WorkloadCalculator(window);
        this.backhauls = new BackhaulCalculator(window);
        this.scheduler = scheduler;
        FlowListeners flowListeners = new FlowListeners(flows, traffic, learnedOutcomes, workload, lateEffects);
        if (BinnedSeries.checkBinSeconds(seriesBinSeconds, runLengthSeconds) > 0) {
            this.series = new SeriesCalculator(window, seriesBinSeconds, scheduler);
            this.cellEvents = new CellListeners(cells, shares, series);
            this.storeEvents = new StoreListeners(storage, series);
            flowListeners.add(series);
        } else {
            this.series = null;
            this.cellEvents = new CellListeners(cells, shares);
            this.storeEvents = storage;
        }
        this.flowEvents = flowListeners;
    }

    /**
     * The listeners a station is built with: {@code air}, and the cell (with the shared cells'), store and
     * authentication calculators.
     */
    public StationListeners stationListeners(AirListener air) {
        return stationListeners(air, AuthListener.NONE);
    }

    /** As {@link #stationListeners(AirListener)}, the authentication calculator's events told to {@code auth} after it. */
    public StationListeners stationListeners(AirListener air, AuthListener auth) {
        return new StationListeners(air, cellEvents, storeEvents, AuthListener.both(authentication, auth));
    }

    /** Told of every flow: the flow, traffic, learned-outcome, workload and late-effect calculators (and the series'). */
    public FlowListener flowListener() {
        return flowEvents;
    }

    /** Told of what the workload does besides starting flows. */
    public WorkloadListener workloadListener() {
        return workload;
    }

    /**
     * Registers {@code cell} so that its channels count even if it never sees an attempt; idempotent. The
     * first shared cell posts the window's opening (at a positive warm-up) and closing, at which the share
     * calculator takes its snapshots (a dedicated cell posts nothing). Call at time 0.
     *
     * @throws IllegalArgumentException if another cell with the same id was observed
     */
    public void observeCell(RadioCell cell) {
        cells.observeCell(cell);
        boolean first = !shares.observing();
        shares.observeCell(cell);
        if (first && shares.observing()) {
            // The first shared cell: the window's ends, at which the share calculator takes its snapshots.
            if (window.warmupSeconds() > 0) {
                scheduler.postAt(window.warmupSeconds(), shares::windowOpened);
            }
            scheduler.postAt(window.runLengthSeconds(), shares::windowClosed);
        }
    }

    /**
     * Observes {@code backhaul} (network storage): the first one posts the window's opening (at a positive
     * warm-up) and closing, at which the backhaul calculator takes its snapshots. Call at time 0.
     */
    public void observeBackhaul(Backhaul backhaul) {
        if (!backhauls.observing()) {
            if (window.warmupSeconds() > 0) {
                scheduler.postAt(window.warmupSeconds(), backhauls::windowOpened);
            }
            scheduler.postAt(window.runLengthSeconds(), backhauls::windowClosed);
        }
        backhauls.observe(backhaul);
    }

    /**
     * Finishes every calculator and returns the replication's result; call once, after the run.
     *
     * @throws IllegalStateException if called twice, or if more counted flows ended than started (the
     *     connector was not told of every flow's start)
     */
    public ReplicationResult finish() {
        return new ReplicationResult(replication, seed, window.warmupSeconds(), window.runLengthSeconds(),
                flows.finish(), traffic.finish(), cells.finish(), storage.finish(), authentication.finish(),
                workload.finish(), learnedOutcomes.finish(), backhauls.finish(), shares.finish(),
                lateEffects.finish(), series == null ? BinnedSeries.NONE : series.finish());
    }
}
