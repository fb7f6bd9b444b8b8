package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;

/**
 * Terminal A's backup, claims 2-5: request with phone number and password, the station's response,
 * the user data under ARQ (from the frame the station says it still needs), repair rounds for chunks
 * whose digest failed, the exchange of complete commands, release.
 */
final class BackupFlow extends TerminalFlow {

    private final UserData data;
    private Framing framing;
    private ArqSender sender;
    private int round;
    private long bytesNeeded = -1;
    private long dataBytesSent;
    private long framesSentEarlier;
    private long framesRetransmittedEarlier;

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
                accepted(response.resumeFromFrame());
            } else {
                decide(response.admission().rejectionOutcome());
            }
        } else if (message instanceof Ack ack && phase() == FlowPhase.TRANSFER) {
            if (ack.round() == round) {
                sender.acknowledge(ack.sequence());
            }
        } else if (message instanceof RepairRequest repair && phase() == FlowPhase.COMPLETE
                && repair.round() == round + 1) {
            control.answered();
            round = repair.round();
            repairing(repair.chunks().cardinality());
            sendRound(FramePlan.chunks(repair.chunks(), framing));
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

    private void accepted(int resumeFromFrame) {
        framing = new Framing(connection.uplink().config(), data.sizeBytes(), service.config().chunks());
        int from = Math.min(Math.max(0, resumeFromFrame), framing.frames());
        if (bytesNeeded < 0) {
            bytesNeeded = data.sizeBytes() - framing.bytesBefore(from);
        }
        round = 0;
        sendRound(FramePlan.range(from, framing.frames()));
    }

    /** Sends the frames of {@code plan} in the current round; every frame acknowledged leads to COMPLETE. */
    private void sendRound(FramePlan plan) {
        enterPhase(FlowPhase.TRANSFER);
        retireSender();
        int senderRound = round;
        sender = new ArqSender(scheduler, service.config().arq(), plan,
                frame -> {
                    dataBytesSent += framing.payloadBytes(frame);
                    return connection.sendUplink(framing.frameBytes(frame), DataFrame.of(frame, senderRound));
                },
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

    /** Adds the finished sender's counts to the flow's. */
    private void retireSender() {
        if (sender != null) {
            sender.stop();
            framesSentEarlier += sender.framesSent();
            framesRetransmittedEarlier += sender.framesRetransmitted();
            sender = null;
        }
    }

    @Override
    void beforeReconnect() {
        retireSender();
    }

    @Override
    void stopTransfer() {
        if (sender != null) {
            sender.stop();
        }
    }

    @Override
    boolean transferring() {
        return sender != null && sender.awaitingAcknowledgements();
    }

    @Override
    long userDataBytes() {
        return data.sizeBytes();
    }

    @Override
    long dataBytesSent() {
        return dataBytesSent;
    }

    @Override
    long bytesNeeded() {
        return bytesNeeded < 0 ? data.sizeBytes() : bytesNeeded;
    }

    @Override
    long dataFramesSent() {
        return framesSentEarlier + (sender == null ? 0 : sender.framesSent());
    }

    @Override
    long dataFramesRetransmitted() {
        return framesRetransmittedEarlier + (sender == null ? 0 : sender.framesRetransmitted());
    }
}
