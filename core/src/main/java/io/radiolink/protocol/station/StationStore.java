package io.radiolink.protocol.station;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.transfer.Framing;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Station storage: the station's own {@link BackupStore}, which answers every call at once, in the
 * caller's event, posting nothing. A look-up that finds no copy there asks the other stations' stores
 * whether one holds it (so a download can fail {@code COPY_ELSEWHERE} rather than {@code NO_BACKUP}).
 */
final class StationStore implements StoreAccess {

    private final BaseStation station;
    private final List<BaseStation> stations;

    StationStore(BaseStation station, List<BaseStation> stations) {
        this.station = station;
        this.stations = List.copyOf(stations);
    }

    @Override
    public void find(PhoneNumber phone, Consumer<Lookup> result) {
        Optional<StoredBackup> copy = station.store().find(phone);
        result.accept(copy.isPresent() ? Lookup.found(copy) : new Lookup(true, copy, heldElsewhere(phone)));
    }

    private boolean heldElsewhere(PhoneNumber phone) {
        for (BaseStation other : stations) {
            if (other != station && other.store().find(phone).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void fetch(StoredBackup copy, Consumer<Optional<StoredBackup>> result) {
        result.accept(Optional.of(copy)); // found in this very event: still the current copy
    }

    @Override
    public void reserve(long bytes, Consumer<Optional<Reservation>> result) {
        result.accept(station.store().reserve(bytes));
    }

    @Override
    public void received(Reservation reservation, DataFrame frame, Framing framing) {
        // The frames are the station's own: nothing to relay.
    }

    @Override
    public void commit(Reservation reservation, PhoneNumber phone, UserData data, PasswordVerifier verifier,
            Consumer<StoredBackup> committed) {
        committed.accept(station.commitBackup(reservation, phone, data, verifier));
    }

    @Override
    public void release(Reservation reservation) {
        station.store().release(reservation);
    }

    @Override
    public void park(Reservation reservation) {
        station.store().park(reservation);
    }

    @Override
    public boolean unpark(Reservation reservation) {
        return station.store().unpark(reservation);
    }

    @Override
    public void clear(StoredBackup handedOver, Consumer<Boolean> cleared) {
        cleared.accept(station.store().clear(handedOver.phoneNumber(), handedOver.version()));
    }
}
