package io.radiolink.node;

/**
 * Observes a backup store's occupancy: called right after every change of its committed or staged
 * bytes, at the simulation time of the change (read it from the scheduler); must not throw.
 */
@FunctionalInterface
public interface StoreListener {

    /** A listener that ignores everything. */
    StoreListener NONE = store -> {};

    /** {@code store}'s committed or staged bytes just changed. */
    void occupancyChanged(BackupStore store);

    /** A volatile store lost {@code copies} committed copies of {@code bytes} in all in an outage. */
    default void copiesLost(BackupStore store, int copies, long bytes) {}

    /** {@code copy} was removed because nobody restored or replaced it within the retention period. */
    default void copyExpired(BackupStore store, StoredBackup copy) {}
}
