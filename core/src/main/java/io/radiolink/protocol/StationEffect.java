package io.radiolink.protocol;

/**
 * What a flow changed in the base station's store. Where it is not {@link #NONE} although the
 * terminal's outcome is a failure, the station's view differs from the terminal's (for example, the
 * station committed a backup but its complete command never reached the terminal). A change the store
 * answers across a backhaul can come after the flow ended ({@link FlowListener#lateStoreEffect}): a
 * backup's commit, a download's clear.
 */
public enum StationEffect {
    /** The store is as before the flow. */
    NONE,
    /** The station committed the flow's backup. */
    COMMITTED,
    /** The station received the downloading terminal's complete command: the download is confirmed. */
    CONFIRMED,
    /** The station cleared the copy it handed over, after the confirmed download's connection ended. */
    CLEARED
}
