package io.radiolink.protocol.station;

import io.radiolink.node.BackupStore;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.protocol.Admission;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.IntegrityFailure;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.transfer.Framing;
import io.radiolink.protocol.transfer.TransferReceiver;
import io.radiolink.protocol.transfer.TransferCounts;
import java.util.Optional;

/**
 * An admitted backup at the station (claims 2-5): receives the user data into its reservation, asks
 * for the repair rounds its chunk digests call for, and commits the copy under the phone number only on
 * the terminal's complete command once every frame arrived and the object's digest matched. On the
 * connection's end an uncommitted reservation is released, or kept with its verified prefix for a
 * resumed upload ({@link io.radiolink.protocol.ResumeConfig}).
 */
final class BackupHandler implements Handler {

    private enum State { RECEIVING, COMMITTED, DAMAGED }

    private final Session session;
    private final BackupRequest request;
    private final PasswordVerifier verifier;
    private final Reservation reservation;
    private final TransferReceiver receiver;
    private State state = State.RECEIVING;
    private Message response;

    private BackupHandler(Session session, BackupRequest request, PasswordVerifier verifier, Reservation reservation,
            TransferReceiver receiver, BackupResponse response) {
        this.session = session;
        this.request = request;
        this.verifier = verifier;
        this.reservation = reservation;
        this.receiver = receiver;
        this.response = response;
    }

    /**
     * Decides on a backup request, with the password it carried or ({@code answer}) a challenge's proof:
     * the number's stored copy is the one to authenticate against, a first backup enrols its verifier; an
     * authenticated request needs staging space, or the partial upload of the same data kept for it.
     */
    static Handler admit(Session session, BackupRequest request, ChallengeResponse answer) {
        StationSide side = session.side();
        Authentication authentication = session.authentication();
        BackupStore store = side.station().store();
        Optional<StoredBackup> existing = store.find(request.phoneNumber());
        PasswordVerifier verifier;
        boolean authenticated;
        if (existing.isPresent()) {
            verifier = existing.get().verifier();
            authenticated = authentication.authenticates(existing.get(), request, answer);
        } else {
            // A first backup is not an attempt on a stored copy: only a failed enrolment counts.
            verifier = authentication.enrolment(request, answer);
            authenticated = verifier != null || authentication.counted(request.phoneNumber(), false);
        }
        if (!authenticated) {
            // Tell an unauthenticated terminal nothing of the stored copy.
            return session.refuse(request.rejection(Admission.AUTH_REJECTED), Admission.AUTH_REJECTED);
        }
        ContentDigest stored = existing.map(copy -> copy.data().digest()).orElse(null);
        ProtocolConfig config = side.config();
        PartialUploads.Partial partial = config.resume().fromOffset()
                ? side.partialUploads().resume(request.phoneNumber(), request.data().digest()) : null;
        Reservation reservation = partial != null ? partial.reservation()
                : store.reserve(request.data().sizeBytes()).orElse(null);
        if (reservation == null) {
            return session.refuse(new BackupResponse(Admission.STORAGE_FULL, stored, 0), Admission.STORAGE_FULL);
        }
        TransferReceiver receiver = partial != null ? partial.receiver()
                : new TransferReceiver(new Framing(session.connection().uplink().config(),
                        request.data().sizeBytes(), config.chunks()), config.chunks().repairRounds());
        return new BackupHandler(session, request, verifier, reservation, receiver,
                new BackupResponse(Admission.ACCEPTED, stored, receiver.verifiedPrefixFrames()));
    }

    @Override
    public Message response() {
        return response;
    }

    @Override
    public void begin() {
        // The terminal sends; the station acknowledges what arrives.
    }

    @Override
    public void receive(Message message, boolean damaged) {
        if (message instanceof DataFrame frame) {
            session.sendControl(receiver.receive(frame, damaged));
        } else if (message instanceof TerminalComplete) {
            onTerminalComplete();
        }
        // Acknowledgements and repair requests are a download's; nothing else reaches a backup's station.
    }

    private void onTerminalComplete() {
        if (state == State.RECEIVING) {
            boolean answered = switch (receiver.check(request.data())) {
                case INCOMPLETE -> {
                    // A complete command of an earlier round, overtaken by the repair request: repeat it.
                    if (response instanceof RepairRequest) {
                        session.sendControl(response);
                    }
                    yield true;
                }
                case REPAIR -> {
                    response = receiver.repairRequest();
                    session.sendControl(response);
                    yield true;
                }
                case DAMAGED -> {
                    session.side().listener().integrityChecked(session.id(), false);
                    // A damaged object is never committed: the staging space goes back, the old copy stays.
                    session.side().station().store().release(reservation);
                    state = State.DAMAGED;
                    response = new IntegrityFailure();
                    session.sendControl(response);
                    yield true;
                }
                case VERIFIED -> {
                    session.side().listener().integrityChecked(session.id(), true);
                    session.side().station().commitBackup(reservation, request.phoneNumber(), request.data(),
                            verifier);
                    state = State.COMMITTED;
                    session.side().listener().storeChanged(session.id(), StationEffect.COMMITTED);
                    yield false;
                }
            };
            if (answered) {
                return;
            }
        }
        if (state == State.COMMITTED) {
            session.sendControl(new StationComplete());
        } else {
            session.sendControl(response); // the integrity failure, again
        }
    }

    @Override
    public void connectionEnded() {
        StationSide side = session.side();
        if (state == State.RECEIVING && side.config().resume().fromOffset() && reservation.isActive()) {
            // Kept for a resumed upload on another connection; released when its hold ends.
            side.partialUploads().park(request.phoneNumber(), request.data().digest(), reservation, receiver);
        } else {
            side.station().store().release(reservation);
        }
    }

    @Override
    public boolean sending() {
        return false; // the terminal sends a backup's data
    }

    @Override
    public TransferCounts dataSent() {
        return TransferCounts.ZERO;
    }
}
