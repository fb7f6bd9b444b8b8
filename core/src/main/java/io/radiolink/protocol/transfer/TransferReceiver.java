package io.radiolink.protocol.transfer;

import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.RepairRequest;
import java.util.BitSet;

/**
 * The receiving half of a transfer of user data, the same at either end: keeps the frames that arrive
 * (and whether damage slipped through the frame check), answers each with its acknowledgement, and once
 * the object is whole asks for the repair rounds its chunk digests call for, up to the configured
 * number. A backup's station and a download's terminal each run one per connection; a prefix verified
 * on one connection can be carried to the next.
 */
public final class TransferReceiver {

    private final ArqReceiver frames;
    private final int repairRounds;
    private int round;
    private RepairRequest repair;

    private TransferReceiver(ArqReceiver frames, int repairRounds) {
        this.frames = frames;
        this.repairRounds = repairRounds;
    }

    /** A receiver of the object {@code framing} cuts into frames, with up to {@code repairRounds} repairs. */
    public TransferReceiver(Framing framing, int repairRounds) {
        this(new ArqReceiver(framing), repairRounds);
    }

    /**
     * A receiver that does not know the object yet ({@link #expect}): frames that arrive before the
     * response that announces it (when that response was lost) are kept.
     */
    public TransferReceiver(int repairRounds) {
        this(new ArqReceiver(), repairRounds);
    }

    /** The object is now known. */
    public void expect(Framing framing) {
        frames.expect(framing);
    }

    /** Keeps {@code frame} ({@code damaged} if its damage slipped through the frame check); returns its acknowledgement. */
    public Ack receive(DataFrame frame, boolean damaged) {
        frames.receive(frame.sequence(), damaged);
        return Ack.of(frame.sequence(), frame.round());
    }

    /** Where the receiver stands when its owner asks ({@link #check}), and so what the owner does next. */
    public enum Verdict {
        /** Frames are missing: wait for them. */
        INCOMPLETE,
        /** Every frame is in, chunks failed their digest and a repair round is left: ask for {@link #repairRequest()}. */
        REPAIR,
        /** The whole object is in and checks out: keep it. */
        VERIFIED,
        /** The whole object is in and its digest fails (no repair round left, or damage without chunk digests). */
        DAMAGED
    }

    /**
     * Checks the object against {@code data}'s digest once every frame is in: first whether frames are
     * missing, then whether a repair round is called for (its chunks are then forgotten, to be received
     * again), then the whole object's digest. Both ends act on the verdict the same way: the receiver of a
     * backup (the station) and of a download (the terminal).
     */
    public Verdict check(UserData data) {
        if (!frames.isComplete()) {
            return Verdict.INCOMPLETE;
        }
        BitSet failed = frames.startRepair(round, repairRounds);
        if (!failed.isEmpty()) {
            round++;
            repair = new RepairRequest(round, failed);
            return Verdict.REPAIR;
        }
        return frames.verifies(data) ? Verdict.VERIFIED : Verdict.DAMAGED;
    }

    /** The request for the repair round the last {@link Verdict#REPAIR} called for, null before any. */
    public RepairRequest repairRequest() {
        return repair;
    }

    /** The frames a resumed transfer need not send again (see {@link ArqReceiver#verifiedPrefixFrames()}). */
    public int verifiedPrefixFrames() {
        return frames.verifiedPrefixFrames();
    }

    /**
     * Forgets everything but the verified prefix and returns a receiver of it for the next connection,
     * which starts its repair rounds afresh; this receiver is not used again.
     */
    public TransferReceiver carryVerifiedPrefix() {
        frames.keepPrefix(frames.verifiedPrefixFrames());
        return new TransferReceiver(frames, repairRounds);
    }

    /** Adds the first {@code frameCount} frames {@code earlier} holds, as they are there. */
    public void adoptPrefix(TransferReceiver earlier, int frameCount) {
        frames.adoptPrefix(earlier.frames, frameCount);
    }
}
