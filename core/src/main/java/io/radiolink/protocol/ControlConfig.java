package io.radiolink.protocol;

import io.radiolink.radio.Range;

/**
 * How control messages (requests, complete commands) are retried: a message that gets no answer
 * within {@code timeoutSeconds} of leaving is sent again, at most {@code retryLimit} times.
 *
 * @param timeoutSeconds time from a control message leaving to its retransmission, > 0
 * @param retryLimit retransmissions allowed per control message, >= 0
 */
public record ControlConfig(double timeoutSeconds, int retryLimit) {

    /** Timeouts of control messages. */
    public static final Range TIMEOUT_SECONDS = Range.positiveSeconds();
    /** Repetitions per control message. */
    public static final Range RETRY_LIMIT = Range.wholeAtLeast(0);

    /** Validates every field. */
    public ControlConfig {
        TIMEOUT_SECONDS.check("timeoutSeconds", timeoutSeconds);
        RETRY_LIMIT.check("retryLimit", retryLimit);
    }
}
