package io.radiolink.node;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.Objects;

/** A base station: a radio cell with channels and a store of backed-up user data. */
public final class BaseStation {

    private final StationConfig config;
    private final RadioCell cell;
    private final BackupStore store;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final AuthListener authListener;
    private final Availability availability;

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
        this.scheduler = scheduler;
        this.streams = streams;
        this.authListener = listeners.auth();
        this.availability = new Availability(scheduler, new Availability.Transitions() {
            @Override
            public void wentDown() {
                goDown();
            }

            @Override
            public void cameUp() {
                cell.stationUp();
            }
        });
    }

    /** Whom the station tells of its rejections and lock-outs. */
    public AuthListener authListener() {
        return authListener;
    }

    /** This replication's random streams, for the station's own draws (e.g. challenge nonces). */
    public RandomStreams streams() {
        return streams;
    }

    /**
     * Commits a backup (see {@link BackupStore#commit}) and, if the station has a retention period,
     * schedules the copy's expiry: it is removed then unless restored-and-cleared or replaced before.
     */
    public StoredBackup commitBackup(Reservation reservation, PhoneNumber phone, UserData data,
            PasswordVerifier verifier) {
        StoredBackup copy = store.commit(reservation, phone, data, verifier, scheduler.nowSeconds());
        double retention = config.retentionSeconds();
        if (retention < Double.POSITIVE_INFINITY) {
            scheduler.post(retention, () -> store.expire(copy.phoneNumber(), copy.version()));
        }
        return copy;
    }

    /**
     * Schedules the station's outages ({@link StationConfig#outages()}) that start no later than
     * {@code untilSeconds} (each then lasts its full length); call once, at time 0, when building the
     * model. Random outages draw from the stream {@code outage} of the station's id.
     */
    public void scheduleOutages(double untilSeconds) {
        availability.schedule(config.outages(), streams.stream(StreamPurpose.OUTAGE, config.id(), 0), untilSeconds);
    }

    /** An outage begins: the cell goes down, and a volatile store loses its copies. */
    private void goDown() {
        cell.stationDown();
        if (!config.outages().persistentStorage()) {
            store.loseAll();
        }
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
