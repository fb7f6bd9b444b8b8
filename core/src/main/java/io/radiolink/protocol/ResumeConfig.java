package io.radiolink.protocol;

import io.radiolink.radio.Checks;
import io.radiolink.radio.Range;

/**
 * Reconnection after a radio link failure or a timeout, retries of attempts that got no connection, and
 * resuming the transfer where it stopped.
 *
 * <p>A flow whose connection ends with {@link FlowOutcome#LINK_DROPPED} or
 * {@link FlowOutcome#RETRIES_EXHAUSTED} while it has attempts left waits a back-off and connects again.
 * With {@code retryAccess}, an attempt that got no connection because every channel was busy
 * ({@link FlowOutcome#BLOCKED}) or every preamble collided ({@link FlowOutcome#ACCESS_FAILED}) is
 * followed the same way by another one. Any other outcome, or one of these without attempts left, ends
 * the flow with that outcome (so a flow whose retries ran out ends with its last attempt's cause, e.g.
 * BLOCKED). {@link #retries} states which outcomes are followed by another attempt.
 *
 * <p>One budget and one law serve both causes: {@code attempts} bounds the connection attempts of a
 * flow whatever ended the earlier ones, and the back-off before attempt {@code k + 1} (k = 1, 2, ...),
 * after a drop or a refusal alike, is
 * {@code min(maxBackoffSeconds, backoffSeconds * backoffMultiplier^(k-1)) * (1 + jitter * (2U - 1))}
 * with U uniform in [0, 1): its mean is the unjittered value. The records count the attempts after a
 * refusal ({@link TerminalRecord#accessRetries}) apart from the reconnections after a drop or timeout.
 * Why one budget and one law rather than a rule of their own: {@code docs/design.md}, "Retries of
 * refused attempts".
 *
 * <p>With {@code fromOffset} the new connection resumes from the receiver's verified prefix: the station
 * keeps a partial upload (its staging space and the chunks it verified) for {@code holdSeconds} after a
 * connection ends, and a downloading terminal keeps what it received while its flow lasts. Without it
 * every attempt starts again from byte 0 and the station keeps nothing.
 *
 * @param attempts connection attempts per flow, >= 1; 1 means no reconnection and no retry
 * @param backoffSeconds back-off before the second attempt, finite, >= 0
 * @param backoffMultiplier growth of the back-off per further attempt, finite, >= 1
 * @param maxBackoffSeconds cap of the unjittered back-off, finite, >= {@code backoffSeconds}
 * @param jitter relative spread of the back-off, in [0, 1]
 * @param fromOffset resume from the receiver's verified prefix (true) or restart from zero (false)
 * @param holdSeconds how long the station keeps a partial upload after its connection ended, finite, >= 0
 * @param retryAccess also follow a blocked attempt or one whose random access failed by another (false:
 *     such an attempt ends the flow, the behaviour before issue 13)
 */
public record ResumeConfig(int attempts, double backoffSeconds, double backoffMultiplier,
        double maxBackoffSeconds, double jitter, boolean fromOffset, double holdSeconds, boolean retryAccess) {

    /** Connection attempts per flow. */
    public static final Range ATTEMPTS = Range.wholeAtLeast(1);
    /** Back-offs, their cap and the hold time. */
    public static final Range SECONDS = Range.seconds();
    /** Growth of the back-off. */
    public static final Range BACKOFF_MULTIPLIER = Range.atLeast(1);
    /** Relative spread of the back-off. */
    public static final Range JITTER = Range.probability();

    /** One attempt per flow: the claims' behaviour. */
    public static final ResumeConfig OFF = new ResumeConfig(1, 0, 1, 0, 0, false, 0, false);

    /** Validates the fields. */
    public ResumeConfig {
        ATTEMPTS.check("attempts", attempts);
        SECONDS.check("backoffSeconds", backoffSeconds);
        BACKOFF_MULTIPLIER.check("backoffMultiplier", backoffMultiplier);
        SECONDS.check("maxBackoffSeconds", maxBackoffSeconds);
        Checks.relation(maxBackoffSeconds >= backoffSeconds, "maxBackoffSeconds", maxBackoffSeconds, ">=",
                "backoffSeconds", backoffSeconds, SECONDS.describe() + " and >= backoffSeconds");
        JITTER.check("jitter", jitter);
        SECONDS.check("holdSeconds", holdSeconds);
    }

    /** Settings that retry no blocked or access-failed attempt ({@code retryAccess} false). */
    public ResumeConfig(int attempts, double backoffSeconds, double backoffMultiplier, double maxBackoffSeconds,
            double jitter, boolean fromOffset, double holdSeconds) {
        this(attempts, backoffSeconds, backoffMultiplier, maxBackoffSeconds, jitter, fromOffset, holdSeconds, false);
    }

    /** The same settings, retrying blocked and access-failed attempts or not. */
    public ResumeConfig withRetryAccess(boolean retry) {
        return new ResumeConfig(attempts, backoffSeconds, backoffMultiplier, maxBackoffSeconds, jitter, fromOffset,
                holdSeconds, retry);
    }

    /** The unjittered back-off before attempt {@code attempt + 1}, for {@code attempt} >= 1. */
    public double backoffSeconds(int attempt) {
        if (backoffSeconds == 0.0) {
            return 0.0;
        }
        return Math.min(maxBackoffSeconds, backoffSeconds * StrictMath.pow(backoffMultiplier, attempt - 1));
    }

    /** True if a failed connection may be followed by another one. */
    public boolean reconnects() {
        return attempts > 1;
    }

    /**
     * True if an attempt that ended with {@code outcome} is followed by another while attempts are left:
     * a drop or a timeout always, a blocked or access-failed attempt with {@code retryAccess}.
     */
    public boolean retries(FlowOutcome outcome) {
        return switch (outcome) {
            case LINK_DROPPED, RETRIES_EXHAUSTED -> true;
            case BLOCKED, ACCESS_FAILED -> retryAccess;
            // An unavailable store (network storage, or a peer-fetch holder or backhaul down) ends the flow as
            // a station that is down does: outages outlast the back-offs meant for a busy cell (docs/design.md);
            // a copy held elsewhere without peer fetch is not found by trying again.
            case SUCCESS, PASSWORD_NOT_ENTERED, SETUP_FAILED, AUTH_REJECTED, STORAGE_FULL, NO_BACKUP, COPY_ELSEWHERE,
                    STATION_DOWN, STORE_UNAVAILABLE, INTEGRITY_MISMATCH -> false;
        };
    }
}
