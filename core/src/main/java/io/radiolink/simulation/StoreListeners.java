package io.radiolink.simulation;

import io.radiolink.node.BackupStore;
import io.radiolink.node.StoreListener;
import io.radiolink.node.StoredBackup;
import java.util.List;

/** Several store listeners as one: each event goes to every listener, in the order given. */
final class StoreListeners implements StoreListener {

    private final List<StoreListener> listeners;

    StoreListeners(StoreListener... listeners) {
        this.listeners = List.of(listeners);
    }

    @Override
    public void occupancyChanged(BackupStore store) {
        for (StoreListener l : listeners) {
            l.occupancyChanged(store);
        }
    }

    @Override
    public void copiesLost(BackupStore store, int copies, long bytes) {
        for (StoreListener l : listeners) {
            l.copiesLost(store, copies, bytes);
        }
    }

    @Override
    public void copyExpired(BackupStore store, StoredBackup copy) {
        for (StoreListener l : listeners) {
            l.copyExpired(store, copy);
        }
    }
}
