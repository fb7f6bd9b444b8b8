package io.radiolink.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * What the base station keeps instead of a subscriber's maintenance password: a salted SHA-256 of
 * it, salted with the phone number, so a stored backup never holds the password itself.
 */
public final class PasswordVerifier {

    private final byte[] hash;

    private PasswordVerifier(byte[] hash) {
        this.hash = hash;
    }

    /** The verifier of {@code password} for the subscriber {@code phone}. */
    public static PasswordVerifier of(PhoneNumber phone, String password) {
        return new PasswordVerifier(hash(phone, password));
    }

    /** True if {@code password} is the one this verifier was made from. */
    public boolean matches(PhoneNumber phone, String password) {
        return MessageDigest.isEqual(hash, hash(phone, password));
    }

    /**
     * The answer to the station's challenge {@code nonce}: a SHA-256 of this verifier and the nonce, so
     * neither the password nor the verifier crosses the air.
     */
    public String proof(long nonce) {
        MessageDigest sha = ContentDigest.sha256();
        sha.update(hash);
        sha.update(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(nonce).array());
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /** True if {@code proof} answers {@code nonce} for this verifier. */
    public boolean acceptsProof(long nonce, String proof) {
        return MessageDigest.isEqual(proof(nonce).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(proof).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hash(PhoneNumber phone, String password) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(password, "password");
        MessageDigest sha = ContentDigest.sha256();
        sha.update(phone.digits().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "PasswordVerifier[***]";
    }
}
