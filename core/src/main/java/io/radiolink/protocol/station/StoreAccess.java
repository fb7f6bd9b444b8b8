package io.radiolink.protocol.station;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.SubscriberStore;
import io.radiolink.node.UserData;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.transfer.Framing;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a station's end finds, reserves, commits and clears its subscribers' copies: the station's own
 * store ({@link #own}, station storage) or the network's subscriber store across the station's backhaul
 * ({@link #across}, network storage; {@code docs/design.md}, "Where user data lives"). Each result comes by
 * its callback, which runs exactly once: at once (the station's own store), or later (a store across a
 * backhaul), never before the call that asked for it was made.
 */
public interface StoreAccess {

    /**
     * What a look-up found.
     *
     * @param reached false if the store could not be asked (its backhaul or the store was down): then
     *     {@code copy} is empty and tells nothing
     * @param copy the committed copy of the number, if the store held one
     * @param elsewhere station storage: the store held none, but another station's store does
     */
    record Lookup(boolean reached, Optional<StoredBackup> copy, boolean elsewhere) {

        /** The store could not be asked. */
        public static final Lookup UNREACHED = new Lookup(false, Optional.empty(), false);

        /** Checks that an unreached look-up found nothing, and that a copy found here is not elsewhere. */
        public Lookup {
            if (!reached && (copy.isPresent() || elsewhere)) {
                throw new IllegalArgumentException("an unreached store found nothing");
            }
            if (copy.isPresent() && elsewhere) {
                throw new IllegalArgumentException("a copy found here is not elsewhere");
            }
        }

        /** The store answered: it holds {@code copy}, or nothing. */
        public static Lookup found(Optional<StoredBackup> copy) {
            return new Lookup(true, copy, false);
        }
    }

    /** Station storage: {@code station}'s own store, answering at once, knowing no other station. */
    static StoreAccess own(BaseStation station) {
        return StationStore.alone(station);
    }

    /**
     * Station storage: each of {@code stations}' own store, by station id in their order, answering at
     * once; a download's look-up that finds nothing there tells whether another of {@code stations} holds a
     * copy (the network's directory of who holds a number, asked at once). With peer fetch ({@code
     * backhauls} by station id, else empty) a download at a station holding no copy, or an older one than
     * another station's, fetches the copy of the holder of the most recently committed one: a request up the
     * station's backhaul and down the holder's, the answer back the same way; a holder that cannot be
     * reached leaves the store unreached, never falling back to an older copy. The lock-out count ({@link #guard}) is each station's own without peer fetch, one for every
     * station with it.
     */
    static Map<String, StoreAccess> own(List<BaseStation> stations, Map<String, Backhaul> backhauls) {
        return Collections.<String, StoreAccess>unmodifiableMap(StationStore.of(stations, backhauls));
    }

    /**
     * Network storage: {@code store}, reached by {@code station} over {@code backhaul}, a backup's object
     * relayed in {@code relay} mode.
     */
    static StoreAccess across(BaseStation station, Backhaul backhaul, RelayMode relay, SubscriberStore store) {
        return new NetworkStore(station, backhaul, relay, store);
    }

    /**
     * The lock-out count of the verifiers this access reaches ({@code docs/protocol.md}, threat model, "One
     * count per subscriber store"), locking as {@code auth} says: the station's own under station storage
     * without peer fetch, one shared by every station with peer fetch, the subscriber store's under
     * network storage, one count shared by every station in front of it. Made at the first
     * call; every station's end asks once.
     *
     * @throws IllegalArgumentException if {@code auth} locks otherwise than the count was made for (stations
     *     in front of one store with differing lock-outs)
     */
    AuthenticationGuard guard(AuthConfig auth);

    /**
     * A backup's look-up: the committed copy of {@code phone} in the store the station commits to (station
     * storage: the station's own, whatever other stations hold), the one a backup authenticates against.
     */
    void find(PhoneNumber phone, Consumer<Lookup> result);

    /**
     * A download's look-up: the copy of {@code phone} the download is decided on. Station storage: the
     * station's own copy unless another station holds a more recently committed one; then, without peer
     * fetch, still the own copy (none: {@link Lookup#elsewhere()}), and with peer fetch the newest holder's,
     * looked up over the backhauls (unreached if the holder cannot be asked; if it no longer holds a copy,
     * none, never the older own copy). Network storage: the store's copy, as {@link #find}.
     */
    void findForDownload(PhoneNumber phone, Consumer<Lookup> result);

    /**
     * Brings the data of {@code copy}, found by {@link #findForDownload} and authenticated
     * against, to the station for a download; {@code result} gets the copy handed over, or none if the store
     * no longer holds it, or that the store could not be asked (peer fetch: its holder was down).
     */
    void fetch(StoredBackup copy, Consumer<Lookup> result);

    /** Reserves staging space of {@code bytes}; {@code result} gets it, or empty if the store lacks room. */
    void reserve(long bytes, Consumer<Optional<Reservation>> result);

    /**
     * Data frame {@code frame} of the upload into {@code reservation}, framed by {@code framing}, reached the
     * station (every arrival, repeats included).
     */
    void received(Reservation reservation, DataFrame frame, Framing framing);

    /**
     * Commits the reserved data as the copy of {@code phone} with {@code verifier}, replacing any copy
     * before; {@code committed} gets the new copy.
     */
    void commit(Reservation reservation, PhoneNumber phone, UserData data, PasswordVerifier verifier,
            Consumer<StoredBackup> committed);

    /** Gives back the space of a reservation that will not be committed; idempotent. */
    void release(Reservation reservation);

    /** Keeps a reservation of a partial upload between connections ({@link PartialUploads}). */
    void park(Reservation reservation);

    /** Takes a parked reservation back; true if it was still parked and active. */
    boolean unpark(Reservation reservation);

    /**
     * Clears {@code handedOver} if it is still the current copy of its number (claim 8); {@code cleared}
     * gets whether it was.
     */
    void clear(StoredBackup handedOver, Consumer<Boolean> cleared);

    /**
     * The download that found or was handed {@code copy} ended without asking to {@link #clear} it (refused,
     * never confirmed, or at a station that does not clear): whatever the store kept for that download goes
     * (peer fetch: the holder of a relayed copy); idempotent.
     */
    void forget(StoredBackup copy);

    /**
     * How many downloads the store keeps something for now (peer fetch: the holder of each relayed copy
     * not yet fetched, cleared or {@link #forget forgotten}); 0 once every download ended and its last store
     * operation answered. For checks that nothing outlives its download.
     */
    int keptForDownloads();
}
