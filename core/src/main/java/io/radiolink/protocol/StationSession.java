package io.radiolink.protocol;

import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.SimKey;
import io.radiolink.node.StoredBackup;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.Challenge;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.radio.Connection;
import io.radiolink.radio.ConnectionEnd;
import io.radiolink.radio.Endpoint;
import io.radiolink.radio.Side;
import java.util.BitSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The base station's side of one connection: it answers the first request, receives a backup or
 * sends a download, answers the terminal's complete command, and on the connection's end releases an
 * uncommitted reservation or clears a confirmed download's copy (claim 8).
 *
 * <p>The station answers repeated requests and complete commands with the same answer again, so lost
 * answers cost nothing but a retry. It commits a backup only on the terminal's complete command after
 * every frame arrived, and clears a downloaded copy only after the downloading terminal's complete
 * command arrived and the connection ended, and only if no newer backup replaced it meanwhile.
 */
final class StationSession implements Endpoint<Message> {

    private enum State { AWAITING_REQUEST, CHALLENGED, REJECTED, RECEIVING, SENDING, CONFIRMED, ENDED }

    private final BaseStation station;
    private final BackupStore store;
    private final Connection<Message> connection;
    /** The SIM on the connection, which the radio layer authenticated at set-up (outside this model). */
    private final PhoneNumber subscriber;
    private final BackupService service;
    private final Consumer<StationEffect> effects;
    private final Consumer<Boolean> integrity;
    private State state = State.AWAITING_REQUEST;
    private Message response;
    private BackupRequest backup;
    private Message request;
    private long nonce;
    private PasswordVerifier verifierToStore;
    private Reservation reservation;
    private ArqReceiver receiver;
    private Framing framing;
    private int round;
    private StoredBackup handedOver;
    private ArqSender sender;
    private long dataBytesSent;
    private long framesSentEarlier;
    private long framesRetransmittedEarlier;

    StationSession(BaseStation station, Connection<Message> connection, PhoneNumber subscriber,
            BackupService service, Consumer<StationEffect> effects, Consumer<Boolean> integrity) {
        this.station = station;
        this.store = station.store();
        this.connection = connection;
        this.subscriber = subscriber;
        this.service = service;
        this.effects = effects;
        this.integrity = integrity;
    }

    private boolean deliveryDamaged;

    @Override
    public void receiveDamaged(Message message) {
        deliveryDamaged = true;
        try {
            receive(message);
        } finally {
            deliveryDamaged = false;
        }
    }

    @Override
    public void receive(Message message) {
        if (message instanceof BackupRequest || message instanceof DownloadRequest) {
            boolean first = state == State.AWAITING_REQUEST;
            if (first) {
                onRequest(message);
            }
            sendControl(response);
            if (first && sender != null) {
                sender.start();
            }
        } else if (message instanceof ChallengeResponse answer && request != null) {
            // An answer before any request is ignored, as a stray data frame is: there is nothing to answer.
            boolean first = state == State.CHALLENGED;
            if (first && !rejectedIfLocked(request)) {
                // Checked again: other sessions' answers may have locked the number since the challenge.
                decide(request, answer);
            }
            sendControl(response);
            if (first && sender != null) {
                sender.start();
            }
        } else if (message instanceof DataFrame frame && receiver != null) {
            receiver.receive(frame.sequence(), deliveryDamaged);
            sendControl(Ack.of(frame.sequence(), frame.round()));
        } else if (message instanceof Ack ack && state == State.SENDING) {
            if (ack.round() == round) {
                sender.acknowledge(ack.sequence());
            }
        } else if (message instanceof RepairRequest repair && state == State.SENDING) {
            if (repair.round() == round + 1) {
                startDownloadRound(repair.round(), FramePlan.chunks(repair.chunks(), framing));
            }
        } else if (message instanceof TerminalComplete) {
            onTerminalComplete();
        }
    }

    /** The first request: reject a locked number, challenge, or decide on the password it carries. */
    private void onRequest(Message first) {
        request = first;
        if (rejectedIfLocked(first)) {
            return;
        }
        if (mode().challenges()) {
            nonce = service.nonce(station);
            state = State.CHALLENGED;
            response = new Challenge(nonce);
            return;
        }
        decide(first, null);
    }

    /**
     * Rejects {@code first} if its number is locked now, with the same answer as a wrong password, whatever
     * is stored (a locked number reveals nothing); returns true if it did.
     */
    private boolean rejectedIfLocked(Message first) {
        PhoneNumber phone = phoneOf(first);
        double now = service.scheduler().nowSeconds();
        if (!guard().isLocked(phone, now)) {
            return false;
        }
        station.authListener().rejected(station.id(), phone, true, now);
        state = State.REJECTED;
        response = first instanceof BackupRequest ? new BackupResponse(Admission.AUTH_REJECTED)
                : new DownloadResponse(Admission.AUTH_REJECTED, null, 0);
        return true;
    }

