package io.radiolink.protocol;

import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.Connection;
import io.radiolink.radio.DirectionCounts;

/**
 * The station side's events, keyed by session: what a station did for the requests it served. Methods
 * run inside the simulation at the time they report and must not throw. A session opens when its
 * station accepts a connection, ends when that connection ends and settles once nothing it asked of its
 * store is still to answer; every event of a session comes between its opening and its settling. After
 * its end come only the store's answers to what the session asked before: a decision that was waiting
 * for the store ({@link #rejected}, {@link #copyLookedUp}) and, under network storage or peer fetch, a
 * backup's commit or a download's clear ({@link #storeChanged}).
 */
public interface SessionListener {

    /** A listener that ignores everything. */
    SessionListener NONE = new SessionListener() {};

    /** The station accepted {@code connection} and opened {@code session} on it. */
    default void sessionOpened(SessionId session, Connection<Message> connection) {}

    /** The station refused the session's request with {@code admission} (never {@link Admission#ACCEPTED}). */
    default void rejected(SessionId session, Admission admission) {}

    /** The station checked a received object's digest: {@code matched} or not. */
    default void integrityChecked(SessionId session, boolean matched) {}

    /**
     * Deciding on the session's download request, the station looked the number up in its store, which
     * held a committed copy of it ({@code held}) or not. It looks up after a challenge's answer under a
     * challenge; a request refused because its number is locked out when it (or the challenge's
     * answer) arrives is refused without a look-up, one whose number was locked while the look-up was
     * under way is told here, then refused.
     */
    default void copyLookedUp(SessionId session, boolean held) {}

    /** The session changed the station's store: committed, confirmed a download, or cleared its copy. */
    default void storeChanged(SessionId session, StationEffect effect) {}

    /**
     * The session ended; {@code dataSent} is what the station's data frames cost in it (a download's),
     * {@code downlink} what the station put on the air on its connection (the downlink's counts, with the
     * retransmissions of those data frames).
     */
    default void sessionEnded(SessionId session, TransferCounts dataSent, DirectionCounts downlink) {}

    /**
     * The ended session's last store operation answered (a decision that waited for the store, a backup's
     * commit, a download's clear), or it had none pending: no event of the session follows. Told once per
     * session, after {@link #sessionEnded}; in the same event when nothing was pending, as always under
     * station storage without peer fetch, whose store answers at once.
     */
    default void sessionSettled(SessionId session) {}
}
