package io.radiolink.protocol.station;

import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a station's end finds, reserves, commits and clears its subscribers' copies: the station's own
 * store ({@link StationStore}, station storage) or a store behind the station (network storage). Each
 * result comes by its callback, which runs exactly once: at once (the station's own store), or later (a
 * store across a backhaul), never before the call that asked for it was made.
 */
interface StoreAccess {

    /** Looks up the committed copy of {@code phone}; {@code result} gets it, or empty if none is held. */
    void find(PhoneNumber phone, Consumer<Optional<StoredBackup>> result);

    /** Reserves staging space of {@code bytes}; {@code result} gets it, or empty if the store lacks room. */
    void reserve(long bytes, Consumer<Optional<Reservation>> result);

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
}
