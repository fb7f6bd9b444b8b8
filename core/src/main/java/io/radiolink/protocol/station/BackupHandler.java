package io.radiolink.protocol.station;

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
import java.util.function.Consumer;

/**
 * An admitted backup at the station (claims 2-5): receives the user data into its reservation, asks
 * for the repair rounds its chunk digests call for, and commits the copy under the phone number only on
 * the terminal's complete command once every frame arrived and the object's digest matched. On the
 * connection's end an uncommitted reservation is released, or kept with its verified prefix for a
 * resumed upload ({@link io.radiolink.protocol.ResumeConfig}).
 */
final class BackupHandler implements Handler {

    private enum State { RECEIVING, COMMITTING, COMMITTED, DAMAGED }

    private final Session session;
    private final BackupRequest request;
    private final PasswordVerifier verifier;
    private final Reservation reservation;
    private final TransferReceiver receiver;
    private final Framing framing;
    private State state = State.RECEIVING;
    private boolean connectionEnded;
    private Message response;

    private BackupHandler(Session session, BackupRequest request, PasswordVerifier verifier, Reservation reservation,
            TransferReceiver receiver, Framing framing, BackupResponse response) {
        this.framing = framing;
        this.session = session;
        this.request = request;
        this.verifier = verifier;
        this.reservation = reservation;
        this.receiver = receiver;
        this.response = response;
    }

    /**
     * Decides on a backup request, with the password it carried or ({@code answer}) a challenge's proof,
     * and gives the decision to {@code decided}: the number's stored copy is the one to authenticate
     * against, a first backup enrols its verifier; an authenticated request needs staging space, or the
     * partial upload of the same data kept for it. A number locked out by the time the look-up answers is
     * refused as locked, its answer not checked.
     */
    static void admit(Session session, BackupRequest request, ChallengeResponse answer, Consumer<Handler> decided) {
        session.side().store().find(request.phoneNumber(),
                lookup -> {
                    Refusal locked = lookup.reached() ? session.refusalIfLocked() : null;
                    if (locked != null) {
                        decided.accept(locked);
                    } else if (lookup.reached()) {
                        decide(session, request, answer, lookup.copy(), decided);
                    } else {
                        decided.accept(session.refuse(new BackupResponse(Admission.STORE_UNAVAILABLE, null, 0),
                                Admission.STORE_UNAVAILABLE));
                    }
                });
    }

    private static void decide(Session session, BackupRequest request, ChallengeResponse answer,
            Optional<StoredBackup> existing, Consumer<Handler> decided) {
        Authentication authentication = session.authentication();
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
            decided.accept(session.refuse(request.rejection(Admission.AUTH_REJECTED), Admission.AUTH_REJECTED));
            return;
        }
        ContentDigest stored = existing.map(copy -> copy.data().digest()).orElse(null);
        ProtocolConfig config = session.side().config();
        PartialUploads.Partial partial = config.resume().fromOffset()
                ? session.side().partialUploads().resume(request.phoneNumber(), request.data().digest()) : null;
        if (partial != null) {
            decided.accept(accepted(session, request, verifier, stored, partial.reservation(), partial.receiver()));
            return;
        }
        session.side().store().reserve(request.data().sizeBytes(), reservation -> decided.accept(reservation
                .map(space -> accepted(session, request, verifier, stored, space,
                        new TransferReceiver(framing(session, request), config.chunks().repairRounds())))
                .orElseGet(() -> session.refuse(new BackupResponse(Admission.STORAGE_FULL, stored, 0),
                        Admission.STORAGE_FULL))));
    }

    private static Framing framing(Session session, BackupRequest request) {
        return new Framing(session.connection().uplink().config(), request.data().sizeBytes(),
                session.side().config().chunks());
    }

    private static Handler accepted(Session session, BackupRequest request, PasswordVerifier verifier,
            ContentDigest stored, Reservation reservation, TransferReceiver receiver) {
        return new BackupHandler(session, request, verifier, reservation, receiver, framing(session, request),
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
            if (state == State.RECEIVING) {
                session.side().store().received(reservation, frame, framing);
            }
        } else if (message instanceof TerminalComplete) {
            onTerminalComplete();
        }
        // Acknowledgements and repair requests are a download's; nothing else reaches a backup's station.
    }

    private void onTerminalComplete() {
        switch (state) {
            case RECEIVING -> check();
            case COMMITTING -> {
                // A repeated complete command while the store commits: the commit answers it.
            }
            case COMMITTED -> session.sendControl(new StationComplete());
            case DAMAGED -> session.sendControl(response); // the integrity failure, again
        }
    }

    /** The complete command with the data received: repeat a repair round, call for one, refuse or commit. */
    private void check() {
        switch (receiver.check(request.data())) {
            case INCOMPLETE -> {
                // A complete command of an earlier round, overtaken by the repair request: repeat it.
                if (response instanceof RepairRequest) {
                    session.sendControl(response);
                }
            }
            case REPAIR -> {
                response = receiver.repairRequest();
                session.sendControl(response);
            }
            case DAMAGED -> {
                session.side().listener().integrityChecked(session.id(), false);
                // A damaged object is never committed: the staging space goes back, the old copy stays.
                session.side().store().release(reservation);
                state = State.DAMAGED;
                response = new IntegrityFailure();
                session.sendControl(response);
            }
            case VERIFIED -> {
                session.side().listener().integrityChecked(session.id(), true);
                state = State.COMMITTING;
                session.side().store().commit(reservation, request.phoneNumber(), request.data(), verifier,
                        copy -> committed());
            }
        }
    }

    /**
     * The store committed the copy: the terminal's complete command is answered, unless the connection
     * ended (then the commit is the session's last store operation).
     */
    private void committed() {
        state = State.COMMITTED;
        session.side().listener().storeChanged(session.id(), StationEffect.COMMITTED);
        if (connectionEnded) {
            session.storeAnswered();
        } else {
            session.sendControl(new StationComplete());
        }
    }

    @Override
    public void connectionEnded() {
        connectionEnded = true;
        StationSide side = session.side();
        if (state == State.RECEIVING && side.config().resume().fromOffset() && reservation.isActive()) {
            // Kept for a resumed upload on another connection; released when its hold ends.
            side.partialUploads().park(request.phoneNumber(), request.data().digest(), reservation, receiver);
        } else if (state == State.RECEIVING) {
            // Committed, being committed (the store turns it into the copy) or released when found damaged.
            side.store().release(reservation);
        }
    }

    @Override
    public boolean awaitingStore() {
        return state == State.COMMITTING;
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
