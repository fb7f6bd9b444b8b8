package io.radiolink.node;

import io.radiolink.radio.Checks;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A base station's storage of user data, keyed by phone number, with a capacity in bytes.
 *
 * <p>Space is counted as committed copies plus staging reservations. A backup reserves its declared
 * size when accepted; the reservation becomes the committed copy only when the backup completes,
 * replacing the previous copy of that number at that moment, or is released if the backup fails. So a
 * failed or interrupted backup never touches the committed copy, and replacing a copy needs room for
 * both until the commit.
 */
public final class BackupStore {

    private final long capacityBytes;
    private final StoreListener listener;
    private final TreeMap<PhoneNumber, StoredBackup> committed = new TreeMap<>();
    private long committedBytes;
    private long stagedBytes;
    private long nextVersion = 1;
    /** Reservations of partial uploads kept between connections, in parking order. */
    private final Set<Reservation> parked = new LinkedHashSet<>();

    /** A store of {@code capacityBytes} (at least 1) that nobody observes. */
    public BackupStore(long capacityBytes) {
        this(capacityBytes, StoreListener.NONE);
    }

    /** A store of {@code capacityBytes} (at least 1) telling {@code listener} of every occupancy change. */
    public BackupStore(long capacityBytes, StoreListener listener) {
        this.capacityBytes = Checks.atLeast("storageCapacityBytes", capacityBytes, 1L);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Reserves staging space, or returns empty if the store lacks {@code bytes} of free space. */
    public Optional<Reservation> reserve(long bytes) {
        Checks.atLeast("bytes", bytes, 1L);
        if (bytes > freeBytes()) {
            return Optional.empty();
        }
        stagedBytes += bytes;
        listener.occupancyChanged(this);
        return Optional.of(new Reservation(bytes));
    }

    /**
     * Keeps the reservation of a partial upload whose connection ended, for the upload to resume on
     * another connection; its space stays staged. A volatile store loses parked reservations in an outage
     * ({@link #loseAll()}).
     */
    public void park(Reservation reservation) {
        if (reservation.isActive()) {
            parked.add(reservation);
        }
    }

    /** Takes a parked reservation back for a resumed upload; true if it was still parked and active. */
    public boolean unpark(Reservation reservation) {
        return parked.remove(reservation) && reservation.isActive();
    }

    /** Gives back the space of a reservation that will not be committed; idempotent. */
    public void release(Reservation reservation) {
        parked.remove(reservation);
        if (reservation.isActive()) {
            reservation.close();
            stagedBytes -= reservation.bytes();
            listener.occupancyChanged(this);
        }
    }

    /**
     * Turns a reservation into the committed copy for {@code phone}, replacing any previous copy.
     *
     * @throws IllegalStateException if the reservation was already used or released
     * @throws IllegalArgumentException if the data's size differs from the reserved size
     */
    public StoredBackup commit(Reservation reservation, PhoneNumber phone, UserData data,
            PasswordVerifier verifier, double nowSeconds) {
        if (!reservation.isActive()) {
            throw new IllegalStateException("reservation already committed or released");
        }
        parked.remove(reservation);
        if (data.sizeBytes() != reservation.bytes()) {
            throw new IllegalArgumentException("data of " + data.sizeBytes()
                    + " bytes does not match the reservation of " + reservation.bytes() + " bytes");
        }
        reservation.close();
        stagedBytes -= reservation.bytes();
        StoredBackup copy = new StoredBackup(phone, data, verifier, nextVersion++, nowSeconds);
        StoredBackup previous = committed.put(phone, copy);
        if (previous != null) {
            committedBytes -= previous.data().sizeBytes();
        }
        committedBytes += data.sizeBytes();
        listener.occupancyChanged(this);
        return copy;
    }

    /** The committed copy for {@code phone}, if any. */
    public Optional<StoredBackup> find(PhoneNumber phone) {
        return Optional.ofNullable(committed.get(Objects.requireNonNull(phone, "phone")));
    }

    /**
     * Removes the copy for {@code phone} if it is still the given version (a newer backup that
     * committed meanwhile is kept).
     *
     * @return true if a copy was removed
     */
    public boolean clear(PhoneNumber phone, long version) {
        return removeIfCurrent(phone, version) != null;
    }

    /**
     * Removes the copy for {@code phone} if it is still the given version (not replaced or cleared
     * since), because its retention period ended.
     *
     * @return true if a copy expired
     */
    public boolean expire(PhoneNumber phone, long version) {
        StoredBackup removed = removeIfCurrent(phone, version);
        if (removed != null) {
            listener.copyExpired(this, removed);
        }
        return removed != null;
    }

    /** Removes and returns the copy for {@code phone} if it is version {@code version}; else null. */
    private StoredBackup removeIfCurrent(PhoneNumber phone, long version) {
        StoredBackup current = committed.get(phone);
        if (current == null || current.version() != version) {
            return null;
        }
        committed.remove(phone);
        committedBytes -= current.data().sizeBytes();
        listener.occupancyChanged(this);
        return current;
    }

    /**
     * Loses every committed copy and every parked partial upload (a volatile store in an outage) and
     * reports the copies as lost. Reservations of uploads in progress are not touched: their connections
     * end with the outage and release them.
     */
    public void loseAll() {
        for (Reservation reservation : List.copyOf(parked)) {
            release(reservation);
        }
        int copies = committed.size();
        long bytes = committedBytes;
        committed.clear();
        committedBytes = 0;
        listener.occupancyChanged(this);
        listener.copiesLost(this, copies, bytes);
    }

    /** The committed copies in phone-number order. */
    public Collection<StoredBackup> committedCopies() {
        return Collections.unmodifiableCollection(committed.values());
    }

    /** The capacity in bytes. */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** Bytes held by committed copies. */
    public long committedBytes() {
        return committedBytes;
    }

    /** Reservations of partial uploads parked between connections. */
    public int parkedReservations() {
        return parked.size();
    }

    /** Bytes reserved by partial uploads parked between connections (part of {@link #stagedBytes()}). */
    public long parkedBytes() {
        long bytes = 0;
        for (Reservation reservation : parked) {
            bytes += reservation.bytes();
        }
        return bytes;
    }

    /** Bytes reserved by backups in progress, parked partial uploads included. */
    public long stagedBytes() {
        return stagedBytes;
    }

    /** Capacity minus committed and staged bytes. */
    public long freeBytes() {
        return capacityBytes - committedBytes - stagedBytes;
    }
}
