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
}
