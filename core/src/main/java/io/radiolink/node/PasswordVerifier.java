package io.radiolink.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What the base station keeps instead of a subscriber's maintenance password: a salted SHA-256 of
 * it, salted with the phone number, so a stored backup never holds the password itself.
 *
 * <p>The verifier is as good as the password to whoever holds it (it makes every proof), so it never
 * travels in the clear: challenge-response sends a {@link #proof proof} for the station's nonce, and a
 * first backup enrols the verifier {@link #sealed sealed} under its SIM's key. Each proof is a function of
 * the password alone, so one (nonce, proof) pair lets an eavesdropper test every candidate password offline;
 * the {@link #proof(SimKey, long) SIM-keyed proof} does not.
 */
public final class PasswordVerifier {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PROOF = "proof";
    private static final String SEAL = "seal";

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
     * The answer to the station's challenge {@code nonce} (challenge-response): the SHA-256 of this verifier
     * and the nonce, in hexadecimal. Neither the password nor the verifier crosses the air, but the proof
     * is a function of the password, the phone number and the nonce alone: whoever captures a (nonce, proof)
     * pair can test candidate passwords offline.
     */
    public String proof(long nonce) {
        MessageDigest sha = ContentDigest.sha256();
        sha.update(hash);
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(nonce).array());
        return HEX.formatHex(sha.digest());
    }

    /**
     * The SIM-keyed answer to {@code nonce}: HMAC-SHA256 under {@code sim} of the nonce and this verifier,
     * in hexadecimal. Without the SIM's key a captured pair tells nothing about the password.
     */
    public String proof(SimKey sim, long nonce) {
        return HEX.formatHex(sim.mac(PROOF, nonce, hash));
    }

    /** True if {@code proof} equals {@code expected}, compared in time independent of where they differ. */
    public static boolean sameProof(String expected, String proof) {
        return proof != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                proof.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * This verifier sealed for enrolment with a first backup answering {@code nonce}: XOR-ed with the
     * HMAC-SHA256 under {@code sim} of the nonce (a one-time pad per nonce), in hexadecimal. Without the
     * SIM's key it is indistinguishable from random bytes.
     */
    public String sealed(SimKey sim, long nonce) {
        return HEX.formatHex(xor(hash, sim.mac(SEAL, nonce, new byte[0])));
    }

    /** The verifier {@link #sealed} under {@code sim} for {@code nonce}, or empty if {@code sealed} is malformed. */
    public static Optional<PasswordVerifier> unsealed(String sealed, SimKey sim, long nonce) {
        if (sealed == null || sealed.length() != 2 * 32 || !sealed.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(new PasswordVerifier(xor(HEX.parseHex(sealed), sim.mac(SEAL, nonce, new byte[0]))));
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
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
