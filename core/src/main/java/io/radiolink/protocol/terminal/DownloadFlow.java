package io.radiolink.protocol.terminal;

import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Admission;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.protocol.transfer.Framing;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.protocol.transfer.TransferReceiver;

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

    private TransferReceiver receiver;
    private UserData announced;
    private boolean framed;
    /** A prefix kept from an earlier attempt, and the object it belongs to. */
    private TransferReceiver held;
    private ContentDigest heldDigest;
    private int heldFrames;

    DownloadFlow(TerminalSide side, long id, Terminal terminal, PhoneNumber storedNumber, BaseStation station) {
        super(side, id, FlowKind.DOWNLOAD, terminal, storedNumber, station);
        this.receiver = new TransferReceiver(side.config().chunks().repairRounds());
    }

    @Override
    Message.Request request() {
        return new DownloadRequest(addressedNumber(), passwordForRequest(), heldDigest, heldFrames);
    }

    @Override
    boolean enrolsVerifier() {
        return false; // a download proves a stored verifier, it enrols none
    }

    @Override
    void onMessage(Message message, boolean damaged) {
        if (message instanceof DownloadResponse response && phase() == FlowPhase.REQUEST) {
            control.answered();
            if (response.admission() != Admission.ACCEPTED) {
                decide(response.admission().rejectionOutcome());
                return;
            }
            announced = response.data();
            receiver.expect(new Framing(connection.downlink().config(), announced.sizeBytes(), side.config().chunks()));
            framed = true;
            if (held != null && response.startFrame() > 0 && announced.digest().equals(heldDigest)) {
                receiver.adoptPrefix(held, Math.min(response.startFrame(), heldFrames));
            }
            held = null;
            enterPhase(FlowPhase.TRANSFER);
            storeIfWhole();
        } else if (message instanceof DataFrame frame) {
            sendUnanswered(receiver.receive(frame, damaged));
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
        switch (receiver.check(announced)) {
            case INCOMPLETE -> { }
            case REPAIR -> {
                RepairRequest repair = receiver.repairRequest();
                repairing(repair.chunks().cardinality());
                control.send(repair);
            }
            case DAMAGED -> {
                integrityChecked(false);
                // Never stored, no complete command: the station keeps (and does not clear) its copy.
                decide(FlowOutcome.INTEGRITY_MISMATCH);
            }
            case VERIFIED -> {
                integrityChecked(true);
                terminal.store(announced);
                enterPhase(FlowPhase.COMPLETE);
                control.send(new TerminalComplete());
            }
            default -> throw new IllegalStateException("unreachable: every verdict is handled above");
        }
    }

    /**
     * Keeps the verified prefix of the object for the next connection (with resume), or nothing. A
     * connection that ended before its response keeps what an earlier one held.
     */
    @Override
    void beforeReconnect() {
        if (!side.config().resume().fromOffset()) {
            held = null;
            heldDigest = null;
            heldFrames = 0;
        } else if (framed) {
            heldDigest = announced.digest();
            heldFrames = receiver.verifiedPrefixFrames();
            held = receiver.carryVerifiedPrefix();
        }
        receiver = new TransferReceiver(side.config().chunks().repairRounds());
        framed = false;
    }

    @Override
    void stopTransfer() {
        // The station drives the download's ARQ; the terminal only acknowledges.
    }

    @Override
    boolean transferring() {
        return false; // the station's sender is the station's
    }

    @Override
    long userDataBytes() {
        return announced == null ? 0 : announced.sizeBytes();
    }

    @Override
    long bytesNeeded() {
        return userDataBytes();
    }

    @Override
    TransferCounts dataSent() {
        return TransferCounts.ZERO; // the station sends a download's data frames
    }
}
