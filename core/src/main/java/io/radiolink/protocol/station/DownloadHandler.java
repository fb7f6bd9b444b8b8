package io.radiolink.protocol.station;

import io.radiolink.node.StoredBackup;
import io.radiolink.protocol.Admission;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.protocol.Message.StationComplete;
import io.radiolink.protocol.Message.TerminalComplete;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.transfer.Framing;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.protocol.transfer.TransferSender;
import io.radiolink.radio.Side;
import java.util.function.Consumer;

/**
 * An admitted download at the station (claims 6-10): sends the copy stored under the phone number
 * under ARQ (from the verified prefix the terminal holds of this very copy), the repair rounds the
 * terminal asks for, and confirms on the terminal's complete command. It clears the copy (claim 8)
 * only after the confirmed download's connection ended, and only if no newer backup replaced it.
 */
final class DownloadHandler implements Handler {

    private enum State { SENDING, CONFIRMED, GAVE_UP }

    private final Session session;
    private final StoredBackup handedOver;
    private final DownloadResponse response;
    private final TransferSender transfer;
    private State state = State.SENDING;
    /** True from asking the store to clear the copy handed over until it answered. */
    private boolean clearing;

    private DownloadHandler(Session session, StoredBackup handedOver, Framing framing, int startFrame) {
        this.session = session;
        this.handedOver = handedOver;
        this.response = new DownloadResponse(Admission.ACCEPTED, handedOver.data(), startFrame);
        this.transfer = new TransferSender(session.side().scheduler(), session.side().config().arq(), framing,
                (bytes, frame, departure) -> session.connection().sendDownlinkData(bytes, frame, departure),
                new TransferSender.Outcome() {
                    @Override
                    public void allAcknowledged() {
                        // Wait for the terminal's complete command, which says it stored the data.
                    }

                    @Override
                    public void retriesExhausted() {
                        state = State.GAVE_UP;
                        session.connection().release(Side.STATION);
                    }
                });
    }

    /**
     * Decides on a download request, with the password it carried or ({@code answer}) a challenge's
     * proof, against the copy its look-up gives ({@link StoreAccess#findForDownload}); the transfer starts where the terminal's verified
     * prefix of this very copy ends, else at 0; {@code decided} gets the decision. A number locked out by
     * the time the look-up answers is refused as locked, its answer not checked.
     */
    static void admit(Session session, DownloadRequest request, ChallengeResponse answer, Consumer<Handler> decided) {
        session.side().store().findForDownload(request.phoneNumber(),
                lookup -> decide(session, request, answer, lookup, decided));
    }

    private static void decide(Session session, DownloadRequest request, ChallengeResponse answer,
            StoreAccess.Lookup lookup, Consumer<Handler> decided) {
        Refusal refusal = refusal(session, request, answer, lookup);
        if (refusal != null) {
            // Whatever the refusal, the copy looked up will not be fetched: the store keeps nothing for it.
            lookup.copy().ifPresent(session.side().store()::forget);
            decided.accept(refusal);
            return;
        }
        session.side().store().fetch(lookup.copy().get(), fetched -> {
            Admission unfetched = fetched.reached() ? Admission.NO_BACKUP : Admission.STORE_UNAVAILABLE;
            decided.accept(fetched.copy().map(copy -> accepted(session, request, copy))
                    .orElseGet(() -> session.refuse(request.rejection(unfetched), unfetched)));
        });
    }

    /**
     * The refusal of the request on what {@code lookup} found (told to the listener), or null if the
     * password authenticates against the copy found and its data may be fetched.
     */
    private static Refusal refusal(Session session, DownloadRequest request, ChallengeResponse answer,
            StoreAccess.Lookup lookup) {
        Admission admission;
        if (!lookup.reached()) {
            admission = Admission.STORE_UNAVAILABLE;
        } else {
            session.side().listener().copyLookedUp(session.id(), lookup.copy().isPresent());
            Refusal locked = session.refusalIfLocked();
            if (locked != null) {
                return locked;
            }
            if (lookup.copy().isEmpty()) {
                admission = lookup.elsewhere() ? Admission.COPY_ELSEWHERE : Admission.NO_BACKUP;
            } else if (!session.authentication().authenticates(lookup.copy().get(), request, answer)) {
                admission = Admission.AUTH_REJECTED;
            } else {
                return null;
            }
        }
        return session.refuse(request.rejection(admission), admission);
    }

    private static Handler accepted(Session session, DownloadRequest request, StoredBackup copy) {
        ProtocolConfig config = session.side().config();
        Framing framing = new Framing(session.connection().downlink().config(), copy.data().sizeBytes(),
                config.chunks());
        int startFrame = 0;
        if (config.resume().fromOffset() && copy.data().digest().equals(request.resumeDigest())) {
            startFrame = Math.min(Math.max(0, request.resumeFromFrame()), framing.frames());
        }
        return new DownloadHandler(session, copy, framing, startFrame);
    }

    @Override
    public Message response() {
        return response;
    }

    @Override
    public void begin() {
        transfer.startAt(response.startFrame());
    }

    @Override
    public void receive(Message message, boolean damaged) {
        if (message instanceof Ack ack && state == State.SENDING) {
            transfer.acknowledge(ack);
        } else if (message instanceof RepairRequest repair && state == State.SENDING && transfer.isNextRound(repair)) {
            transfer.repair(repair);
        } else if (message instanceof TerminalComplete) {
            if (state == State.SENDING) {
                transfer.stop();
                state = State.CONFIRMED;
                session.side().listener().storeChanged(session.id(), StationEffect.CONFIRMED);
            }
            if (state == State.CONFIRMED) {
                session.sendControl(new StationComplete());
            }
        }
        // Data frames are a backup's; anything else is a duplicate of something already handled.
    }

    @Override
    public void connectionEnded() {
        transfer.stop();
        if (state == State.CONFIRMED && session.side().station().config().clearAfterDownload()) {
            clearing = true;
            session.side().store().clear(handedOver, cleared -> {
                clearing = false;
                if (cleared) {
                    session.side().listener().storeChanged(session.id(), StationEffect.CLEARED);
                }
                session.storeAnswered();
            });
        } else {
            session.side().store().forget(handedOver);
        }
    }

    @Override
    public boolean awaitingStore() {
        return clearing;
    }

    @Override
    public boolean sending() {
        return transfer.awaitingAcknowledgements();
    }

    @Override
    public TransferCounts dataSent() {
        return transfer.counts();
    }
}
