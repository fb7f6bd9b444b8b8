package io.radiolink.stats;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stations' backhauls across replications ({@link BackhaulUsage} merged): each direction of every station
 * together, then of each station. Every station together is the estimate of each replication's figures of
 * its stations summed ({@link BackhaulUsage#allStations}): a utilisation is the replication's time-weighted
 * mean over its stations, a mean delay over every station's messages; it is not made of the stations'
 * estimates. Without a backhaul (station storage without peer fetch) {@code stations} is empty and every
 * estimate of {@code allStations} has no value (NaN, n = 0).
 *
 * @param allStations each direction of every station's backhaul summed, over every replication
 * @param stations by station id, each over the replications that had the station's backhaul
 */
public record BackhaulSummary(Directions allStations, SortedMap<String, Directions> stations) implements Serializable {

    /**
     * One backhaul's (or every station's together) two directions across replications.
     *
     * @param toStore the direction from the station to the store
     * @param fromStore the direction from the store to the station
     */
    public record Directions(BackhaulDirectionSummary toStore, BackhaulDirectionSummary fromStore)
            implements Serializable {

        /** Checks for nulls. */
        public Directions {
            Objects.requireNonNull(toStore, "toStore");
            Objects.requireNonNull(fromStore, "fromStore");
        }

        /** The summary of {@code perReplication} (in order) at {@code confidence}. */
        static Directions of(List<BackhaulUsage.Directions> perReplication, double confidence) {
            return new Directions(
                    BackhaulDirectionSummary.of(perReplication.stream().map(BackhaulUsage.Directions::toStore).toList(),
                            confidence),
                    BackhaulDirectionSummary.of(
                            perReplication.stream().map(BackhaulUsage.Directions::fromStore).toList(), confidence));
        }
    }

    /** Checks for nulls and copies the map. */
    public BackhaulSummary {
        Objects.requireNonNull(allStations, "allStations");
        stations = ResultMaps.sorted(stations, "stations");
    }

    /** The merge of {@code perReplication} (each replication's backhauls, in order) at {@code confidence}. */
    static BackhaulSummary of(List<BackhaulUsage> perReplication, double confidence) {
        TreeSet<String> ids = new TreeSet<>();
        for (BackhaulUsage usage : perReplication) {
            ids.addAll(usage.stations().keySet());
        }
        SortedMap<String, Directions> stations = new TreeMap<>();
        for (String id : ids) {
            stations.put(id, Directions.of(perReplication.stream().map(u -> u.stations().get(id))
                    .filter(Objects::nonNull).toList(), confidence));
        }
        return new BackhaulSummary(
                Directions.of(perReplication.stream().map(BackhaulUsage::allStations).toList(), confidence), stations);
    }
}
