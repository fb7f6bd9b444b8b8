package io.radiolink.simulation;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.SessionId;
import io.radiolink.protocol.SessionListener;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.StationRecord;
import io.radiolink.protocol.TerminalListener;
import io.radiolink.protocol.TerminalRecord;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.Connection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the two ends' events into flows: a station's session belongs to the flow whose attempt got the
 * session's connection, and what the station did in it (its store's changes, its digest check, its data
 * frames) is added to what the terminal saw when the flow ends, making the flow's {@link FlowRecord}.
 * The terminal's other events pass through unchanged, in the order they come. Sessions no flow claims
 * (a connection opened by something other than a flow) are forgotten when they end.
 *
 * <p>Every session ends before its flow: a connection's end reaches the station's side first.
 */
public final class FlowRecords implements TerminalListener, SessionListener {

    private final FlowListener listener;
    /** Sessions opened on a connection no flow has claimed yet, by connection; looked up only. */
    private final Map<Connection<Message>, SessionId> unclaimed = new IdentityHashMap<>();
    private final Map<SessionId, Connection<Message>> openedOn = new HashMap<>();
    /** What the station did for a flow, so far, by flow and by each of its open sessions. */
    private final Map<Flow, Joined> byFlow = new IdentityHashMap<>();
    private final Map<SessionId, Joined> bySession = new HashMap<>();

    /** A joiner telling {@code listener} of every flow, with its joined record at its end. */
    public FlowRecords(FlowListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    private static final class Joined {
        StationRecord station = StationRecord.NONE;
    }

    @Override
    public void sessionOpened(SessionId session, Connection<Message> connection) {
        unclaimed.put(connection, session);
        openedOn.put(session, connection);
    }

    @Override
    public void connected(Flow flow, Connection<Message> connection) {
        SessionId session = unclaimed.remove(connection);
        if (session == null) {
            throw new IllegalStateException(flow + " got " + connection + ", on which no session opened");
        }
        openedOn.remove(session);
        bySession.put(session, byFlow.computeIfAbsent(flow, f -> new Joined()));
    }

    @Override
    public void integrityChecked(SessionId session, boolean matched) {
        Joined joined = bySession.get(session);
        if (joined != null) {
            joined.station = joined.station.withIntegrity(matched);
        }
    }

    @Override
    public void storeChanged(SessionId session, StationEffect effect) {
        Joined joined = bySession.get(session);
        if (joined != null) {
            joined.station = joined.station.withEffect(effect);
        }
    }

    @Override
    public void sessionEnded(SessionId session, TransferCounts dataSent) {
        Joined joined = bySession.remove(session);
        if (joined != null) {
            joined.station = joined.station.plusSent(dataSent);
        } else {
            Connection<Message> connection = openedOn.remove(session);
            if (connection != null) {
                unclaimed.remove(connection);
            }
        }
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        listener.flowStarted(flow, timeSeconds);
    }

    @Override
    public void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {
        listener.phaseChanged(flow, phase, timeSeconds);
    }

    @Override
    public void flowEnded(Flow flow, TerminalRecord terminal) {
        Joined joined = byFlow.remove(flow);
        listener.flowEnded(flow, FlowRecord.of(terminal, joined == null ? StationRecord.NONE : joined.station));
    }

    @Override
    public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
        listener.outcomeLearned(flow, earlierFlowId, committed, timeSeconds);
    }
}
