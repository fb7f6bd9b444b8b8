package io.radiolink.protocol;

import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * Authentication: how the password is proven, and the lock-out of numbers with too many failed
 * attempts. A locked number gets the same rejection as a wrong password for every request, so it
 * reveals nothing, not even whether a backup exists.
 *
 * @param mode password in the request (the claims), challenge-response, or SIM-keyed challenge-response
 * @param maxFailedAttempts failures in a row that lock a number out, >= 0; 0 never locks
 * @param lockoutSeconds how long a lock-out lasts, >= 0
 */
public record AuthConfig(AuthMode mode, int maxFailedAttempts, double lockoutSeconds) {

    /** Failures in a row before a lock-out; 0 never locks. */
    public static final Range MAX_FAILED_ATTEMPTS = Range.wholeAtLeast(0);
    /** Lengths of a lock-out. */
    public static final Range LOCKOUT_SECONDS = Range.seconds();

    /** The claims' behaviour: password in the request, no lock-out. */
    public static final AuthConfig CLAIMED = new AuthConfig(AuthMode.PASSWORD_IN_REQUEST, 0, 0);

    /** Validates the fields. */
    public AuthConfig {
        Objects.requireNonNull(mode, "mode");
        MAX_FAILED_ATTEMPTS.check("maxFailedAttempts", maxFailedAttempts);
        LOCKOUT_SECONDS.check("lockoutSeconds", lockoutSeconds);
    }
}
