package io.radiolink.node;

import io.radiolink.radio.AirListener;
import io.radiolink.radio.CellListener;
import java.util.Objects;

/**
 * The observers of a base station: of every unit on its air, of its channels, of its store.
 *
 * @param air told of every unit any connection of the station transmits
 * @param cell told of every attempt and channel seized and released
 * @param store told of every change of the store's occupancy
 * @param auth told of every rejection and lock-out
 */
public record StationListeners(AirListener air, CellListener cell, StoreListener store, AuthListener auth) {

    /** Observers that ignore everything. */
    public static final StationListeners NONE =
            new StationListeners(AirListener.NONE, CellListener.NONE, StoreListener.NONE, AuthListener.NONE);

    /** Checks for nulls. */
    public StationListeners {
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(auth, "auth");
    }

    /** Observers without an authentication listener. */
    public StationListeners(AirListener air, CellListener cell, StoreListener store) {
        this(air, cell, store, AuthListener.NONE);
    }

    /** Only an air listener. */
    public static StationListeners ofAir(AirListener air) {
        return new StationListeners(air, CellListener.NONE, StoreListener.NONE);
    }
}
