package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.AuthListener;
import io.radiolink.node.BackupStore;
import io.radiolink.node.StationListeners;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.FlowListener;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.StatsConnector;
import io.radiolink.workload.WorkloadListener;
import java.util.function.Consumer;

/**
 * Drives the statistics of one replication ({@link StatsConnector}) on a DSOL engine: a script schedules
 * listener calls at chosen times on idle cells and stores, then the run ends and the connector finishes.
 */
final class ConnectorRun {

    static final long SEED = 2026;

    private final Scheduler scheduler;
    private final StatsConnector connector;
    private final StationListeners station;

    private ConnectorRun(Scheduler scheduler, StatsConnector connector) {
        this.scheduler = scheduler;
        this.connector = connector;
        this.station = connector.stationListeners(AirListener.NONE);
    }

    /** Runs {@code script} at time 0 of replication {@code replication}, runs every action, finishes. */
    static ReplicationResult run(int replication, double warmupSeconds, double runLengthSeconds,
            Consumer<ConnectorRun> script) {
        return run(replication, warmupSeconds, runLengthSeconds, 0, script);
    }

    /** As {@link #run(int, double, double, Consumer)}, keeping a series of bins of {@code seriesBinSeconds}. */
    static ReplicationResult run(int replication, double warmupSeconds, double runLengthSeconds,
            double seriesBinSeconds, Consumer<ConnectorRun> script) {
        ConnectorRun[] run = new ConnectorRun[1];
        new DsolEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            run[0] = new ConnectorRun(scheduler, new StatsConnector(scheduler, replication, SEED, warmupSeconds,
                    runLengthSeconds, seriesBinSeconds));
            script.accept(run[0]);
        });
        return run[0].connector.finish();
    }

    /** Replication 0. */
    static ReplicationResult run(double warmupSeconds, double runLengthSeconds, Consumer<ConnectorRun> script) {
        return run(0, warmupSeconds, runLengthSeconds, script);
    }

    StatsConnector connector() {
        return connector;
    }

    /** What the flows tell the statistics. */
    FlowListener flows() {
        return connector.flowListener();
    }

    /** What a station's cell tells the statistics. */
    CellListener cells() {
        return station.cell();
    }

    /** What a station's authentication tells the statistics. */
    AuthListener auth() {
        return station.auth();
    }

    /** What the workload tells the statistics. */
    WorkloadListener workload() {
        return connector.workloadListener();
    }

    /** Runs {@code action} at {@code timeSeconds}. */
    void at(double timeSeconds, Runnable action) {
        scheduler.scheduleAt(timeSeconds, action);
    }

    /**
     * A cell that reports to nobody: the script tells the statistics of its events itself. Its channels
     * count only once they see it (an event, or {@link StatsConnector#observeCell}).
     */
    RadioCell cell(String id, int channels) {
        return new RadioCell(id, channels, Profile.LTE.airInterface(), scheduler, new RandomStreams(SEED, 0),
                AirListener.NONE, CellListener.NONE);
    }

    /** A store that reports its occupancy to the statistics, as a base station's does. */
    BackupStore store(long capacityBytes) {
        return new BackupStore(capacityBytes, station.store());
    }
}
