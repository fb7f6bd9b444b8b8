package io.radiolink.node;

/**
 * Staging space a {@link BackupStore} set aside for a backup in progress; it is either committed or
 * released, once.
 */
public final class Reservation {

    private final long bytes;
    private boolean active = true;

    Reservation(long bytes) {
        this.bytes = bytes;
    }

    /** The reserved size. */
    public long bytes() {
        return bytes;
    }

    /** True until the reservation is committed or released. */
    public boolean isActive() {
        return active;
    }

    void close() {
        active = false;
    }
}
