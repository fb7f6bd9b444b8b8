package io.radiolink.protocol;

import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * How user data crosses the air: the ARQ scheme, its window, retransmission timeout and retry limit.
 *
 * <p>Stop-and-wait is selective repeat with a window of one frame; one implementation serves both.
 * A frame's timer starts when its last bit leaves the transmitter. After {@code retryLimit}
 * retransmissions of one frame without an acknowledgement the transfer fails.
 *
 * @param mode the scheme
 * @param windowFrames frames in flight at most: 1 for stop-and-wait, >= 1 for selective repeat
 * @param retransmissionTimeoutSeconds time from a frame leaving to its retransmission, > 0
 * @param retryLimit retransmissions allowed per frame, >= 0
 */
public record ArqConfig(
        ArqMode mode, int windowFrames, double retransmissionTimeoutSeconds, int retryLimit) {

    /** Windows: at least 1, exactly 1 for stop-and-wait. */
    public static final Range WINDOW_FRAMES = Range.wholeAtLeast(1);
    /** Retransmission timeouts. */
    public static final Range RETRANSMISSION_TIMEOUT_SECONDS = Range.positiveSeconds();
    /** Retransmissions per frame. */
    public static final Range RETRY_LIMIT = Range.wholeAtLeast(0);

    /** Validates every field. */
    public ArqConfig {
        Objects.requireNonNull(mode, "mode");
        WINDOW_FRAMES.check("windowFrames", windowFrames);
        if (mode == ArqMode.STOP_AND_WAIT && windowFrames != 1) {
            throw new InvalidFieldException("windowFrames", Integer.toString(windowFrames),
                    "must be 1 for STOP_AND_WAIT, was " + windowFrames, WINDOW_FRAMES.describe() + ", exactly 1 for STOP_AND_WAIT");
        }
        RETRANSMISSION_TIMEOUT_SECONDS.check("retransmissionTimeoutSeconds", retransmissionTimeoutSeconds);
        RETRY_LIMIT.check("retryLimit", retryLimit);
    }

    /** Stop-and-wait with the given timeout and retry limit. */
    public static ArqConfig stopAndWait(double retransmissionTimeoutSeconds, int retryLimit) {
        return new ArqConfig(ArqMode.STOP_AND_WAIT, 1, retransmissionTimeoutSeconds, retryLimit);
    }

    /** Selective repeat with the given window, timeout and retry limit. */
    public static ArqConfig selectiveRepeat(int windowFrames, double retransmissionTimeoutSeconds,
            int retryLimit) {
        return new ArqConfig(ArqMode.SELECTIVE_REPEAT, windowFrames, retransmissionTimeoutSeconds,
                retryLimit);
    }
}
