package io.radiolink.backhaul;

/**
 * The two directions of a station's backhaul; a direction's {@link #ordinal()} is the instance of its
 * loss stream ({@code backhaul-loss}, keyed by the station's id).
 */
public enum Direction {
    /** From the station to the subscriber store (backups, fetch requests). */
    TO_STORE,
    /** From the subscriber store to the station (fetched copies, commit acknowledgements). */
    FROM_STORE
}
