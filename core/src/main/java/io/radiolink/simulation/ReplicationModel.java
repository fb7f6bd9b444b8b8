package io.radiolink.simulation;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.SubscriberStore;
import io.radiolink.protocol.BackupService;
import io.radiolink.random.RandomStreams;
import io.radiolink.stats.ReplicationResult;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One replication's model, built on a scheduler: its stations, its protocol service, its streams and
 * its statistics. In hosted mode the host runs the scheduler and then calls {@link #finish()}.
 */
public final class ReplicationModel {

    private final int replication;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final List<BaseStation> stations;
    private final BackupService service;
    private final StatsConnector statistics;
    private final Storage storage;
    private final FlowRecords records;

    ReplicationModel(int replication, Scheduler scheduler, RandomStreams streams, List<BaseStation> stations,
            BackupService service, StatsConnector statistics, Storage storage, FlowRecords records) {
        this.storage = storage;
        this.records = records;
        this.replication = replication;
        this.scheduler = scheduler;
        this.streams = streams;
        this.stations = List.copyOf(stations);
        this.service = service;
        this.statistics = statistics;
    }

    /** The replication index. */
    public int replication() {
        return replication;
    }

    /** The scheduler the model runs on. */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** This replication's random streams (for scripts that need randomness of their own). */
    public RandomStreams streams() {
        return streams;
    }

    /** The base stations, in configuration order. */
    public List<BaseStation> stations() {
        return stations;
    }

    /** The station with this id. */
    public BaseStation station(String id) {
        return stations.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no station '" + id + "'"));
    }

    /** The service that starts backups and downloads. */
    public BackupService service() {
        return service;
    }

    /** The network's subscriber store; empty under station storage. */
    public Optional<SubscriberStore> subscriberStore() {
        return storage.subscriberStore();
    }

    /** Each station's backhaul to the subscriber store, by station id in configuration order; empty under station storage. */
    public Map<String, Backhaul> backhauls() {
        return storage.backhauls();
    }

    /** The flows' joiner's ended sessions whose store may still report for their flow: none once the run drained. */
    int settlingSessions() {
        return records.settlingSessions();
    }

    /** Closes the statistics and returns this replication's result; call once, after the run. */
    public ReplicationResult finish() {
        return statistics.finish();
    }
}
