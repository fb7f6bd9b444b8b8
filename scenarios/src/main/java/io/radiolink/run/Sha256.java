package io.radiolink.run;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 digests the identities are made of. */
final class Sha256 {

    /** The bytes of a digest. */
    static final int BYTES = 32;

    private Sha256() {}

    /** A new SHA-256 digest. */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
