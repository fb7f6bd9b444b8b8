package io.radiolink.node;

/**
 * One lock-out count that every station checking passwords against the same verifiers shares, made by
 * the first station that asks ({@code docs/protocol.md}, threat model): the subscriber store's under
 * network storage, the peer-fetch network's under station storage with peer fetch, a station's own
 * without.
 */
public final class SharedGuard {

    private AuthenticationGuard guard;

    /**
     * The count, made at the first call locking after {@code maxFailedAttempts} failures for
     * {@code lockoutSeconds}.
     *
     * @throws IllegalArgumentException if a later call asks for another lock-out than the first did
     */
    public AuthenticationGuard guard(int maxFailedAttempts, double lockoutSeconds) {
        guard = guard == null ? new AuthenticationGuard(maxFailedAttempts, lockoutSeconds)
                : guard.requireLocking(maxFailedAttempts, lockoutSeconds);
        return guard;
    }
}
