package io.radiolink.protocol.station;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.SharedGuard;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.transfer.Framing;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Station storage: the station's own {@link BackupStore}, which answers every call at once, in the
 * caller's event, posting nothing. A backup is decided on the station's own copy alone. A download's
 * look-up that finds no copy there asks the network's directory whether another station's store holds one
 * (so a download can fail {@code COPY_ELSEWHERE} rather than {@code NO_BACKUP}); without peer fetch a
 * download at a station holding a copy is decided on it, whatever other stations hold.
 *
 * <p>Peer fetch (when the stations have backhauls): a download at a station holding no copy, or one older
 * than another station's, is decided on the copy of the holder of the most recently committed one, which
 * is looked up, fetched and, after the confirmed download, cleared at the holder, each a request up this
 * station's backhaul and down the holder's and an answer back the same way (a request or answer one control
 * message of this station's links, a copy its data). If that holder cannot be asked (either backhaul down at
 * the look-up, or the holder down when a request arrives) the answer is that the store was not reached
 * ({@code STORE_UNAVAILABLE}), and if it no longer holds a copy when the look-up arrives the answer is that
 * none is held there: never an older copy, of another holder or the station's own (a stale restore would
 * read as a success). Each answer that brings a copy brings a copy of its own, relayed, never kept here;
 * the holder of each is kept, by the relayed copy's identity (so per download), until the download's fetch
 * or clear went out or it {@link #forget forgot} it.
 *
 * <p>The lock-out count ({@link #guard}) is the station's own without peer fetch; with peer fetch it is one
 * count per number for every station of the network, kept with the directory of who holds a number
 * ({@code docs/protocol.md}, threat model, "One count per peer-fetch network"): a download at any station
 * checks the password against the holder's copy, so guesses at N stations on a copy held at one must
 * lock it after {@code maxFailedAttempts} in all, not N times that many.
 */
final class StationStore implements StoreAccess {

    private final BaseStation station;
    private final List<BaseStation> stations;
    /** Every station's backhaul by id under peer fetch; empty without. */
    private final Map<String, Backhaul> backhauls;
    /** The holder of each relayed copy a download still holds, by the copy's identity; looked up only. */
    private final Map<StoredBackup, BaseStation> relayedFrom = new IdentityHashMap<>();
    /** The lock-out count: the station's own, or the peer-fetch network's, shared with every station. */
    private final SharedGuard guard;

    private StationStore(BaseStation station, List<BaseStation> stations, Map<String, Backhaul> backhauls,
            SharedGuard guard) {
        this.station = station;
        this.stations = List.copyOf(stations);
        this.backhauls = Map.copyOf(backhauls);
        this.guard = guard;
    }

    /** {@code station}'s own store, knowing no other station, with a count of its own. */
    static StationStore alone(BaseStation station) {
        return new StationStore(station, List.of(), Map.of(), new SharedGuard());
    }

    /**
     * The store of each of {@code stations}, by station id in their order, with peer fetch over {@code
     * backhauls} (by station id; empty for none): each station's own lock-out count without peer fetch,
     * one count shared by every station with it.
     */
    static Map<String, StationStore> of(List<BaseStation> stations, Map<String, Backhaul> backhauls) {
        SharedGuard network = new SharedGuard();
        Map<String, StationStore> stores = new LinkedHashMap<>();
        for (BaseStation station : stations) {
            stores.put(station.id(), new StationStore(station, stations, backhauls,
                    backhauls.isEmpty() ? new SharedGuard() : network));
        }
        return stores;
    }

    @Override
    public AuthenticationGuard guard(AuthConfig auth) {
        return guard.guard(auth.maxFailedAttempts(), auth.lockoutSeconds());
    }

    @Override
    public void find(PhoneNumber phone, Consumer<Lookup> result) {
        result.accept(Lookup.found(station.store().find(phone)));
    }

    /**
     * The other station whose store holds the most recently committed copy of {@code phone} (the first in
     * configuration order of those committed at the same time), whether it is up or not, if that copy is
     * more recent than {@code own}; null if none is.
     */
    private BaseStation newerHolder(PhoneNumber phone, Optional<StoredBackup> own) {
        BaseStation newest = null;
        double newestSeconds = own.map(StoredBackup::committedAtSeconds).orElse(Double.NEGATIVE_INFINITY);
        for (BaseStation other : stations) {
            Optional<StoredBackup> copy = other == station ? Optional.empty() : other.store().find(phone);
            if (copy.isPresent() && copy.get().committedAtSeconds() > newestSeconds) {
                newest = other;
                newestSeconds = copy.get().committedAtSeconds();
            }
        }
        return newest;
    }

    /** Whether another station's store holds a copy of {@code phone}. */
    private boolean heldElsewhere(PhoneNumber phone) {
        return newerHolder(phone, Optional.empty()) != null;
    }

    @Override
    public void findForDownload(PhoneNumber phone, Consumer<Lookup> result) {
        Optional<StoredBackup> own = station.store().find(phone);
        if (backhauls.isEmpty() && own.isPresent()) {
            result.accept(Lookup.found(own)); // without peer fetch the station answers from what it holds
            return;
        }
        BaseStation holder = newerHolder(phone, own);
        if (holder == null) {
            result.accept(Lookup.found(own)); // the newest copy is this station's, or there is none
            return;
        }
        if (backhauls.isEmpty()) {
            result.accept(new Lookup(true, Optional.empty(), true)); // none here; the holder is not asked
            return;
        }
        if (!backhauls.get(station.id()).isUp() || !backhauls.get(holder.id()).isUp()) {
            result.accept(Lookup.UNREACHED); // fail fast: the way to the holder is down
            return;
        }
        atPeer(holder, () -> {
            if (holder.cell().isDown()) {
                return new Answer<>(answerBits(), Lookup.UNREACHED);
            }
            Optional<StoredBackup> copy = holder.store().find(phone);
            return new Answer<>(answerBits(), copy.isPresent() ? Lookup.found(copy.map(found -> relayed(found, holder)))
                    : new Lookup(true, copy, heldElsewhere(phone)));
        }, result);
    }

    /** A copy of {@code found} of its own for the download it is relayed to, whose holder is kept. */
    private StoredBackup relayed(StoredBackup found, BaseStation holder) {
        StoredBackup copy = new StoredBackup(found.phoneNumber(), found.data(), found.verifier(), found.version(),
                found.committedAtSeconds());
        relayedFrom.put(copy, holder);
        return copy;
    }

    @Override
    public void fetch(StoredBackup copy, Consumer<Lookup> result) {
        BaseStation holder = relayedFrom.remove(copy);
        if (holder == null) {
            result.accept(Lookup.found(Optional.of(copy))); // found in this very event: still the current copy
            return;
        }
        atPeer(holder, () -> {
            if (holder.cell().isDown()) {
                return new Answer<>(answerBits(), Lookup.UNREACHED);
            }
            // As under network storage: the holder's current copy of the enrolment authenticated against.
            Optional<StoredBackup> current = holder.store().find(copy.phoneNumber())
                    .filter(found -> found.verifier() == copy.verifier());
            return new Answer<>(current.map(found -> 8L * Math.max(1L, found.data().sizeBytes())).orElse(answerBits()),
                    Lookup.found(current.map(found -> relayed(found, holder))));
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
    public int keptForDownloads() {
        return relayedFrom.size();
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
        BaseStation holder = relayedFrom.remove(handedOver);
        if (holder == null) {
            cleared.accept(station.store().clear(handedOver.phoneNumber(), handedOver.version()));
            return;
        }
        atPeer(holder, () -> new Answer<>(answerBits(), !holder.cell().isDown()
                && holder.store().clear(handedOver.phoneNumber(), handedOver.version())), cleared);
    }

    @Override
    public void forget(StoredBackup copy) {
        relayedFrom.remove(copy);
    }
}
