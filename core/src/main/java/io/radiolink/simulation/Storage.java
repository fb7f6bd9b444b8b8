package io.radiolink.simulation;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.StoreListener;
import io.radiolink.node.SubscriberStore;
import io.radiolink.protocol.StorageMode;
import io.radiolink.protocol.station.StoreAccess;
import io.radiolink.random.RandomStreams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One replication's storage, built from its {@link StorageMode}: nothing beyond the stations' own stores,
 * or the network's subscriber store with each station's backhaul to it (outages scheduled), and which
 * {@link StoreAccess} each station's end uses.
 */
final class Storage {

    private final SubscriberStore store;
    /** Each station's backhaul, by station id in configuration order (network storage only). */
    private final Map<String, Backhaul> backhauls;
    private final Map<String, StoreAccess> accesses;

    private Storage(SubscriberStore store, Map<String, Backhaul> backhauls, Map<String, StoreAccess> accesses) {
        this.store = store;
        this.backhauls = Collections.unmodifiableMap(backhauls);
        this.accesses = accesses;
    }

    /** The storage of {@code stations} in {@code mode}; the store tells {@code listener} of its occupancy. */
    static Storage of(StorageMode mode, List<BaseStation> stations, Scheduler scheduler, RandomStreams streams,
            StoreListener listener, double runLengthSeconds) {
        return mode.accept(new StorageMode.Visitor<>() {
            @Override
            public Storage station(StorageMode.Station station) {
                Map<String, Backhaul> backhauls = new LinkedHashMap<>();
                station.peerFetch().ifPresent(config -> {
                    for (BaseStation built : stations) {
                        backhauls.put(built.id(), backhaul(built, config));
                    }
                });
                return new Storage(null, backhauls, StoreAccess.own(stations, backhauls));
            }

            private Backhaul backhaul(BaseStation built, BackhaulConfig config) {
                Backhaul backhaul = new Backhaul(built.id(), config, scheduler, streams);
                backhaul.scheduleOutages(runLengthSeconds);
                return backhaul;
            }

            @Override
            public Storage network(StorageMode.Network network) {
                SubscriberStore store = new SubscriberStore(network.capacityBytes(), network.outages(),
                        network.retentionSeconds(), scheduler, streams, listener);
                store.scheduleOutages(runLengthSeconds);
                Map<String, Backhaul> backhauls = new LinkedHashMap<>();
                Map<String, StoreAccess> accesses = new LinkedHashMap<>();
                for (BaseStation built : stations) {
                    StorageMode.Attachment attachment = network.attachmentOf(built.id());
                    Backhaul backhaul = backhaul(built, attachment.backhaul());
                    backhauls.put(built.id(), backhaul);
                    accesses.put(built.id(), StoreAccess.across(built, backhaul, attachment.relay(), store));
                }
                return new Storage(store, backhauls, accesses);
            }
        });
    }

    /** Where {@code station}'s end finds, reserves, commits and clears copies. */
    StoreAccess accessOf(BaseStation station) {
        return accesses.get(station.id());
    }

    /** The network's subscriber store; empty under station storage. */
    Optional<SubscriberStore> subscriberStore() {
        return Optional.ofNullable(store);
    }

    /** Each station's backhaul by station id, in configuration order; empty under station storage without peer fetch. */
    Map<String, Backhaul> backhauls() {
        return backhauls;
    }
}
