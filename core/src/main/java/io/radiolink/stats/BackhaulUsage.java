package io.radiolink.stats;

import io.radiolink.backhaul.BackhaulStatistics;
import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What each station's backhaul to the network's store did in the observation window, by station id:
 * its two directions' statistics ({@link BackhaulCalculator}); empty under station storage.
 *
 * @param stations by station id
 */
public record BackhaulUsage(SortedMap<String, Directions> stations) implements Serializable {

    /** No backhaul: station storage. */
    public static final BackhaulUsage NONE = new BackhaulUsage(new TreeMap<>());

    /**
     * One station's backhaul in the window.
     *
     * @param toStore the direction from the station to the store
     * @param fromStore the direction from the store to the station
     */
    public record Directions(BackhaulStatistics toStore, BackhaulStatistics fromStore) implements Serializable {

        /** Nothing observed: no station. */
        public static final Directions ZERO = new Directions(BackhaulStatistics.ZERO, BackhaulStatistics.ZERO);

        /** Checks for nulls. */
        public Directions {
            Objects.requireNonNull(toStore, "toStore");
            Objects.requireNonNull(fromStore, "fromStore");
        }

        /** These directions and {@code other}'s together, each direction with its own ({@link BackhaulStatistics#plus}). */
        public Directions plus(Directions other) {
            return new Directions(toStore.plus(other.toStore), fromStore.plus(other.fromStore));
        }
    }

    /** Copies the map, sorted by station id. */
    public BackhaulUsage {
        stations = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(stations, "stations")));
    }

    /**
     * Every station's directions summed, in id order ({@link Directions#plus}); {@link Directions#ZERO} without
     * a backhaul.
     */
    public Directions allStations() {
        return stations.values().stream().reduce(Directions.ZERO, Directions::plus);
    }
}
