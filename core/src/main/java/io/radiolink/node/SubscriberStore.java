package io.radiolink.node;

import io.radiolink.engine.Scheduler;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The network's one logical subscriber store behind every station (network storage): a {@link BackupStore}
 * with its own outages and retention, and the one lock-out count of its verifiers, which every station
 * in front of it shares ({@link #guard}). What reaches it while it is down waits, in arrival order, and is
 * done when it is back up; a volatile store loses its copies when it goes down.
 */
public final class SubscriberStore {

    /** The store's entity name in the random streams (its random outages: {@code store-outage}). */
    public static final String ENTITY = "store";

    private final BackupStore store;
    private final OutageConfig outages;
    private final double retentionSeconds;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final Availability availability;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final SharedGuard guard = new SharedGuard();

    /**
     * A store of {@code capacityBytes} that goes down as {@code outages} says and keeps an unrestored copy
     * for {@code retentionSeconds}, telling {@code listener} of its occupancy.
     */
    public SubscriberStore(long capacityBytes, OutageConfig outages, double retentionSeconds, Scheduler scheduler,
            RandomStreams streams, StoreListener listener) {
        this.store = new BackupStore(capacityBytes, listener);
        this.outages = Objects.requireNonNull(outages, "outages");
        StationConfig.RETENTION_SECONDS.check("retentionSeconds", retentionSeconds);
        this.retentionSeconds = retentionSeconds;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.availability = new Availability(scheduler, new Availability.Transitions() {
            @Override
            public void wentDown() {
                if (!outages.persistentStorage()) {
                    store.loseAll();
                }
            }

            @Override
            public void cameUp() {
                while (!waiting.isEmpty() && availability().isUp()) {
                    waiting.poll().run();
                }
            }
        });
    }

    private Availability availability() {
        return availability;
    }

    /**
     * Schedules the store's outages that start no later than {@code untilSeconds}; call once, at time 0.
     * Random outages draw from the stream {@code store-outage} of entity {@link #ENTITY}.
     */
    public void scheduleOutages(double untilSeconds) {
        availability.schedule(outages, streams.stream(StreamPurpose.STORE_OUTAGE, ENTITY, 0), untilSeconds);
    }

    /** Does {@code action} now if the store is up, else when it is back up (after what arrived before it). */
    public void whenUp(Runnable action) {
        if (availability.isUp() && waiting.isEmpty()) {
            action.run();
        } else {
            waiting.add(Objects.requireNonNull(action, "action"));
        }
    }

    /** True unless an outage is in force. */
    public boolean isUp() {
        return availability.isUp();
    }

    /** Requests that arrived while the store was down and wait for it. */
    public int waitingRequests() {
        return waiting.size();
    }

    /**
     * Commits a backup ({@link BackupStore#commit}) and, if the store has a retention period, schedules the
     * copy's expiry.
     */
    public StoredBackup commit(Reservation reservation, PhoneNumber phone, UserData data, PasswordVerifier verifier) {
        StoredBackup copy = store.commit(reservation, phone, data, verifier, scheduler.nowSeconds());
        if (retentionSeconds < Double.POSITIVE_INFINITY) {
            scheduler.post(retentionSeconds, () -> store.expire(copy.phoneNumber(), copy.version()));
        }
        return copy;
    }

    /**
     * The store's lock-out count, shared by every station in front of it: made by the first station that
     * asks, locking after {@code maxFailedAttempts} failures for {@code lockoutSeconds}.
     *
     * @throws IllegalArgumentException if a station asks for another lock-out than the first did
     */
    public AuthenticationGuard guard(int maxFailedAttempts, double lockoutSeconds) {
        return guard.guard(maxFailedAttempts, lockoutSeconds);
    }

    /** The copies and space. */
    public BackupStore store() {
        return store;
    }
}
