package io.radiolink.protocol.transfer;

import io.radiolink.protocol.ChunkConfig;
import io.radiolink.radio.LinkConfig;

/**
 * How one object of user data is cut into chunks and frames on one link direction: chunk {@code c}
 * covers bytes {@code [c * chunkBytes, (c + 1) * chunkBytes)} and is framed on its own, so frame numbers
 * run over the whole object and every chunk but the last has the same number of frames. Without chunks
 * ({@link ChunkConfig#WHOLE_OBJECT}) the object is one chunk.
 */
public final class Framing {

    private final LinkConfig link;
    private final long sizeBytes;
    private final long chunkBytes;
    private final boolean chunkDigests;
    private final int chunks;
    private final int framesPerChunk;
    private final int frames;

    public Framing(LinkConfig link, long sizeBytes, ChunkConfig config) {
        this.link = link;
        this.sizeBytes = sizeBytes;
        this.chunkDigests = config.enabled();
        this.chunkBytes = chunkDigests ? config.chunkBytes() : Math.max(1L, sizeBytes);
        long chunkCount = Math.max(1L, sizeBytes / chunkBytes + (sizeBytes % chunkBytes == 0 ? 0 : 1));
        this.framesPerChunk = link.framesFor(chunkBytes);
        long frameCount = (chunkCount - 1) * framesPerChunk + link.framesFor(chunkLength(chunkCount - 1));
        if (frameCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("user data of " + sizeBytes + " bytes needs more than "
                    + Integer.MAX_VALUE + " frames");
        }
        this.chunks = (int) chunkCount;
        this.frames = (int) frameCount;
    }

    /** Frames of the whole object. */
    public int frames() {
        return frames;
    }

    /** Chunks of the object, at least 1. */
    int chunks() {
        return chunks;
    }

    /** True if chunks carry digests of their own. */
    boolean chunkDigests() {
        return chunkDigests;
    }

    /** The chunk frame {@code frame} belongs to. */
    int chunkOf(int frame) {
        return frame / framesPerChunk;
    }

    /** The first frame of {@code chunk}. */
    int firstFrame(int chunk) {
        return chunk * framesPerChunk;
    }

    /** One past the last frame of {@code chunk}. */
    int endFrame(int chunk) {
        return chunk == chunks - 1 ? frames : (chunk + 1) * framesPerChunk;
    }

    private long chunkLength(long chunk) {
        return Math.min(chunkBytes, Math.max(0L, sizeBytes - chunk * chunkBytes));
    }

    /** The length on the air of frame {@code frame}: header plus payload. */
    int frameBytes(int frame) {
        int chunk = chunkOf(frame);
        return link.dataFrameBytes(chunkLength(chunk), frame - firstFrame(chunk));
    }

    /** The user data bytes frame {@code frame} carries. */
    int payloadBytes(int frame) {
        return frameBytes(frame) - link.frameHeaderBytes();
    }

    /** The user data bytes carried by frames {@code 0 .. frame - 1}. */
    public long bytesBefore(int frame) {
        if (frame >= frames) {
            return sizeBytes;
        }
        int chunk = chunkOf(frame);
        return chunk * chunkBytes + (long) (frame - firstFrame(chunk)) * link.framePayloadBytes();
    }
}
