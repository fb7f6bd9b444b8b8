package io.radiolink.protocol;

/**
 * The phases a flow passes through, in order; a flow may end in any of them. Their start and end
 * events are defined in {@code docs/protocol.md}. A flow that reconnects ({@link ResumeConfig}) passes
 * through {@link #BACKOFF} and then the phases from {@link #SETUP} again, and a backup with repair
 * rounds ({@link ChunkConfig}) returns from COMPLETE to TRANSFER; time in a phase entered more than once
 * adds up.
 */
public enum FlowPhase {
    /** From the connection request to the connection being established. */
    SETUP,
    /** From establishment to the terminal hearing the station's response. */
    REQUEST,
    /** From the response to the last data frame acknowledged (backup) or received (download). */
    TRANSFER,
    /** From the terminal's complete command to the station's complete command arriving. */
    COMPLETE,
    /** From the release request to the channel being free. */
    RELEASE,
    /** From a failed connection's end to the next connection request (reconnection only). */
    BACKOFF
}
