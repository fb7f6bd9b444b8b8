package io.radiolink.protocol;

/** The base station's answer to a backup or download request. */
public enum Admission {
    /** The request is accepted: data follows. */
    ACCEPTED(null),
    /** The maintenance password does not match the one stored with the backup. */
    AUTH_REJECTED(FlowOutcome.AUTH_REJECTED),
    /** The store lacks space for the declared size. */
    STORAGE_FULL(FlowOutcome.STORAGE_FULL),
    /** No backup is stored under the requested phone number. */
    NO_BACKUP(FlowOutcome.NO_BACKUP),
    /** Station storage: the station holds no backup of the number, another station does. */
    COPY_ELSEWHERE(FlowOutcome.COPY_ELSEWHERE),
    /**
     * The station could not reach the store holding the copy when the request was decided: the subscriber
     * store (network storage), or the station holding the newest copy (station storage with peer fetch).
     */
    STORE_UNAVAILABLE(FlowOutcome.STORE_UNAVAILABLE);

    private final FlowOutcome rejection;

    Admission(FlowOutcome rejection) {
        this.rejection = rejection;
    }

    /** The outcome a terminal records for this rejection; null for {@link #ACCEPTED}. */
    public FlowOutcome rejectionOutcome() {
        return rejection;
    }
}
