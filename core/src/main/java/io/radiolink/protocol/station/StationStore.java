package io.radiolink.protocol.station;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.transfer.Framing;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Station storage: the station's own {@link BackupStore}, which answers every call at once, in the
 * caller's event, posting nothing. A look-up that finds no copy there asks the other stations' stores
 * whether one holds it (so a download can fail {@code COPY_ELSEWHERE} rather than {@code NO_BACKUP}).
 *
 * <p>Peer fetch (when the stations have backhauls): a download's copy held by another station is looked
 * up, fetched and, after the confirmed download, cleared at the holder, each a request up this station's
 * backhaul and down the holder's and an answer back the same way (a request or answer one control message
 * of this station's links, a copy its data). With either backhaul down the look-up fails fast
 * ({@code COPY_ELSEWHERE}); a holder that is down when a request arrives holds nothing for it. The
 * holder's copy is relayed, never kept here.
 */
final class StationStore implements StoreAccess {

    private final BaseStation station;
    private final List<BaseStation> stations;
    /** Every station's backhaul by id under peer fetch; empty without. */
    private final Map<String, Backhaul> backhauls;
    /** Copies handed over from another station, by identity, with their holder; looked up only. */
    private final Map<StoredBackup, BaseStation> fetchedFrom = new IdentityHashMap<>();
    /** The station's own lock-out count, made at the first {@link #guard} call. */
    private AuthenticationGuard guard;

    StationStore(BaseStation station, List<BaseStation> stations, Map<String, Backhaul> backhauls) {
        this.station = station;
        this.stations = List.copyOf(stations);
        this.backhauls = Map.copyOf(backhauls);
    }

    /** The station's own count, also for a copy fetched from a peer (docs/protocol.md: an open weakness). */
    @Override
    public AuthenticationGuard guard(AuthConfig auth) {
        guard = guard == null ? new AuthenticationGuard(auth.maxFailedAttempts(), auth.lockoutSeconds())
                : guard.requireLocking(auth.maxFailedAttempts(), auth.lockoutSeconds());
        return guard;
    }

    @Override
    public void find(PhoneNumber phone, Consumer<Lookup> result) {
        Optional<StoredBackup> copy = station.store().find(phone);
        result.accept(copy.isPresent() ? Lookup.found(copy) : new Lookup(true, copy, holder(phone) != null));
    }

    /** The first other station, in configuration order, that holds a copy of {@code phone}; null if none. */
    private BaseStation holder(PhoneNumber phone) {
        for (BaseStation other : stations) {
            if (other != station && other.store().find(phone).isPresent()) {
                return other;
            }
        }
        return null;
    }

    @Override
    public void findElsewhere(PhoneNumber phone, Consumer<Lookup> result) {
        BaseStation holder = holder(phone);
        if (backhauls.isEmpty() || holder == null || !backhauls.get(station.id()).isUp()
                || !backhauls.get(holder.id()).isUp()) {
            result.accept(new Lookup(true, Optional.empty(), holder != null));
            return;
        }
        atPeer(holder, () -> {
            Optional<StoredBackup> copy = holder.cell().isDown() ? Optional.empty() : holder.store().find(phone);
            copy.ifPresent(found -> fetchedFrom.put(found, holder));
            return new Answer<>(answerBits(), new Lookup(true, copy, copy.isEmpty() && holder(phone) != null));
        }, result);
    }

    @Override
    public void fetch(StoredBackup copy, Consumer<Optional<StoredBackup>> result) {
        BaseStation holder = fetchedFrom.remove(copy);
        if (holder == null) {
            result.accept(Optional.of(copy)); // found in this very event: still the current copy
            return;
        }
        atPeer(holder, () -> {
            // As under network storage: the holder's current copy of the enrolment authenticated against.
            Optional<StoredBackup> current = holder.cell().isDown() ? Optional.empty()
                    : holder.store().find(copy.phoneNumber()).filter(found -> found.verifier() == copy.verifier());
            current.ifPresent(found -> fetchedFrom.put(found, holder));
            return new Answer<>(current.map(found -> 8L * Math.max(1L, found.data().sizeBytes())).orElse(answerBits()),
                    current);
        }, result);
    }

    /** What a peer answers: its size on the backhauls and its value. */
    private record Answer<T>(long bits, T value) {}

    /**
     * Sends a request up this station's backhaul and down {@code holder}'s; there {@code atHolder} answers,
     * and the answer goes up the holder's backhaul and down this station's to {@code result}.
     */
    private <T> void atPeer(BaseStation holder, Supplier<Answer<T>> atHolder, Consumer<T> result) {
        Backhaul own = backhauls.get(station.id());
        Backhaul peer = backhauls.get(holder.id());
        own.toStore().send(requestBits(), () -> peer.fromStore().send(requestBits(), () -> {
            Answer<T> answer = atHolder.get();
            peer.toStore().send(answer.bits(), () -> own.fromStore().send(answer.bits(),
                    () -> result.accept(answer.value())));
        }));
    }

    private long requestBits() {
        return 8L * station.config().airInterface().uplink().controlFrameBytes();
    }

    private long answerBits() {
        return 8L * station.config().airInterface().downlink().controlFrameBytes();
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
        BaseStation holder = fetchedFrom.remove(handedOver);
        if (holder == null) {
            cleared.accept(station.store().clear(handedOver.phoneNumber(), handedOver.version()));
            return;
        }
        atPeer(holder, () -> new Answer<>(answerBits(), !holder.cell().isDown()
                && holder.store().clear(handedOver.phoneNumber(), handedOver.version())), cleared);
    }
}
