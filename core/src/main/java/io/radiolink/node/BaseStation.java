package io.radiolink.node;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A base station: a radio cell with channels and a store of backed-up user data. */
public final class BaseStation {

    private final StationConfig config;
    private final RadioCell cell;
    private final BackupStore store;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final AuthListener authListener;
    private int outagesInForce;

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
        OutageConfig outages = config.outages();
        for (OutageConfig.DownPeriod period : outages.scheduled()) {
            if (period.startSeconds() <= untilSeconds) {
                scheduler.postAt(period.startSeconds(), this::goDown);
                scheduler.postAt(period.endSeconds(), this::comeUp);
            }
        }
        if (outages.meanUpSeconds() < Double.POSITIVE_INFINITY) {
            RandomGenerator random = streams.stream(StreamPurpose.OUTAGE, config.id(), 0);
            scheduleRandomOutage(random, outages, untilSeconds);
        }
    }

    private void scheduleRandomOutage(RandomGenerator random, OutageConfig outages, double untilSeconds) {
        double start = scheduler.nowSeconds() + exponential(random, outages.meanUpSeconds());
        if (start > untilSeconds) {
            return;
        }
        double length = exponential(random, outages.meanDownSeconds());
        scheduler.postAt(start, this::goDown);
        scheduler.postAt(start + length, () -> {
            comeUp();
            scheduleRandomOutage(random, outages, untilSeconds);
        });
    }

    private static double exponential(RandomGenerator random, double mean) {
        return -mean * Math.log1p(-random.nextDouble());
    }

    /** An outage begins; overlapping outages (scheduled and random) keep the station down until the last ends. */
    private void goDown() {
        if (outagesInForce++ == 0) {
            cell.stationDown();
            if (!config.outages().persistentStorage()) {
                store.loseAll();
            }
        }
    }

    private void comeUp() {
        if (--outagesInForce == 0) {
            cell.stationUp();
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
