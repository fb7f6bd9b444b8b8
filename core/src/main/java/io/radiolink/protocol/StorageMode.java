package io.radiolink.protocol;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.StationConfig;
import io.radiolink.radio.InvalidFieldException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the network keeps its subscribers' copies ({@code docs/design.md}, "Where user data lives"): a
 * property of the network, not of one station. {@link Station} is today's reading of the claims (each
 * station stores what it received; the default, {@code SimulationConfig.DEFAULT_STORAGE}); {@link Network}
 * is one logical subscriber store behind every station, which each station reaches over its backhaul.
 */
public sealed interface StorageMode permits StorageMode.Station, StorageMode.Network {

    /**
     * Checks that every station this mode names is one of {@code stationIds}.
     *
     * @throws InvalidFieldException at {@code storage.perStation} naming the first unknown station
     */
    void requireStations(Set<String> stationIds);

    /** Calls the visitor's method for this mode. */
    <R> R accept(Visitor<R> visitor);

    /** One method per mode, so that a new mode does not compile until every visitor handles it. */
    interface Visitor<R> {

        /** Station storage. */
        R station(Station station);

        /** Network storage. */
        R network(Network network);
    }

    /**
     * Each station stores the backups it received, in its own store ({@link StationConfig#storageCapacityBytes()}).
     * A download at a station without a copy that another station holds fails {@code COPY_ELSEWHERE},
     * unless peer fetch is on: then the station fetches the copy from the holder of the most recently
     * committed one, every station reaching the others over a backhaul of {@code peerFetch}'s configuration
     * (to the core network and from it down to the holder); a holder that cannot be reached ends the
     * download {@code STORE_UNAVAILABLE}.
     *
     * @param peerFetch each station's backhaul for peer fetch, or empty for none (the default); its
     *     queue unbounded, as under network storage
     */
    record Station(Optional<BackhaulConfig> peerFetch) implements StorageMode {

        /** Checks the backhaul's queue bound. */
        public Station {
            Objects.requireNonNull(peerFetch, "peerFetch");
            peerFetch.ifPresent(Attachment::requireUnbounded);
        }

        /** Station storage without peer fetch. */
        public Station() {
            this(Optional.empty());
        }

        @Override
        public void requireStations(Set<String> stationIds) {
            // names no station
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.station(this);
        }
    }

    /**
     * How one station reaches the network's store.
     *
     * @param backhaul the station's duplex link to the store
     * @param relay how the station relays a backup's object onto the link
     */
    record Attachment(BackhaulConfig backhaul, RelayMode relay) {

        /**
         * Checks for nulls, and that the backhaul's queue is unbounded: the store's traffic has no drop
         * policy (a request, an answer or a piece dropped would leave a reservation or a copy behind).
         */
        public Attachment {
            Objects.requireNonNull(backhaul, "backhaul");
            Objects.requireNonNull(relay, "relay");
            requireUnbounded(backhaul);
        }

        /** Refuses a backhaul whose queue is bounded: the store's traffic has no drop policy. */
        static void requireUnbounded(BackhaulConfig backhaul) {
            if (backhaul.maxQueuedMessages() != BackhaulConfig.UNBOUNDED) {
                throw InvalidFieldException.stated("backhaul.maxQueuedMessages",
                        Integer.toString(backhaul.maxQueuedMessages()),
                        "backhaul.maxQueuedMessages must be unbounded under network storage and peer fetch: the traffic "
                                + "has no drop policy", "unbounded (" + BackhaulConfig.UNBOUNDED + ")");
            }
        }
    }

    /**
     * One logical subscriber store behind every station; stations are front-ends and keep no copy. A
     * station's own storage capacity, outage storage flag and retention are not used for copies.
     *
     * @param capacityBytes the store's capacity, in {@link StationConfig#STORAGE_CAPACITY_BYTES}
     * @param outages when the store is down and whether its copies survive an outage
     * @param retentionSeconds how long the store keeps a copy nobody restored or replaced, in
     *     {@link StationConfig#RETENTION_SECONDS}
     * @param attachment how every station reaches the store, unless {@code perStation} names it
     * @param perStation the stations attached otherwise, by station id (each id must be a station's)
     */
    record Network(long capacityBytes, OutageConfig outages, double retentionSeconds, Attachment attachment,
            Map<String, Attachment> perStation) implements StorageMode {

        /** Validates every field and copies the map (sorted by station id). */
        public Network {
            StationConfig.STORAGE_CAPACITY_BYTES.check("capacityBytes", capacityBytes);
            Objects.requireNonNull(outages, "outages");
            StationConfig.RETENTION_SECONDS.check("retentionSeconds", retentionSeconds);
            Objects.requireNonNull(attachment, "attachment");
            Objects.requireNonNull(perStation, "perStation");
            TreeMap<String, Attachment> copy = new TreeMap<>();
            for (Map.Entry<String, Attachment> entry : perStation.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    throw InvalidFieldException.stated("perStation", String.valueOf(entry),
                            "perStation must not hold a null station id or attachment", "station ids to attachments");
                }
                copy.put(entry.getKey(), entry.getValue());
            }
            perStation = Collections.unmodifiableSortedMap(copy);
        }

        /** A store that every station reaches alike, never down, keeping copies until restored or replaced. */
        public static Network uniform(long capacityBytes, Attachment attachment) {
            return new Network(capacityBytes, OutageConfig.NONE, Double.POSITIVE_INFINITY, attachment, Map.of());
        }

        @Override
        public void requireStations(Set<String> stationIds) {
            for (String id : perStation.keySet()) {
                if (!stationIds.contains(id)) {
                    throw InvalidFieldException.stated("storage.perStation", id, "the network store attaches station '"
                            + id + "', which does not exist; stations: " + new TreeSet<>(stationIds), "ids of stations");
                }
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.network(this);
        }

        /** How station {@code stationId} reaches the store. */
        public Attachment attachmentOf(String stationId) {
            return perStation.getOrDefault(stationId, attachment);
        }

        /** The same store with other outages. */
        public Network withOutages(OutageConfig newOutages) {
            return new Network(capacityBytes, newOutages, retentionSeconds, attachment, perStation);
        }

        /** The same store with station {@code stationId} attached by {@code stationAttachment}. */
        public Network withStation(String stationId, Attachment stationAttachment) {
            TreeMap<String, Attachment> more = new TreeMap<>(perStation);
            more.put(Objects.requireNonNull(stationId, "stationId"), stationAttachment);
            return new Network(capacityBytes, outages, retentionSeconds, attachment, more);
        }
    }
}
