package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import java.util.BitSet;

/**
 * Terminal B's download, claims 6-10: request addressed by the stored phone number with the password,
 * the user data under ARQ, repair rounds for chunks whose digest failed, storing it on the terminal
 * after checking the whole object's digest, the exchange of complete commands, release.
 *
 * <p>Data frames that arrive before the response (when the response was lost and the request is
 * being repeated) are kept and acknowledged; the response tells how many to expect. A reconnected
 * download keeps the verified prefix of the object it was receiving and asks the station to resume
 * there; the station starts from 0 instead if it now holds other data under the number.
 */
final class DownloadFlow extends TerminalFlow {

    private ArqReceiver receiver = new ArqReceiver();
    private UserData announced;
    private Framing framing;
    private int round;
    /** A prefix kept from an earlier attempt, and the object it belongs to. */
    private ArqReceiver held;
    private ContentDigest heldDigest;
    private int heldFrames;
    private long dataBytesSentEarlier;
    private long framesSentEarlier;
    private long framesRetransmittedEarlier;

    DownloadFlow(BackupService service, long id, Terminal terminal, PhoneNumber storedNumber,
            BaseStation station) {
        super(service, id, FlowKind.DOWNLOAD, terminal, storedNumber, station);
    }

    @Override
    Message request() {
        return new DownloadRequest(addressedNumber(), passwordForRequest(), heldDigest, heldFrames);
    }

    @Override
    void onMessage(Message message) {
        if (message instanceof DownloadResponse response && phase() == FlowPhase.REQUEST) {
            control.answered();
            if (response.admission() != Admission.ACCEPTED) {
                decide(response.admission().rejectionOutcome());
                return;
            }
            announced = response.data();
            framing = new Framing(connection.downlink().config(), announced.sizeBytes(), service.config().chunks());
            receiver.expect(framing);
            if (held != null && response.startFrame() > 0 && announced.digest().equals(heldDigest)) {
                receiver.adoptPrefix(held, Math.min(response.startFrame(), heldFrames));
            }
            held = null;
            enterPhase(FlowPhase.TRANSFER);
            storeIfWhole();
        } else if (message instanceof DataFrame frame) {
            receiver.receive(frame.sequence(), deliveryDamaged());
            sendUnanswered(Ack.of(frame.sequence(), frame.round()));
            // A frame of the round asked for answers the repair request, if that is still what waits: a
            // frame of an earlier round may have completed the object since, and the complete command's
            // retry must not be cancelled by a repair frame arriving late.
            if (control.pending() instanceof RepairRequest repair && repair.round() == frame.round()) {
                control.answered();
            }
            if (phase() == FlowPhase.TRANSFER) {
                storeIfWhole();
            }
        } else if (message instanceof StationComplete && phase() == FlowPhase.COMPLETE) {
            control.answered();
            decide(FlowOutcome.SUCCESS);
        }
    }

    private void storeIfWhole() {
        if (!receiver.isComplete()) {
            return;
        }
        BitSet repair = receiver.startRepair(round, service.config().chunks().repairRounds());
        if (!repair.isEmpty()) {
            round++;
            repairing(repair.cardinality());
            control.send(new RepairRequest(round, repair));
            return;
        }
        boolean matched = receiver.verifies(announced);
        integrityChecked(matched);
        if (!matched) {
            // Never stored, no complete command: the station keeps (and does not clear) its copy.
            decide(FlowOutcome.INTEGRITY_MISMATCH);
            return;
        }
        terminal.store(announced);
        enterPhase(FlowPhase.COMPLETE);
        control.send(new TerminalComplete());
    }

    /**
     * Keeps the verified prefix of the object for the next connection (with resume), or nothing. A
     * connection that ended before its response keeps what an earlier one held.
     */
    @Override
    void beforeReconnect() {
        dataBytesSentEarlier += session.dataBytesSent();
        framesSentEarlier += session.dataFramesSent();
        framesRetransmittedEarlier += session.dataFramesRetransmitted();
        if (!service.config().resume().fromOffset()) {
            held = null;
            heldDigest = null;
            heldFrames = 0;
        } else if (framing != null) {
            held = receiver;
            heldDigest = announced.digest();
            heldFrames = receiver.verifiedPrefixFrames();
            held.keepPrefix(heldFrames);
        }
        receiver = new ArqReceiver();
        framing = null;
        round = 0;
    }

    @Override
    void stopTransfer() {
        // The station drives the download's ARQ; the terminal only acknowledges.
    }

    @Override
    boolean transferring() {
        return false; // the station's sender, seen through the session
    }

    @Override
    long userDataBytes() {
        return announced == null ? 0 : announced.sizeBytes();
    }

    @Override
    long dataBytesSent() {
        return dataBytesSentEarlier + (session == null ? 0 : session.dataBytesSent());
    }

    @Override
    long bytesNeeded() {
        return userDataBytes();
    }

    @Override
    long dataFramesSent() {
        return framesSentEarlier + (session == null ? 0 : session.dataFramesSent());
    }

    @Override
    long dataFramesRetransmitted() {
        return framesRetransmittedEarlier + (session == null ? 0 : session.dataFramesRetransmitted());
    }
}