    /** Decides on a request, with the password it carried or ({@code answer}) a challenge's proof. */
    private void decide(Message first, ChallengeResponse answer) {
        if (first instanceof BackupRequest backupRequest) {
            admitBackup(backupRequest, answer);
        } else {
            admitDownload((DownloadRequest) first, answer);
        }
    }

    private static PhoneNumber phoneOf(Message request) {
        return request instanceof BackupRequest b ? b.phoneNumber() : ((DownloadRequest) request).phoneNumber();
    }

    private AuthenticationGuard guard() {
        return service.guard(station);
    }

    private AuthMode mode() {
        return service.config().auth().mode();
    }

    /** The key of the connection's SIM, as the network's authentication centre holds it. */
    private SimKey simKey() {
        return service.simKey(station, subscriber);
    }

    /** True if the proof in {@code answer} is {@code verifier}'s for this session's nonce and SIM. */
    private boolean proves(PasswordVerifier verifier, ChallengeResponse answer) {
        return PasswordVerifier.sameProof(mode().proof(verifier, simKey(), nonce), answer.proof());
    }

    /** True if the password or proof matches {@code copy}'s verifier; counts the attempt either way. */
    private boolean authenticates(StoredBackup copy, Message first, ChallengeResponse answer) {
        PhoneNumber phone = copy.phoneNumber();
        boolean matches = answer != null ? proves(copy.verifier(), answer)
                : copy.verifier().matches(phone, passwordOf(first));
        return counted(phone, matches);
    }

    /**
     * The verifier a first backup of a number enrols: that of the password in the request, or the one
     * sealed in the challenge's answer, unsealed with the key of the number's own SIM, if the answer's proof
     * is its proof; null otherwise (not sealed by that SIM, or not belonging to the proof). So under a
     * challenge only the number's SIM can enrol it.
     */
    private PasswordVerifier enrolment(BackupRequest request, ChallengeResponse answer) {
        if (answer == null) {
            return PasswordVerifier.of(request.phoneNumber(), passwordOf(request));
        }
        return PasswordVerifier.unsealed(answer.enrolment(), service.simKey(station, request.phoneNumber()), nonce)
                .filter(verifier -> proves(verifier, answer)).orElse(null);
    }

    /** Counts an attempt on {@code phone}: a success resets its failures, a failure is told and may lock it. */
    private boolean counted(PhoneNumber phone, boolean matches) {
        double now = service.scheduler().nowSeconds();
        if (matches) {
            guard().succeeded(phone);
        } else {
            station.authListener().rejected(station.id(), phone, false, now);
            if (guard().failed(phone, now)) {
                station.authListener().lockedOut(station.id(), phone, now);
            }
        }
        return matches;
    }

    private static String passwordOf(Message request) {
        String password = request instanceof BackupRequest b ? b.password() : ((DownloadRequest) request).password();
        return password == null ? "" : password;
    }

    private void admitBackup(BackupRequest request, ChallengeResponse answer) {
        Optional<StoredBackup> existing = store.find(request.phoneNumber());
        Admission admission;
        ContentDigest stored = existing.map(copy -> copy.data().digest()).orElse(null);
        boolean authenticated;
        if (existing.isPresent()) {
            verifierToStore = existing.get().verifier();
            authenticated = authenticates(existing.get(), request, answer);
        } else {
            // A first backup is not an attempt on a stored copy: only a failed enrolment counts.
            verifierToStore = enrolment(request, answer);
            authenticated = verifierToStore != null || counted(request.phoneNumber(), false);
        }
        if (!authenticated) {
            admission = Admission.AUTH_REJECTED;
            stored = null; // tell an unauthenticated terminal nothing
        } else {
            BackupService.PartialUpload partial = service.config().resume().fromOffset()
                    ? service.resume(station, request.phoneNumber(), request.data().digest()) : null;
            if (partial != null) {
                reservation = partial.reservation;
                receiver = partial.receiver;
            } else {
                reservation = store.reserve(request.data().sizeBytes()).orElse(null);
            }
            admission = reservation == null ? Admission.STORAGE_FULL : Admission.ACCEPTED;
        }
        int resumeFrom = 0;
        if (admission == Admission.ACCEPTED) {
            backup = request;
            framing = new Framing(connection.uplink().config(), request.data().sizeBytes(),
                    service.config().chunks());
            if (receiver == null) {
                receiver = new ArqReceiver(framing);
            }
            resumeFrom = receiver.verifiedPrefixFrames();
            state = State.RECEIVING;
        } else {
            state = State.REJECTED;
        }
        response = new BackupResponse(admission, stored, resumeFrom);
    }

