package io.radiolink.node;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import java.util.Objects;

/** A base station: a radio cell with channels and a store of backed-up user data. */
public final class BaseStation {

    private final StationConfig config;
    private final RadioCell cell;
    private final BackupStore store;

    /** Builds the station described by {@code config} on this replication's scheduler and streams. */
    public BaseStation(StationConfig config, Scheduler scheduler, RandomStreams streams) {
        this(config, scheduler, streams, StationListeners.NONE);
    }

    /** As {@link #BaseStation(StationConfig, Scheduler, RandomStreams)}, observed by {@code listeners}. */
    public BaseStation(StationConfig config, Scheduler scheduler, RandomStreams streams,
            StationListeners listeners) {
        this.config = Objects.requireNonNull(config, "config");
        this.cell = new RadioCell(config.id(), config.channels(), config.airInterface(), scheduler, streams,
                listeners.air(), listeners.cell());
        this.store = new BackupStore(config.storageCapacityBytes(), listeners.store());
    }

    /** The station's name. */
    public String id() {
        return config.id();
    }

    /** The station's configuration. */
    public StationConfig config() {
        return config;
    }

    /** The radio side. */
    public RadioCell cell() {
        return cell;
    }

    /** The backup store. */
    public BackupStore store() {
        return store;
    }

    @Override
    public String toString() {
        return "BaseStation[" + config.id() + "]";
    }
}
