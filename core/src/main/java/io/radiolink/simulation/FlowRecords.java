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
import io.radiolink.radio.DirectionCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Joins the two ends' events into flows: a station's session belongs to the flow whose attempt got the
 * session's connection, and what the station did in it (its store's changes, its digest check, its data
 * frames, its downlink) is added to what the terminal saw when the flow ends, making the flow's
 * {@link FlowRecord}. The terminal's other events pass through unchanged, in the order they come. The
 * join does not depend on which of the two events about a connection comes first (today the station
 * opens its session before the terminal hears of the connection). A session no flow claims (a connection
 * opened by something other than a flow) is forgotten when it ends; a flow whose connections carried no
 * session (the joiner listening to the terminal side only) gets no station facts, its downlink counts
 * among them.
 *
 * <p>Every session ends before its flow: a connection's end reaches the station's side first. A flow's
 * record is final when the flow ends: what the store does for the flow later (a commit or a clear
 * answered across a backhaul after the connection ended) is told as a late store effect
 * ({@link FlowListener#lateStoreEffect}), and a look-up answered then that found a copy, if the record
 * says none, as a late copy at request ({@link FlowListener#lateCopyAtRequest}, once per flow), each joined
 * to the record by the session, which is kept from its end until it settles
 * ({@link SessionListener#sessionSettled}); a change or look-up of an ended session whose flow still runs
 * joins the record. So the joiner holds only the sessions open or awaiting the store, never
 * more as the run goes on. Nothing is iterated in hash order: the maps are only looked up.
 */
public final class FlowRecords implements TerminalListener, SessionListener {

    private final FlowListener listener;
    private final DoubleSupplier nowSeconds;
    /** A session opened on a connection no flow has claimed yet, and the way back; looked up only. */
    private final Map<Connection<Message>, SessionId> sessionOn = new IdentityHashMap<>();
    private final Map<SessionId, Connection<Message>> unclaimedOn = new HashMap<>();
    /** A flow's connection on which no session has opened (yet); looked up only. */
    private final Map<Connection<Message>, Joined> flowOn = new IdentityHashMap<>();
    /** What the station did for a flow, so far, by flow and by each of its sessions that has not ended. */
    private final Map<Flow, Joined> byFlow = new IdentityHashMap<>();
    private final Map<SessionId, Joined> bySession = new HashMap<>();
    /**
     * The sessions that ended but have not settled, each with its flow's facts (a session no flow claimed:
     * facts of none): the store may still report for the flow.
     */
    private final Map<SessionId, Joined> settling = new HashMap<>();

    /**
     * A joiner telling {@code listener} of every flow, with its joined record at its end, and of every
     * late store effect at the time {@code nowSeconds} gives.
     */
    public FlowRecords(FlowListener listener, DoubleSupplier nowSeconds) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.nowSeconds = Objects.requireNonNull(nowSeconds, "nowSeconds");
    }

    /** One flow's station facts so far, and its connections still waiting for a session. */
    private static final class Joined {
        StationRecord station = StationRecord.NONE;
        final List<Connection<Message>> waiting = new ArrayList<>(1);
        /** The flow's sessions that have not ended. */
        int openSessions;
        /** The flow's record, told at its end; null while the flow runs. */
        FlowRecord record;
        /** True once a look-up answered after the flow's end was told to have found a copy. */
        boolean copyToldLate;
    }

    @Override
    public void sessionOpened(SessionId session, Connection<Message> connection) {
        Joined joined = flowOn.remove(connection);
        if (joined != null) {
            joined.waiting.remove(connection);
            bySession.put(session, joined);
            joined.openSessions++;
        } else {
            sessionOn.put(connection, session);
            unclaimedOn.put(session, connection);
        }
    }

    @Override
    public void connected(Flow flow, Connection<Message> connection) {
        Joined joined = byFlow.computeIfAbsent(flow, f -> new Joined());
        SessionId session = sessionOn.remove(connection);
        if (session != null) {
            unclaimedOn.remove(session);
            bySession.put(session, joined);
            joined.openSessions++;
        } else {
            flowOn.put(connection, joined);
            joined.waiting.add(connection);
        }
    }

    @Override
    public void integrityChecked(SessionId session, boolean matched) {
        Joined joined = bySession.get(session);
        if (joined != null) {
            joined.station = joined.station.withIntegrity(matched);
        }
    }

    @Override
    public void copyLookedUp(SessionId session, boolean held) {
        Joined joined = joinedOf(session);
        if (joined == null) {
            return;
        }
        if (joined.record == null) {
            joined.station = joined.station.withCopyLookedUp(held);
        } else if (held && !joined.record.copyAtRequest() && !joined.copyToldLate) {
            joined.copyToldLate = true;
            listener.lateCopyAtRequest(joined.record, nowSeconds.getAsDouble());
        }
    }

    /** The facts of the flow a session's event is for, whether the session is open or settling; null if none. */
    private Joined joinedOf(SessionId session) {
        Joined joined = bySession.get(session);
        return joined != null ? joined : settling.get(session);
    }

    @Override
    public void storeChanged(SessionId session, StationEffect effect) {
        Joined joined = joinedOf(session);
        if (joined == null) {
            return;
        }
        if (joined.record == null) {
            joined.station = joined.station.withEffect(effect);
        } else {
            listener.lateStoreEffect(joined.record, effect, nowSeconds.getAsDouble());
        }
    }

    @Override
    public void sessionEnded(SessionId session, TransferCounts dataSent, DirectionCounts downlink) {
        Joined joined = bySession.remove(session);
        if (joined != null) {
            joined.station = joined.station.plusSession(dataSent, downlink);
            joined.openSessions--;
            settling.put(session, joined);
        } else {
            Connection<Message> connection = unclaimedOn.remove(session);
            if (connection != null) {
                sessionOn.remove(connection);
            }
            settling.put(session, new Joined()); // no flow's: whatever it still hears is told to none
        }
    }

    @Override
    public void sessionSettled(SessionId session) {
        if (settling.remove(session) == null) {
            // Each session settles once, after its end (SessionListener). A broken model, never an input.
            throw new IllegalStateException(session + " settled before it ended, or twice");
        }
    }

    /** Ended sessions not settled yet (their store may still report): none once a run drained. */
    int settlingSessions() {
        return settling.size();
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
        if (joined != null) {
            if (joined.openSessions != 0) {
                // A connection's end reaches the station first (Connection.close): a session still open
                // would add to a record already handed out. A broken model, never an input.
                throw new IllegalStateException(flow + " ended with " + joined.openSessions
                        + " of its sessions still open");
            }
            for (Connection<Message> connection : joined.waiting) {
                flowOn.remove(connection);
            }
        }
        FlowRecord record = new FlowRecord(terminal, joined == null ? StationRecord.NONE : joined.station);
        if (joined != null) {
            joined.record = record;
        }
        listener.flowEnded(flow, record);
    }

    @Override
    public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
        listener.outcomeLearned(flow, earlierFlowId, committed, timeSeconds);
    }
}
