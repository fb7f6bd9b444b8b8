package io.radiolink.protocol;

/**
 * How a flow ended, as the terminal saw it: success or one reason from this closed list.
 * Documented in {@code docs/protocol.md}, with the scenario that forces each.
 */
public enum FlowOutcome {
    /** The complete exchange finished and the connection was released. */
    SUCCESS,
    /** No maintenance password was entered: nothing was sent (claims 4, 9). */
    PASSWORD_NOT_ENTERED,
    /** Every channel of the base station was busy. */
    BLOCKED,
    /** The connection set-up failed. */
    SETUP_FAILED,
    /** The station rejected the maintenance password. */
    AUTH_REJECTED,
    /** The station's store lacked space for the backup. */
    STORAGE_FULL,
    /** The station holds no backup for the requested phone number. */
    NO_BACKUP,
    /**
     * Station storage: the station holds no backup for the requested number, but another station does
     * (a restore at another cell than the backup's).
     */
    COPY_ELSEWHERE,
    /** A control message or data frame exhausted its retries (on either side). */
    RETRIES_EXHAUSTED,
    /** A radio link failure dropped the connection. */
    LINK_DROPPED,
    /** The base station was down when the terminal tried, or went down during the flow. */
    STATION_DOWN,
    /**
     * The station could not reach the store holding the copy when it decided on the request: under network
     * storage the subscriber store (its backhaul or the store was down), under station storage with peer
     * fetch the station holding the newest copy (a backhaul on the way, or that station, was down).
     */
    STORE_UNAVAILABLE,
    /** Every random-access preamble of the connection attempt collided. */
    ACCESS_FAILED,
    /**
     * The received object's digest did not match (damage that slipped through the frame check): nothing
     * was stored or committed, nothing cleared.
     */
    INTEGRITY_MISMATCH;

    /** True for {@link #SUCCESS}. */
    public boolean isSuccess() {
        return this == SUCCESS;
    }
}
