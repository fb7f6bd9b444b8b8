package io.radiolink.protocol;

import io.radiolink.radio.Checks;

/**
 * How control messages (requests, complete commands) are retried: a message that gets no answer
 * within {@code timeoutSeconds} of leaving is sent again, at most {@code retryLimit} times.
 *
 * @param timeoutSeconds time from a control message leaving to its retransmission, > 0
 * @param retryLimit retransmissions allowed per control message, >= 0
 */
public record ControlConfig(double timeoutSeconds, int retryLimit) {

    /** Validates every field. */
    public ControlConfig {
        Checks.positive("timeoutSeconds", timeoutSeconds);
        Checks.atLeast("retryLimit", retryLimit, 0);
    }
}
