package io.radiolink.protocol;

/**
 * Whether the receiver of a flow's user data checked its digest against the one announced, and what it
 * found. The station checks a backup before committing it; the terminal checks a download before
 * storing it. A mismatch comes from corruption that slipped through the frame check
 * ({@code LinkConfig.Corruption}) and was not repaired chunk by chunk ({@link ChunkConfig}).
 */
public enum IntegrityCheck {
    /** The flow's data was never whole at its receiver. */
    NOT_CHECKED,
    /** The digest matched. */
    VERIFIED,
    /** The digest did not match; the data was neither committed nor stored. */
    MISMATCHED
}