    private void admitDownload(DownloadRequest request, ChallengeResponse answer) {
        Optional<StoredBackup> existing = store.find(request.phoneNumber());
        Admission admission;
        if (existing.isEmpty()) {
            admission = Admission.NO_BACKUP;
        } else if (!authenticates(existing.get(), request, answer)) {
            admission = Admission.AUTH_REJECTED;
        } else {
            admission = Admission.ACCEPTED;
        }
        if (admission != Admission.ACCEPTED) {
            state = State.REJECTED;
            response = new DownloadResponse(admission, null, 0);
            return;
        }
        handedOver = existing.get();
        state = State.SENDING;
        framing = new Framing(connection.downlink().config(), handedOver.data().sizeBytes(),
                service.config().chunks());
        int startFrame = 0;
        if (service.config().resume().fromOffset() && handedOver.data().digest().equals(request.resumeDigest())) {
            startFrame = Math.min(Math.max(0, request.resumeFromFrame()), framing.frames());
        }
        response = new DownloadResponse(admission, handedOver.data(), startFrame);
        sender = downloadSender(0, FramePlan.range(startFrame, framing.frames()));
    }

    /** Stops the running round and starts repair round {@code next} over {@code plan}. */
    private void startDownloadRound(int next, FramePlan plan) {
        sender.stop();
        framesSentEarlier += sender.framesSent();
        framesRetransmittedEarlier += sender.framesRetransmitted();
        round = next;
        sender = downloadSender(next, plan);
        sender.start();
    }

    private ArqSender downloadSender(int senderRound, FramePlan plan) {
        return new ArqSender(service.scheduler(), service.config().arq(), plan,
                frame -> {
                    dataBytesSent += framing.payloadBytes(frame);
                    return connection.sendDownlink(framing.frameBytes(frame), DataFrame.of(frame, senderRound));
                },
                new ArqSender.Outcome() {
                    @Override
                    public void allAcknowledged() {
                        // Wait for the terminal's complete command, which says it stored the data.
                    }

                    @Override
                    public void retriesExhausted() {
                        state = State.ENDED;
                        connection.release(Side.STATION);
                    }
                });
    }

    private void onTerminalComplete() {
        if (state == State.RECEIVING) {
            if (!receiver.isComplete()) {
                // A complete command of an earlier round, overtaken by the repair request: repeat it.
                if (response instanceof RepairRequest) {
                    sendControl(response);
                }
                return;
            }
            BitSet repair = receiver.startRepair(round, service.config().chunks().repairRounds());
            if (!repair.isEmpty()) {
                round++;
                response = new RepairRequest(round, repair);
                sendControl(response);
                return;
            }
            boolean matched = receiver.verifies(backup.data());
            integrity.accept(matched);
            if (!matched) {
                // A damaged object is never committed: the staging space goes back, the old copy stays.
                store.release(reservation);
                state = State.REJECTED;
                response = new Message.IntegrityFailure();
                sendControl(response);
                return;
            }
            station.commitBackup(reservation, backup.phoneNumber(), backup.data(), verifierToStore);
            state = State.CONFIRMED;
            effects.accept(StationEffect.COMMITTED);
        } else if (state == State.SENDING) {
            sender.stop();
            state = State.CONFIRMED;
            effects.accept(StationEffect.CONFIRMED);
        }
        if (state == State.CONFIRMED) {
            sendControl(new StationComplete());
        } else if (state == State.REJECTED && response instanceof Message.IntegrityFailure) {
            sendControl(response);
        }
    }

    @Override
    public void connectionEnded(ConnectionEnd end) {
        if (sender != null) {
            sender.stop();
        }
        if (state == State.RECEIVING && service.config().resume().fromOffset() && reservation.isActive()) {
            // Kept for a resumed upload on another connection; released when its hold ends.
            service.park(station, backup.phoneNumber(), backup.data().digest(), reservation, receiver);
        } else if (reservation != null) {
            store.release(reservation);
        }
        if (state == State.CONFIRMED && handedOver != null && station.config().clearAfterDownload()
                && store.clear(handedOver.phoneNumber(), handedOver.version())) {
            effects.accept(StationEffect.CLEARED);
        }
        state = State.ENDED;
    }

    private void sendControl(Message message) {
        connection.sendDownlink(connection.downlink().config().controlFrameBytes(), message);
    }

    /** True while the station's ARQ sender (a download's) waits for acknowledgements. */
    boolean sending() {
        return sender != null && sender.awaitingAcknowledgements();
    }

    long dataFramesSent() {
        return framesSentEarlier + (sender == null ? 0 : sender.framesSent());
    }

    long dataFramesRetransmitted() {
        return framesRetransmittedEarlier + (sender == null ? 0 : sender.framesRetransmitted());
    }

    /** User data bytes the station's data frames carried in this session (a download). */
    long dataBytesSent() {
        return dataBytesSent;
    }
}
