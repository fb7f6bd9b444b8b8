package io.radiolink.protocol;

/**
 * Whether the receiver of a flow's user data checked its digest against the one announced, and what it
 * found. The station checks a backup before committing it; the terminal checks a download before
 * storing it. Frames carry sizes, not bits, so a mismatch needs a corruption model (a later issue):
 * today a mismatch is an invariant violation and stops the run.
 */
public enum IntegrityCheck {
    /** The flow's data was never whole at its receiver. */
    NOT_CHECKED,
    /** The digest matched. */
    VERIFIED,
    /** The digest did not match; the data was neither committed nor stored. */
    MISMATCHED
}
