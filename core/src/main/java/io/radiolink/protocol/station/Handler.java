package io.radiolink.protocol.station;

import io.radiolink.protocol.Message;
import io.radiolink.protocol.transfer.TransferCounts;

/**
 * What a session does once it decided on its request: one handler per flow kind that was admitted, or
 * the refusal. The session passes it every message but the request and the challenge's answer.
 */
interface Handler {

    /** The station's answer to the request, sent again whenever the request (or its answer) is repeated. */
    Message response();

    /** Called once, right after the first response went out. */
    void begin();

    /** A message other than the request and the challenge's answer; {@code damaged} as the connection tells it. */
    void receive(Message message, boolean damaged);

    /** The session's connection ended. */
    void connectionEnded();

    /**
     * True while a store operation the handler asked for has not answered and its answer still reports
     * to the session's listener: a backup's commit, a download's clear. On that answer the handler calls
     * {@link Session#storeAnswered()}.
     */
    boolean awaitingStore();

    /** True while the station's data sender waits for acknowledgements (a kind that sends none: false). */
    boolean sending();

    /** What the station's data frames cost in this session (a kind that sends none: zero). */
    TransferCounts dataSent();
}
