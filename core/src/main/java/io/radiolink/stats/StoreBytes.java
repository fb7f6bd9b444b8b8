package io.radiolink.stats;

import io.radiolink.node.BackupStore;
import java.util.IdentityHashMap;

/**
 * The bytes every store holds together, told as changes: each store's last reported occupancy
 * (committed plus staged), so that a store's report becomes the change it made to the total.
 */
final class StoreBytes {

    /** Each store's last reported occupancy; looked up only, never iterated. */
    private final IdentityHashMap<BackupStore, Long> storeBytes = new IdentityHashMap<>();

    /** The change of the total since {@code store}'s previous report, which is now its current occupancy. */
    long change(BackupStore store) {
        long now = store.committedBytes() + store.stagedBytes();
        Long previous = storeBytes.put(store, now);
        return now - (previous == null ? 0 : previous);
    }
}
