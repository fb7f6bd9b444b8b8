package io.radiolink.node;

import io.radiolink.radio.Checks;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A terminal's user data (phone book, messages, settings): its size in bytes, its number of records
 * and a digest of its content, and optionally the real bytes.
 *
 * <p>Frames on the air carry sizes, not bits: when a transfer completes, the receiving side gets this
 * immutable value and checks its digest against the one announced at the start. Synthetic data
 * (size, records and a content label) costs no memory; embedders who want their own bytes moved
 * supply them with {@link #ofBytes}.
 */
public final class UserData {

    private final long sizeBytes;
    private final int recordCount;
    private final ContentDigest digest;
    private final byte[] content;

    private UserData(long sizeBytes, int recordCount, ContentDigest digest, byte[] content) {
        this.sizeBytes = Checks.atLeast("sizeBytes", sizeBytes, 1L);
        this.recordCount = Checks.atLeast("recordCount", recordCount, 0);
        this.digest = Objects.requireNonNull(digest, "digest");
        this.content = content;
    }

    /**
     * Synthetic user data of {@code sizeBytes} bytes in {@code recordCount} records; the
     * {@code contentLabel} tells apart data sets of the same size (different labels give different
     * digests, equal arguments equal ones).
     */
    public static UserData synthetic(long sizeBytes, int recordCount, long contentLabel) {
        return new UserData(sizeBytes, recordCount,
                ContentDigest.ofSynthetic(sizeBytes, recordCount, contentLabel), null);
    }

    /** User data made of these bytes (copied) in {@code recordCount} records. */
    public static UserData ofBytes(byte[] bytes, int recordCount) {
        byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
        return new UserData(copy.length, recordCount, ContentDigest.of(copy), copy);
    }

    /** Size in bytes, at least 1. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Number of records (entries) the data holds. */
    public int recordCount() {
        return recordCount;
    }

    /** The content digest. */
    public ContentDigest digest() {
        return digest;
    }

    /** A copy of the real bytes, if this data was made from bytes. */
    public Optional<byte[]> content() {
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    /**
     * True if this data's content hashes to {@code announced}: for data made of bytes the digest is
     * recomputed from them, for synthetic data the digest stands for the content.
     */
    public boolean verifiesAgainst(ContentDigest announced) {
        ContentDigest actual = content == null ? digest : ContentDigest.of(content);
        return actual.equals(announced);
    }

    /** True if the size, record count and digest equal those announced. */
    public boolean matches(long announcedSizeBytes, int announcedRecords, ContentDigest announcedDigest) {
        return sizeBytes == announcedSizeBytes && recordCount == announcedRecords
                && digest.equals(announcedDigest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserData other && sizeBytes == other.sizeBytes
                && recordCount == other.recordCount && digest.equals(other.digest)
                && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "UserData[" + sizeBytes + " B, " + recordCount + " records, " + digest + "]";
    }
}
