package io.radiolink.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest of user data, used to check that what arrives is what was sent.
 *
 * @param sha256Hex 64 lower-case hexadecimal characters
 */
public record ContentDigest(String sha256Hex) {

    /** Validates the format. */
    public ContentDigest {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits, was '"
                    + sha256Hex + "'");
        }
    }

    /** The digest of {@code bytes}. */
    public static ContentDigest of(byte[] bytes) {
        return new ContentDigest(HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    /** The digest of a text in UTF-8. */
    public static ContentDigest ofText(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest standing for synthetic content identified by its size, records and a label. */
    static ContentDigest ofSynthetic(long sizeBytes, int recordCount, long contentLabel) {
        return of(ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES)
                .putLong(sizeBytes).putInt(recordCount).putLong(contentLabel).array());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:" + sha256Hex.substring(0, 12) + "…";
    }
}
