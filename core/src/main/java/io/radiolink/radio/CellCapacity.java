package io.radiolink.radio;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.radio.share.SchedulingPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * How a cell's capacity reaches its connections, as configuration: the closed set of capacity modes.
 * {@link Dedicated} (the default): each connection holds one channel with a full-rate link per direction
 * (Erlang's loss system). {@link Shared}: each direction of the cell has a capacity its active
 * connections share by a {@link SchedulingPolicy}; the cell's {@code channels} cap the terminals connected
 * at once, and a link's {@code rateBitsPerSecond} caps one terminal's rate in its direction (its
 * category).
 */
public sealed interface CellCapacity {

    /**
     * The shared direction the {@code sender}'s side of every connection sends through, counting from the
     * scheduler's current time; empty when each connection has a link of its own.
     */
    Optional<CellDirection> newDirection(Side sender, Scheduler scheduler);

    /** One channel per connection, each link at its own full rate: no capacity is shared. */
    record Dedicated() implements CellCapacity {
        @Override
        public Optional<CellDirection> newDirection(Side sender, Scheduler scheduler) {
            return Optional.empty();
        }
    }

    /**
     * Each direction's capacity is shared by the connections that have something to send in it.
     *
     * @param uplinkBitsPerSecond the capacity of the uplink (terminals to station), in
     *     {@link CellDirection#CAPACITY_BITS_PER_SECOND}
     * @param downlinkBitsPerSecond the capacity of the downlink, in the same range
     * @param policy how each direction shares its capacity
     */
    record Shared(double uplinkBitsPerSecond, double downlinkBitsPerSecond, SchedulingPolicy policy)
            implements CellCapacity {

        /** Validates the capacities. */
        public Shared {
            CellDirection.CAPACITY_BITS_PER_SECOND.check("uplinkBitsPerSecond", uplinkBitsPerSecond);
            CellDirection.CAPACITY_BITS_PER_SECOND.check("downlinkBitsPerSecond", downlinkBitsPerSecond);
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public Optional<CellDirection> newDirection(Side sender, Scheduler scheduler) {
            double capacity = switch (sender) {
                case TERMINAL -> uplinkBitsPerSecond;
                case STATION -> downlinkBitsPerSecond;
            };
            return Optional.of(new CellDirection(scheduler, capacity, policy));
        }
    }
}
