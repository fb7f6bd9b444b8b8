package io.radiolink.protocol;

/** How a terminal proves it knows the subscriber's maintenance password. */
public enum AuthMode {
    /** The password travels inside the request, as the claims describe. */
    PASSWORD_IN_REQUEST,
    /**
     * The station sends a nonce; the terminal answers with a hash of the password's verifier and the
     * nonce, so the password never crosses the air (one more round trip).
     */
    CHALLENGE_RESPONSE
}
