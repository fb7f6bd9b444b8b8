package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.radio.LinkConfig;

/**
 * Terminal A's backup, claims 2-5: request with phone number and password, the station's response,
 * the user data under ARQ, the exchange of complete commands, release.
 */
final class BackupFlow extends TerminalFlow {

    private final UserData data;
    private ArqSender sender;

    BackupFlow(BackupService service, long id, Terminal terminal, BaseStation station) {
        super(service, id, FlowKind.BACKUP, terminal, terminal.phoneNumber(), station);
        this.data = terminal.userData().orElseThrow();
    }

    @Override
    Message request() {
        return new BackupRequest(terminal.phoneNumber(), passwordForRequest(), data);
    }

    @Override
    void onMessage(Message message) {
        if (message instanceof BackupResponse response && phase() == FlowPhase.REQUEST) {
            control.answered();
            learnEarlierOutcome(response);
            if (response.admission() == Admission.ACCEPTED) {
                startTransfer();
            } else {
                decide(response.admission().rejectionOutcome());
            }
        } else if (message instanceof Ack ack && phase() == FlowPhase.TRANSFER) {
            sender.acknowledge(ack.sequence());
        } else if (message instanceof StationComplete && phase() == FlowPhase.COMPLETE) {
            control.answered();
            decide(FlowOutcome.SUCCESS);
        } else if (message instanceof Message.IntegrityFailure && phase() == FlowPhase.COMPLETE) {
            control.answered();
            integrityChecked(false);
            decide(FlowOutcome.INTEGRITY_MISMATCH);
        }
        // Anything else is a duplicate of something already handled.
    }

    /**
     * If this terminal's previous backup at this station ended without the station's complete command,
     * an authenticated response tells what is stored now: the earlier backup committed if the stored
     * copy is its data. A rejection for the password tells nothing, and the question stays open.
     */
    private void learnEarlierOutcome(BackupResponse response) {
        if (response.admission() == Admission.AUTH_REJECTED) {
            return;
        }
        BackupService.Unconfirmed earlier = service.takeUnconfirmed(terminal, station);
        if (earlier != null) {
            boolean committed = earlier.digest().equals(response.storedDigest());
            service.listener().outcomeLearned(this, earlier.flowId(), committed, scheduler.nowSeconds());
        }
    }

    /** Remembers a backup that sent its complete command but never heard the station's. */
    @Override
    void finished(FlowOutcome outcome, boolean completeSent) {
        if (!outcome.isSuccess() && completeSent) {
            service.unconfirmed(terminal, new BackupService.Unconfirmed(id(), station, data.digest()));
        }
    }

    private void startTransfer() {
        enterPhase(FlowPhase.TRANSFER);
        LinkConfig uplink = connection.uplink().config();
        long size = data.sizeBytes();
        sender = new ArqSender(scheduler, service.config().arq(), uplink.framesFor(size),
                sequence -> connection.sendUplink(uplink.dataFrameBytes(size, sequence), new DataFrame(sequence)),
                new ArqSender.Outcome() {
                    @Override
                    public void allAcknowledged() {
                        enterPhase(FlowPhase.COMPLETE);
                        control.send(new TerminalComplete());
                    }

                    @Override
                    public void retriesExhausted() {
                        decide(FlowOutcome.RETRIES_EXHAUSTED);
                    }
                });
        sender.start();
    }

    @Override
    void stopTransfer() {
        if (sender != null) {
            sender.stop();
        }
    }

    @Override
    long userDataBytes() {
        return data.sizeBytes();
    }

    @Override
    long dataFramesSent() {
        return sender == null ? 0 : sender.framesSent();
    }

    @Override
    long dataFramesRetransmitted() {
        return sender == null ? 0 : sender.framesRetransmitted();
    }
}
