package io.radiolink.protocol.terminal;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Admission;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.protocol.transfer.Framing;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.protocol.transfer.TransferSender;

/**
 * Terminal A's backup, claims 2-5: request with phone number and password, the station's response,
 * the user data under ARQ (from the frame the station says it still needs), repair rounds for chunks
 * whose digest failed, the exchange of complete commands, release.
 */
final class BackupFlow extends TerminalFlow {

    private final UserData data;
    private TransferSender transfer;
    private long bytesNeeded = -1;
    /** What the senders of attempts that ended sent. */
    private TransferCounts sentEarlier = TransferCounts.ZERO;

    BackupFlow(TerminalSide side, long id, Terminal terminal, BaseStation station) {
        super(side, id, FlowKind.BACKUP, terminal, terminal.phoneNumber(), station);
        this.data = terminal.userData().orElseThrow();
    }

    @Override
    Message.Request request() {
        return new BackupRequest(terminal.phoneNumber(), passwordForRequest(), data);
    }

    @Override
    boolean enrolsVerifier() {
        return true; // a first backup of a number enrols its verifier
    }

    @Override
    void onMessage(Message message, boolean damaged) {
        if (message instanceof BackupResponse response && phase() == FlowPhase.REQUEST) {
            control.answered();
            learnEarlierOutcome(response);
            if (response.admission() == Admission.ACCEPTED) {
                accepted(response.resumeFromFrame());
            } else {
                decide(response.admission().rejectionOutcome());
            }
        } else if (message instanceof Ack ack && phase() == FlowPhase.TRANSFER) {
            transfer.acknowledge(ack);
        } else if (message instanceof RepairRequest repair && phase() == FlowPhase.COMPLETE
                && transfer.isNextRound(repair)) {
            control.answered();
            repairing(repair.chunks().cardinality());
            enterPhase(FlowPhase.TRANSFER);
            transfer.repair(repair);
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
     * a response that tells the stored copy tells what is stored now: the earlier backup committed if the
     * stored copy is its data. A response that does not tell it tells nothing, and the question stays open.
     */
    private void learnEarlierOutcome(BackupResponse response) {
        if (!tellsStoredCopy(response.admission())) {
            return;
        }
        TerminalSide.Unconfirmed earlier = side.takeUnconfirmed(terminal, station);
        if (earlier != null) {
            boolean committed = earlier.digest().equals(response.storedDigest());
            side.listener().outcomeLearned(this, earlier.flowId(), committed, scheduler.nowSeconds());
        }
    }

    /**
     * Whether a backup response with {@code admission} carries the digest of the copy stored now (null
     * meaning none): only the answers decided after an authenticated look-up of the number do.
     */
    private static boolean tellsStoredCopy(Admission admission) {
        return switch (admission) {
            case ACCEPTED, STORAGE_FULL -> true;
            // Refused before or without a look-up: an unauthenticated terminal is told nothing, and a
            // station that could not reach the store does not know; the store may have committed.
            case AUTH_REJECTED, STORE_UNAVAILABLE -> false;
            // Answers to a download, never to a backup.
            case NO_BACKUP, COPY_ELSEWHERE -> false;
        };
    }

    /** Remembers a backup that sent its complete command but never heard the station's. */
    @Override
    void finished(FlowOutcome outcome, boolean completeSent) {
        if (!outcome.isSuccess() && completeSent) {
            side.unconfirmed(terminal, new TerminalSide.Unconfirmed(id(), station, data.digest()));
        }
    }

    /** Starts round 0 from the frame the station still needs; every frame acknowledged leads to COMPLETE. */
    private void accepted(int resumeFromFrame) {
        Framing framing = new Framing(connection.uplink().config(), data.sizeBytes(), side.config().chunks());
        int from = Math.min(Math.max(0, resumeFromFrame), framing.frames());
        if (bytesNeeded < 0) {
            bytesNeeded = data.sizeBytes() - framing.bytesBefore(from);
        }
        enterPhase(FlowPhase.TRANSFER);
        retireTransfer();
        transfer = new TransferSender(scheduler, side.config().arq(), framing,
                (bytes, frame, departure) -> connection.sendUplinkData(bytes, frame, departure),
                new TransferSender.Outcome() {
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
        transfer.startAt(from);
    }

    /** Adds the ended attempt's sender's counts to the flow's. */
    private void retireTransfer() {
        if (transfer != null) {
            transfer.stop();
            sentEarlier = sentEarlier.plus(transfer.counts());
            transfer = null;
        }
    }

    @Override
    void beforeReconnect() {
        retireTransfer();
    }

    @Override
    void stopTransfer() {
        if (transfer != null) {
            transfer.stop();
        }
    }

    @Override
    boolean transferring() {
        return transfer != null && transfer.awaitingAcknowledgements();
    }

    @Override
    long userDataBytes() {
        return data.sizeBytes();
    }

    @Override
    long bytesNeeded() {
        return bytesNeeded < 0 ? data.sizeBytes() : bytesNeeded;
    }

    @Override
    TransferCounts dataSent() {
        return transfer == null ? sentEarlier : sentEarlier.plus(transfer.counts());
    }
}
