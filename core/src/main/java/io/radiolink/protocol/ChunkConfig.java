package io.radiolink.protocol;

import io.radiolink.radio.Checks;
import io.radiolink.radio.Range;

/**
 * Chunked transfer: user data split into chunks of {@code chunkBytes}, each carrying its own digest.
 * The receiver checks a chunk's digest once all its frames are in; a chunk whose digest fails (damage
 * that slipped through the frame check) or whose frames are missing is sent again in a repair round
 * after the pass, at most {@code repairRounds} times, before the flow fails with
 * {@link FlowOutcome#INTEGRITY_MISMATCH}. The whole-object digest is checked as well, before the station
 * commits a backup and before the terminal stores a download.
 *
 * <p>Each chunk is framed on its own (its last frame may be short), so a chunk size that is a multiple of
 * the link's frame payload frames the data exactly as without chunks. Chunks are also the unit of
 * {@linkplain ResumeConfig resume}: a receiver keeps only chunks whose digest matched.
 *
 * @param chunkBytes bytes per chunk, >= 0; 0 means one chunk without a digest of its own: the whole-object
 *     digest is the only check beyond the frame check, and a mismatch fails the flow
 * @param repairRounds repair rounds allowed per connection after the first pass, >= 0 (ignored when
 *     {@code chunkBytes} is 0)
 */
public record ChunkConfig(long chunkBytes, int repairRounds) {

    /** Chunk sizes; 0 sends the object as one unit. */
    public static final Range CHUNK_BYTES = Range.wholeAtLeast(0);
    /** Repair rounds per connection. */
    public static final Range REPAIR_ROUNDS = Range.wholeAtLeast(0);

    /** No chunk digests: the object as one unit, as the claims describe it. */
    public static final ChunkConfig WHOLE_OBJECT = new ChunkConfig(0, 0);

    /** Validates the fields. */
    public ChunkConfig {
        CHUNK_BYTES.check("chunkBytes", chunkBytes);
        REPAIR_ROUNDS.check("repairRounds", repairRounds);
    }

    /** Chunks of {@code chunkBytes} (at least 1) with {@code repairRounds} repair rounds. */
    public static ChunkConfig of(long chunkBytes, int repairRounds) {
        Checks.atLeast("chunkBytes", chunkBytes, 1L);
        return new ChunkConfig(chunkBytes, repairRounds);
    }

    /** True if chunks carry digests of their own. */
    public boolean enabled() {
        return chunkBytes > 0;
    }
}
