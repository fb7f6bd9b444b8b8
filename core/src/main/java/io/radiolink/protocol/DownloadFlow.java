package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;

/**
 * Terminal B's download, claims 6-10: request addressed by the stored phone number with the password,
 * the user data under ARQ, storing it on the terminal after checking its digest, the exchange of
 * complete commands, release.
 *
 * <p>Data frames that arrive before the response (when the response was lost and the request is
 * being repeated) are kept and acknowledged; the response tells how many to expect.
 */
final class DownloadFlow extends TerminalFlow {

    private final ArqReceiver receiver = new ArqReceiver();
    private UserData announced;

    DownloadFlow(BackupService service, long id, Terminal terminal, PhoneNumber storedNumber,
            BaseStation station) {
        super(service, id, FlowKind.DOWNLOAD, terminal, storedNumber, station);
    }

    @Override
    Message request() {
        return new DownloadRequest(addressedNumber(), passwordForRequest());
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
            receiver.expect(connection.downlink().config().framesFor(announced.sizeBytes()));
            enterPhase(FlowPhase.TRANSFER);
            storeIfWhole();
        } else if (message instanceof DataFrame frame) {
            receiver.receive(frame.sequence(), deliveryDamaged());
            sendUnanswered(new Ack(frame.sequence()));
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
        boolean matched = !receiver.isDamaged() && announced.verifiesAgainst(announced.digest());
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

    @Override
    void stopTransfer() {
        // The station drives the download's ARQ; the terminal only acknowledges.
    }

    @Override
    long userDataBytes() {
        return announced == null ? 0 : announced.sizeBytes();
    }

    @Override
    long dataFramesSent() {
        return session == null ? 0 : session.dataFramesSent();
    }

    @Override
    long dataFramesRetransmitted() {
        return session == null ? 0 : session.dataFramesRetransmitted();
    }
}
