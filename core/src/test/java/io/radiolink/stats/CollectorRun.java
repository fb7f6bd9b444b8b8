package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BackupStore;
import io.radiolink.profile.Profile;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import java.util.function.Consumer;

/**
 * Drives a {@link ReplicationCollector} on a DSOL engine: a script schedules listener calls at chosen
 * times on idle cells and stores, then the run ends and the collector finishes.
 */
final class CollectorRun {

    static final long SEED = 2026;

    private final Scheduler scheduler;
    private final ReplicationCollector collector;

    private CollectorRun(Scheduler scheduler, ReplicationCollector collector) {
        this.scheduler = scheduler;
        this.collector = collector;
    }

    /** Runs {@code script} at time 0 of replication {@code replication}, runs every action, finishes. */
    static ReplicationResult run(int replication, double warmupSeconds, double runLengthSeconds,
            Consumer<CollectorRun> script) {
        CollectorRun[] run = new CollectorRun[1];
        new DsolEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            run[0] = new CollectorRun(scheduler,
                    new ReplicationCollector(scheduler, replication, SEED, warmupSeconds, runLengthSeconds));
            script.accept(run[0]);
        });
        return run[0].collector.finish();
    }

    /** Replication 0. */
    static ReplicationResult run(double warmupSeconds, double runLengthSeconds, Consumer<CollectorRun> script) {
        return run(0, warmupSeconds, runLengthSeconds, script);
    }

    ReplicationCollector collector() {
        return collector;
    }

    /** Runs {@code action} at {@code timeSeconds}. */
    void at(double timeSeconds, Runnable action) {
        scheduler.scheduleAt(timeSeconds, action);
    }

    /**
     * A cell that reports to nobody: the script tells the collector of its events itself. Its channels
     * count only once the collector sees it (an event, or {@link ReplicationCollector#observeCell}).
     */
    RadioCell cell(String id, int channels) {
        return new RadioCell(id, channels, Profile.LTE.airInterface(), scheduler, new RandomStreams(SEED, 0),
                AirListener.NONE, CellListener.NONE);
    }

    /** A store that reports its occupancy to the collector, as a base station's does. */
    BackupStore store(long capacityBytes) {
        return new BackupStore(capacityBytes, collector);
    }
}
