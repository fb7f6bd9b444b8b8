package io.radiolink.backhaul;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.Availability;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.List;
import java.util.Objects;

/**
 * A station's backhaul to the subscriber store: a duplex pair of {@link BackhaulLink}s, one per
 * {@link Direction}, alike in rate, delay, queue bound and loss, and down together.
 *
 * <p>Random streams: each direction's losses draw from {@code backhaul-loss} of the station's id, instance
 * the direction's ordinal; the random outages from {@code backhaul-outage} of the station's id, instance 0.
 */
public final class Backhaul {

    private final String stationId;
    private final BackhaulConfig config;
    private final BackhaulLink toStore;
    private final BackhaulLink fromStore;
    private final Availability availability;
    private final RandomStreams streams;

    /** The backhaul of station {@code stationId} on this replication's scheduler and streams. */
    public Backhaul(String stationId, BackhaulConfig config, Scheduler scheduler, RandomStreams streams) {
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.config = Objects.requireNonNull(config, "config");
        this.streams = Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(scheduler, "scheduler");
        this.toStore = link(Direction.TO_STORE, scheduler);
        this.fromStore = link(Direction.FROM_STORE, scheduler);
        this.availability = new Availability(scheduler, BackhaulLink.together(List.of(toStore, fromStore)));
        toStore.attach(availability);
        fromStore.attach(availability);
    }

    private BackhaulLink link(Direction direction, Scheduler scheduler) {
        return new BackhaulLink(direction, config, scheduler,
                streams.stream(StreamPurpose.BACKHAUL_LOSS, stationId, direction.ordinal()));
    }

    /**
     * Schedules the outages of {@link BackhaulConfig#outages()} that start no later than
     * {@code untilSeconds} (each then lasts its full length); call once, at time 0, when building the model.
     */
    public void scheduleOutages(double untilSeconds) {
        availability.schedule(config.outages(), streams.stream(StreamPurpose.BACKHAUL_OUTAGE, stationId, 0),
                untilSeconds);
    }

    /** The direction from the station to the store. */
    public BackhaulLink toStore() {
        return toStore;
    }

    /** The direction from the store to the station. */
    public BackhaulLink fromStore() {
        return fromStore;
    }

    /** The direction {@code direction}. */
    public BackhaulLink link(Direction direction) {
        return switch (direction) {
            case TO_STORE -> toStore;
            case FROM_STORE -> fromStore;
        };
    }

    /** True unless an outage is in force. */
    public boolean isUp() {
        return availability.isUp();
    }

    /** The station whose backhaul this is. */
    public String stationId() {
        return stationId;
    }

    /** The configuration. */
    public BackhaulConfig config() {
        return config;
    }

    @Override
    public String toString() {
        return "Backhaul[" + stationId + "]";
    }
}
