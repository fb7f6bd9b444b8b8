package io.radiolink.protocol.station;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.Admission;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.ChallengeResponse;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.Request;
import io.radiolink.protocol.SessionId;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.Connection;
import io.radiolink.radio.ConnectionEnd;
import io.radiolink.radio.Departure;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.Endpoint;

/**
 * The station's side of one connection: it takes the first request, challenges it or decides on the
 * password it carries, and hands what follows to the handler of the request's kind ({@link Handler}).
 *
 * <p>The station answers repeated requests and answers with the same response again, so a lost response
 * costs nothing but a retry. What the handlers decide (commit, confirm, clear) is in their own classes.
 */
final class Session implements Endpoint<Message> {

    private final SessionId id;
    private final StationSide side;
    private final Connection<Message> connection;
    private final Authentication authentication;
    /** The first request; null until it arrives. */
    private Request request;
    /** The challenge sent for the request; null unless the station challenged and has not decided yet. */
    private Message challenge;
    /** What the session does after its decision; null until it decided. */
    private Handler handler;
    /** True while the decision waits for the store. */
    private boolean deciding;
    /** True once the connection ended. */
    private boolean ended;
    /** True once the listener was told the session ended. */
    private boolean endTold;

    Session(SessionId id, StationSide side, Connection<Message> connection, PhoneNumber subscriber) {
        this.id = id;
        this.side = side;
        this.connection = connection;
        this.authentication = new Authentication(side, subscriber);
    }

    SessionId id() {
        return id;
    }

    @Override
    public void receive(Message message, boolean damaged) {
        if (message instanceof Request repeatedOrFirst) {
            if (request == null) {
                request = repeatedOrFirst;
                open();
            } else if (!deciding) {
                answer(false);
            }
            // A request repeated while the decision waits for the store is answered by the decision.
        } else if (message instanceof ChallengeResponse answer) {
            if (request == null || deciding) {
                return; // an answer before any request is ignored, as a stray data frame is: nothing to answer
            }
            if (handler == null) {
                // The lock is checked again: other sessions' answers may have locked the number since.
                decide(answer);
            } else {
                answer(false);
            }
        } else if (handler != null) {
            handler.receive(message, damaged);
        }
    }

    /** The first request: refuse a locked number, challenge, or decide on the password it carries. */
    private void open() {
        if (!authentication.challenges()) {
            decide(null);
        } else {
            if (!refusedIfLocked()) {
                challenge = authentication.challenge();
            }
            answer(true);
        }
    }

    /**
     * Decides on the request, with the password it carried or ({@code answer}) the challenge's proof; the
     * decision's first answer goes out when the handler of the request's kind has decided, which may
     * wait for the store ({@link StoreAccess}).
     */
    private void decide(ChallengeResponse answer) {
        if (refusedIfLocked()) {
            answer(true);
            return;
        }
        deciding = true;
        request.accept(new Request.Visitor<Void>() {
            @Override
            public Void backup(BackupRequest backup) {
                BackupHandler.admit(Session.this, backup, answer, Session.this::decided);
                return null;
            }

            @Override
            public Void download(DownloadRequest download) {
                DownloadHandler.admit(Session.this, download, answer, Session.this::decided);
                return null;
            }
        });
    }

    /** The handler of the request's kind decided: its first answer goes out, unless the connection ended. */
    private void decided(Handler decision) {
        deciding = false;
        handler = decision;
        if (ended) {
            decision.connectionEnded();
            settleIfQuiet();
        } else {
            answer(true);
        }
    }

    /** Refuses the request if its number is locked out now; returns whether it did. */
    private boolean refusedIfLocked() {
        handler = refusalIfLocked();
        return handler != null;
    }

    /**
     * The refusal of the request as a locked number's if its number is locked out now (told as a rejection
     * while locked), else null. The handlers ask again when the store's look-up answers: under network
     * storage the count is the store's, and guesses at other stations may have locked the number while the
     * look-up crossed the backhaul.
     */
    Refusal refusalIfLocked() {
        return authentication.lockedOut(request) ? refuse(request.rejection(Admission.AUTH_REJECTED),
                Admission.AUTH_REJECTED) : null;
    }

    /** Sends the current answer to the request; after the decision's first answer the handler begins. */
    private void answer(boolean first) {
        sendControl(handler == null ? challenge : handler.response());
        if (first && handler != null) {
            handler.begin();
        }
    }

    /** A refusal with {@code response}, told to the listener as {@code admission}. */
    Refusal refuse(Message response, Admission admission) {
        side.listener().rejected(id, admission);
        return new Refusal(response);
    }

    @Override
    public void connectionEnded(ConnectionEnd end) {
        ended = true;
        if (handler != null) {
            handler.connectionEnded();
        }
        side.sessionEnded(this);
        endTold = true;
        settleIfQuiet();
    }

    /** A store operation the handler asked for answered ({@link Handler#awaitingStore()}). */
    void storeAnswered() {
        settleIfQuiet();
    }

    /**
     * Tells the listener the session settled if it ended and nothing it asked of the store is still to
     * answer: neither its decision nor its handler's commit or clear. Each of the three callers acts on
     * the last of those conditions to come true, so the session settles once.
     */
    private void settleIfQuiet() {
        if (endTold && !deciding && (handler == null || !handler.awaitingStore())) {
            side.listener().sessionSettled(id);
        }
    }

    /** Sends a control message on the downlink. */
    void sendControl(Message message) {
        connection.sendDownlink(connection.downlink().config().controlFrameBytes(), message, Departure.NONE);
    }

    boolean sending() {
        return handler != null && handler.sending();
    }

    TransferCounts dataSent() {
        return handler == null ? TransferCounts.ZERO : handler.dataSent();
    }

    /** What the station put on the downlink: the link's counts, with its data frames' retransmissions. */
    DirectionCounts downlink() {
        return connection.downlink().counts().plusRetransmissions(dataSent().framesRetransmitted());
    }

    Connection<Message> connection() {
        return connection;
    }

    StationSide side() {
        return side;
    }

    Authentication authentication() {
        return authentication;
    }
}
