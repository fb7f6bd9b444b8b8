package io.radiolink.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest of user data, used to check that what arrives is what was sent. Immutable; held as
 * four {@code long}s (48 bytes of heap, where its hexadecimal text would take about 120: every
 * subscriber's user data carries one).
 */
public final class ContentDigest {

    private final long word0;
    private final long word1;
    private final long word2;
    private final long word3;

    /**
     * The digest written as {@code sha256Hex}.
     *
     * @throws IllegalArgumentException unless it is 64 lower-case hexadecimal characters
     */
    public ContentDigest(String sha256Hex) {
        this(parse(sha256Hex));
    }

    private ContentDigest(byte[] digest) {
        ByteBuffer words = ByteBuffer.wrap(digest);
        this.word0 = words.getLong();
        this.word1 = words.getLong();
        this.word2 = words.getLong();
        this.word3 = words.getLong();
    }

    private static byte[] parse(String sha256Hex) {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits, was '"
                    + sha256Hex + "'");
        }
        return HexFormat.of().parseHex(sha256Hex);
    }

    /** The digest of {@code bytes}. */
    public static ContentDigest of(byte[] bytes) {
        return new ContentDigest(sha256().digest(bytes));
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

    /** The digest as 64 lower-case hexadecimal characters. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(ByteBuffer.allocate(32).putLong(word0).putLong(word1).putLong(word2)
                .putLong(word3).array());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentDigest other && word0 == other.word0 && word1 == other.word1
                && word2 == other.word2 && word3 == other.word3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(word0);
    }

    @Override
    public String toString() {
        return "sha256:" + sha256Hex().substring(0, 12) + "…";
    }
}
