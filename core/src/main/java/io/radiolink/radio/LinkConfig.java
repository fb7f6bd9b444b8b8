package io.radiolink.radio;

import java.util.Objects;

/**
 * One direction of the air interface: its rate, delay, frame sizes and loss.
 *
 * <p>A data frame is {@code frameHeaderBytes + payload} long with a payload of at most
 * {@code framePayloadBytes}; a control message or acknowledgement is {@code controlFrameBytes} long.
 * A frame occupies the link for {@code 8 * bytes / rateBitsPerSecond} seconds and arrives
 * {@code propagationDelaySeconds} after its last bit left.
 *
 * @param rateBitsPerSecond data rate, > 0
 * @param propagationDelaySeconds one-way delay from the end of transmission to arrival, >= 0
 * @param framePayloadBytes maximum user-data bytes per frame, >= 1
 * @param frameHeaderBytes header bytes added to every data frame, >= 0
 * @param controlFrameBytes length of a control message or acknowledgement, >= 1
 * @param lossModel what this direction loses
 * @param corruption what this direction corrupts among the units it does not lose
 */
public record LinkConfig(
        double rateBitsPerSecond,
        double propagationDelaySeconds,
        int framePayloadBytes,
        int frameHeaderBytes,
        int controlFrameBytes,
        LossModel lossModel,
        Corruption corruption) {

    /** The rates a link accepts: at least 1 bit/s, so that a frame's transmission time stays finite. */
    public static final Range RATE_BITS_PER_SECOND = Range.atLeast(1);
    /** The propagation delays a link accepts. */
    public static final Range PROPAGATION_DELAY_SECONDS = Range.seconds();
    /** Payload per frame; with the header at most 10^9 each, a frame's length fits an int. */
    public static final Range FRAME_PAYLOAD_BYTES = Range.wholeBetween(1, 1_000_000_000);
    /** Header bytes per data frame. */
    public static final Range FRAME_HEADER_BYTES = Range.wholeBetween(0, 1_000_000_000);
    /** Length of a control message or acknowledgement. */
    public static final Range CONTROL_FRAME_BYTES = Range.wholeBetween(1, 1_000_000_000);
    /** Data frames one transfer may have at most. */
    public static final long MAX_FRAMES = Integer.MAX_VALUE;

    /** Validates every field. */
    public LinkConfig {
        RATE_BITS_PER_SECOND.check("rateBitsPerSecond", rateBitsPerSecond);
        PROPAGATION_DELAY_SECONDS.check("propagationDelaySeconds", propagationDelaySeconds);
        FRAME_PAYLOAD_BYTES.check("framePayloadBytes", framePayloadBytes);
        FRAME_HEADER_BYTES.check("frameHeaderBytes", frameHeaderBytes);
        CONTROL_FRAME_BYTES.check("controlFrameBytes", controlFrameBytes);
        Objects.requireNonNull(lossModel, "lossModel");
        Objects.requireNonNull(corruption, "corruption");
    }

    /** A link that corrupts nothing. */
    public LinkConfig(double rateBitsPerSecond, double propagationDelaySeconds, int framePayloadBytes,
            int frameHeaderBytes, int controlFrameBytes, LossModel lossModel) {
        this(rateBitsPerSecond, propagationDelaySeconds, framePayloadBytes, frameHeaderBytes, controlFrameBytes,
                lossModel, Corruption.NONE);
    }

    /** The same link with other corruption. */
    public LinkConfig withCorruption(Corruption newCorruption) {
        return new LinkConfig(rateBitsPerSecond, propagationDelaySeconds, framePayloadBytes, frameHeaderBytes,
                controlFrameBytes, lossModel, newCorruption);
    }

    /** The same link with another loss model. */
    public LinkConfig withLossModel(LossModel model) {
        return new LinkConfig(rateBitsPerSecond, propagationDelaySeconds, framePayloadBytes,
                frameHeaderBytes, controlFrameBytes, model, corruption);
    }

    /** The same link with another rate. */
    public LinkConfig withRateBitsPerSecond(double rate) {
        return new LinkConfig(rate, propagationDelaySeconds, framePayloadBytes, frameHeaderBytes,
                controlFrameBytes, lossModel, corruption);
    }

    /** The same link with another propagation delay. */
    public LinkConfig withPropagationDelaySeconds(double delay) {
        return new LinkConfig(rateBitsPerSecond, delay, framePayloadBytes, frameHeaderBytes,
                controlFrameBytes, lossModel, corruption);
    }

    /** Seconds the link is busy sending {@code bytes}. */
    public double transmissionSeconds(int bytes) {
        return bytes * 8.0 / rateBitsPerSecond;
    }

    /** The most user data one transfer can carry: {@link #MAX_FRAMES} full frames. */
    public long maxTransferBytes() {
        return MAX_FRAMES * framePayloadBytes;
    }

    /** Number of data frames needed to carry {@code sizeBytes} of user data (at least one). */
    public int framesFor(long sizeBytes) {
        // Ceiling division without adding first: sizeBytes + framePayloadBytes - 1 overflows near
        // Long.MAX_VALUE, which turned the largest sizes into one frame instead of the error below.
        long frames = Math.max(1L,
                sizeBytes / framePayloadBytes + (sizeBytes % framePayloadBytes == 0 ? 0 : 1));
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("user data of " + sizeBytes + " bytes needs more than "
                    + Integer.MAX_VALUE + " frames of " + framePayloadBytes + " bytes");
        }
        return (int) frames;
    }

    /** Length in bytes of data frame {@code index} (0-based) of a transfer of {@code sizeBytes}. */
    public int dataFrameBytes(long sizeBytes, int index) {
        long before = (long) index * framePayloadBytes;
        long payload = Math.min(framePayloadBytes, Math.max(0L, sizeBytes - before));
        return frameHeaderBytes + (int) payload;
    }
}
