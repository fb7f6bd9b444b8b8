package io.radiolink.protocol;

import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.SimKey;

/**
 * How a terminal proves it knows the subscriber's maintenance password. What each exposes to an
 * eavesdropper and to an active attacker is in the threat model of {@code docs/protocol.md}.
 */
public enum AuthMode {
    /** The password travels inside the request, as the claims describe. */
    PASSWORD_IN_REQUEST,
    /**
     * The station sends a nonce; the terminal answers with a hash of the password's verifier and the
     * nonce, so the password never crosses the air (one more round trip). A first backup enrols the
     * verifier sealed under the SIM's key. A captured (nonce, proof) pair still lets an eavesdropper test
     * candidate passwords offline.
     */
    CHALLENGE_RESPONSE,
    /**
     * As {@link #CHALLENGE_RESPONSE}, but the proof is an HMAC-SHA256 under the key of the answering
     * terminal's SIM ({@link SimKey}) of the nonce and the verifier, so captured pairs allow no offline
     * guessing: only online guesses, which the lock-out bounds.
     */
    SIM_KEYED;

    /** True if the station challenges a request with a nonce instead of reading a password from it. */
    public boolean challenges() {
        return this != PASSWORD_IN_REQUEST;
    }

    /**
     * The proof of {@code verifier} for {@code nonce} by the terminal whose SIM holds {@code sim}.
     *
     * @throws IllegalStateException in {@link #PASSWORD_IN_REQUEST}, which has no challenge
     */
    public String proof(PasswordVerifier verifier, SimKey sim, long nonce) {
        return switch (this) {
            case CHALLENGE_RESPONSE -> verifier.proof(nonce);
            case SIM_KEYED -> verifier.proof(sim, nonce);
            case PASSWORD_IN_REQUEST -> throw new IllegalStateException(this + " has no challenge to prove");
        };
    }
}
