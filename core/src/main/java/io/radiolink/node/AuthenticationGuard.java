package io.radiolink.node;

import io.radiolink.radio.Checks;
import java.util.HashMap;
import java.util.Map;

/**
 * A store's count of failed authentication attempts per phone number, and its lock-outs: after
 * {@code maxFailedAttempts} failures in a row a number is locked for {@code lockoutSeconds}; a success
 * resets the count. With {@code maxFailedAttempts} 0 nothing is ever locked. One guard serves every
 * station that checks passwords against the same store's verifiers ({@link SharedGuard}): a station's
 * own under station storage without peer fetch, the peer-fetch network's with it, the {@link
 * SubscriberStore}'s under network storage ({@code docs/protocol.md}, threat model).
 */
public final class AuthenticationGuard {

    private final int maxFailedAttempts;
    private final double lockoutSeconds;
    private final Map<PhoneNumber, int[]> failures = new HashMap<>();
    private final Map<PhoneNumber, Double> lockedUntil = new HashMap<>();

    /** A guard locking after {@code maxFailedAttempts} (0: never) failures, for {@code lockoutSeconds}. */
    public AuthenticationGuard(int maxFailedAttempts, double lockoutSeconds) {
        this.maxFailedAttempts = Checks.atLeast("maxFailedAttempts", maxFailedAttempts, 0);
        this.lockoutSeconds = Checks.nonNegative("lockoutSeconds", lockoutSeconds);
    }

    /**
     * This guard, if it locks after {@code maxFailedAttempts} failures for {@code lockoutSeconds}, as a
     * station that shares it asks.
     *
     * @throws IllegalArgumentException if it locks otherwise: the stations sharing one store's count must
     *     lock alike
     */
    public AuthenticationGuard requireLocking(int maxFailedAttempts, double lockoutSeconds) {
        if (maxFailedAttempts != this.maxFailedAttempts
                || Double.compare(lockoutSeconds, this.lockoutSeconds) != 0) {
            throw new IllegalArgumentException("the stations sharing one store's lock-out count must lock alike: it"
                    + " locks after " + this.maxFailedAttempts + " failures for " + this.lockoutSeconds + " s, a station"
                    + " asked for " + maxFailedAttempts + " failures for " + lockoutSeconds + " s");
        }
        return this;
    }

    /** True if {@code phone} is locked out at {@code nowSeconds}. */
    public boolean isLocked(PhoneNumber phone, double nowSeconds) {
        Double until = lockedUntil.get(phone);
        return until != null && nowSeconds < until;
    }

    /** Records a failed attempt; returns true if it locked the number out. */
    public boolean failed(PhoneNumber phone, double nowSeconds) {
        if (maxFailedAttempts == 0) {
            return false;
        }
        int[] count = failures.computeIfAbsent(phone, p -> new int[1]);
        if (++count[0] < maxFailedAttempts) {
            return false;
        }
        count[0] = 0;
        lockedUntil.put(phone, nowSeconds + lockoutSeconds);
        return true;
    }

    /** Records a successful attempt: the count starts again. */
    public void succeeded(PhoneNumber phone) {
        failures.remove(phone);
    }
}
