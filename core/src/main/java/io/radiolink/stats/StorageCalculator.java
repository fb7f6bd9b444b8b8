package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BackupStore;
import io.radiolink.node.StoreListener;
import io.radiolink.node.StoredBackup;
import java.util.Objects;

/**
 * The bytes every store holds together (committed plus staged), integrated over the window, and the
 * copies lost in outages or expired in it. Store events carry no time: it is read from the scheduler.
 */
public final class StorageCalculator extends Calculator<StorageOccupancy> implements StoreListener {

    private final Scheduler scheduler;
    private final StoreBytes storeBytes = new StoreBytes();
    private final TimeWeightedLevel bytes;
    private long copiesLost;
    private long bytesLost;
    private long copiesExpired;

    /** A calculator counting in {@code window}, at the times {@code scheduler} gives. */
    public StorageCalculator(ObservationWindow window, Scheduler scheduler) {
        super(window);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.bytes = window.newLevel();
    }

    @Override
    public void occupancyChanged(BackupStore store) {
        requireOpen();
        bytes.add(scheduler.nowSeconds(), storeBytes.change(store));
    }

    @Override
    public void copiesLost(BackupStore store, int copies, long lostBytes) {
        requireOpen();
        if (inWindow(scheduler.nowSeconds())) {
            copiesLost += copies;
            bytesLost += lostBytes;
        }
    }

    @Override
    public void copyExpired(BackupStore store, StoredBackup copy) {
        requireOpen();
        if (inWindow(scheduler.nowSeconds())) {
            copiesExpired++;
        }
    }

    @Override
    StorageOccupancy result() {
        bytes.close();
        return new StorageOccupancy(bytes.mean(), bytes.peak(), bytes.endLevel(),
                new StorageCounts(copiesLost, bytesLost, copiesExpired));
    }
}
