package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.ControlCounts;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.PhaseTimes;
import io.radiolink.protocol.SessionId;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.TerminalRecord;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.ConnectionEnd;
import io.radiolink.radio.DirectionCounts;
import io.radiolink.radio.Endpoint;
import io.radiolink.radio.IdleAttempt;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.RadioCell;
import io.radiolink.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The join of the two ends' events into each flow's record, whatever their order, fed by hand. */
final class FlowRecordsTest {

    private static final LinkConfig LINK = new LinkConfig(100_000, 0.01, 100, 10, 10, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.1, 0.0, Double.POSITIVE_INFINITY, 0.1);

    /** A flow as the joiner sees it: only its identity matters. */
    private record StubFlow(long id, FlowKind kind) implements Flow {
        @Override
        public Terminal terminal() {
            return null;
        }

        @Override
        public BaseStation station() {
            return null;
        }

        @Override
        public PhoneNumber addressedNumber() {
            return PhoneNumber.of("0100");
        }

        @Override
        public FlowPhase phase() {
            return FlowPhase.RELEASE;
        }

        @Override
        public boolean isEnded() {
            return true;
        }

        @Override
        public boolean timersArmed() {
            return false;
        }
    }

    /** Two real connections of one cell (the joiner keys on their identity). */
    private static List<Connection<Message>> connections() {
        List<Connection<Message>> made = new ArrayList<>();
        Endpoint<Message> quiet = new Endpoint<>() {
            @Override
            public void receive(Message unit, boolean damaged) {}

            @Override
            public void connectionEnded(ConnectionEnd end) {}
        };
        new LeanEngine().run(1.0, scheduler -> {
            RadioCell cell = new RadioCell("bs-1", 2, AIR, scheduler, new RandomStreams(1, 0), AirListener.NONE,
                    CellListener.NONE);
            for (int i = 0; i < 2; i++) {
                cell.connect(new IdleAttempt<Message>(connection -> {
                    connection.attachTerminal(quiet);
                    made.add(connection);
                }), connection -> quiet);
            }
        });
        assertEquals(2, made.size());
        return made;
    }

    private static TerminalRecord terminalRecord(Flow flow, FlowOutcome outcome, TransferCounts sent) {
        return new TerminalRecord(flow.id(), flow.kind(), PhoneNumber.of("0100"), PhoneNumber.of("0100"), "bs-1",
                outcome, FlowPhase.RELEASE, 0.0, 10.0, 1_000, IntegrityCheck.NOT_CHECKED,
                PhaseTimes.of(Map.of(FlowPhase.SETUP, 10.0)), sent, new ControlCounts(2, 0),
                new DirectionCounts(5, 1, 0, 0), 2, 0, 1_000, 0);
    }

    /** A flow listener that keeps every record it is told of. */
    private static FlowListener recordingInto(List<FlowRecord> records) {
        return new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                records.add(record);
            }
        };
    }

    @Test
    void flowEnded_sessionsOfTwoAttempts_stationFactsJoinedInEitherEventOrder() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        FlowRecords join = new FlowRecords(recordingInto(records), () -> 0.0);
        Flow download = new StubFlow(0, FlowKind.DOWNLOAD);
        // First attempt: the station opens its session first (as the cell does today).
        join.sessionOpened(new SessionId(0), c.get(0));
        join.connected(download, c.get(0));
        join.sessionEnded(new SessionId(0), new TransferCounts(3, 1, 200), new DirectionCounts(1, 0, 0, 1));
        // Second attempt: the other order.
        join.connected(download, c.get(1));
        join.sessionOpened(new SessionId(1), c.get(1));
        join.storeChanged(new SessionId(1), StationEffect.CONFIRMED);
        join.storeChanged(new SessionId(1), StationEffect.CLEARED);
        join.sessionEnded(new SessionId(1), new TransferCounts(10, 2, 1_000), new DirectionCounts(3, 0, 0, 2));
        join.flowEnded(download, terminalRecord(download, FlowOutcome.SUCCESS, TransferCounts.ZERO));

        FlowRecord record = records.get(0);
        assertEquals(StationEffect.CLEARED, record.stationEffect(), "the last change of the store");
        assertEquals(new TransferCounts(13, 3, 1_200), record.data());
        assertEquals(200, record.bytesInVain(), "every byte beyond the 1,000 needed");
        assertEquals(new DirectionCounts(5, 1, 0, 0), record.uplink(), "the terminal's");
        assertEquals(new DirectionCounts(4, 0, 0, 3), record.downlink(), "the station's, both sessions");
    }

    /**
     * A download that ends NO_BACKUP after one session per connection of {@code connections}, each of
     * which looked the copy up once and found it as {@code held} says.
     */
    private static void downloadLookingUp(FlowRecords join, Flow download, List<Connection<Message>> connections,
            boolean... held) {
        for (int i = 0; i < held.length; i++) {
            SessionId session = new SessionId(10 * download.id() + i);
            join.connected(download, connections.get(i));
            join.sessionOpened(session, connections.get(i));
            join.copyLookedUp(session, held[i]);
            join.sessionEnded(session, TransferCounts.ZERO, DirectionCounts.ZERO);
        }
        join.flowEnded(download, terminalRecord(download, FlowOutcome.NO_BACKUP, TransferCounts.ZERO));
    }

    @Test
    void flowEnded_copyFoundByAnyAttemptsRequest_copyAtRequest() {
        List<FlowRecord> records = new ArrayList<>();
        FlowRecords join = new FlowRecords(recordingInto(records), () -> 0.0);
        // The copy was lost between the first flow's attempts; the second flow's request never found one.
        downloadLookingUp(join, new StubFlow(0, FlowKind.DOWNLOAD), connections(), true, false);
        downloadLookingUp(join, new StubFlow(1, FlowKind.DOWNLOAD), connections(), false);

        assertTrue(records.get(0).copyAtRequest(), "the first attempt's request found the copy");
        assertTrue(!records.get(1).copyAtRequest(), "no request found one");
    }

    @Test
    void flowEnded_backupTheStationChecked_stationsIntegrityAndEffect() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        FlowRecords join = new FlowRecords(recordingInto(records), () -> 0.0);
        Flow backup = new StubFlow(1, FlowKind.BACKUP);
        join.sessionOpened(new SessionId(0), c.get(0));
        join.connected(backup, c.get(0));
        join.integrityChecked(new SessionId(0), true);
        join.storeChanged(new SessionId(0), StationEffect.COMMITTED);
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, new DirectionCounts(6, 0, 0, 0));
        join.flowEnded(backup, terminalRecord(backup, FlowOutcome.LINK_DROPPED, new TransferCounts(12, 0, 1_000)));

        FlowRecord record = records.get(0);
        assertEquals(IntegrityCheck.VERIFIED, record.integrity(), "the station's check, which the terminal never heard");
        assertEquals(StationEffect.COMMITTED, record.stationEffect());
        assertEquals(1_000, record.bytesInVain(), "a failed flow's bytes are all in vain");
    }

    @Test
    void unclaimedSession_andAFlowWithoutSession_areKeptApart() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        FlowRecords join = new FlowRecords(recordingInto(records), () -> 0.0);
        // A connection opened by something other than a flow: its session is forgotten when it ends.
        join.sessionOpened(new SessionId(0), c.get(0));
        join.storeChanged(new SessionId(0), StationEffect.COMMITTED);
        join.sessionEnded(new SessionId(0), new TransferCounts(1, 0, 100), new DirectionCounts(3, 0, 0, 0));
        // A flow whose connection carried no session (the joiner listening to the terminal only).
        Flow flow = new StubFlow(2, FlowKind.BACKUP);
        join.connected(flow, c.get(1));
        join.flowEnded(flow, terminalRecord(flow, FlowOutcome.SUCCESS, new TransferCounts(12, 0, 1_000)));

        FlowRecord record = records.get(0);
        assertEquals(StationEffect.NONE, record.stationEffect());
        assertEquals(IntegrityCheck.NOT_CHECKED, record.integrity());
        assertEquals(12, record.data().framesSent(), "only the terminal's frames");
        assertEquals(DirectionCounts.ZERO, record.downlink(), "and no station's downlink");
        // The first connection's session no longer waits: a flow claiming it now gets nothing of it.
        Flow late = new StubFlow(3, FlowKind.BACKUP);
        join.connected(late, c.get(0));
        join.flowEnded(late, terminalRecord(late, FlowOutcome.LINK_DROPPED, TransferCounts.ZERO));
        assertEquals(StationEffect.NONE, records.get(1).stationEffect());
    }

    /** Session 0 opened on {@code connection}, which {@code flow} got. */
    private static void opened(FlowRecords join, Flow flow, Connection<Message> connection) {
        join.sessionOpened(new SessionId(0), connection);
        join.connected(flow, connection);
    }

    /** A flow listener that keeps every late store effect it is told of, as "flow id effect at time". */
    private static FlowListener lateInto(List<String> late) {
        return new FlowListener() {
            @Override
            public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
                late.add(record.flowId() + " " + record.stationEffect() + " then " + effect + " at " + timeSeconds);
            }
        };
    }

    @Test
    void storeChanged_afterTheFlowEnded_toldLateWithTheFinalRecordUntilTheSessionSettles() {
        List<Connection<Message>> c = connections();
        List<String> late = new ArrayList<>();
        double[] now = {0};
        FlowRecords join = new FlowRecords(lateInto(late), () -> now[0]);
        Flow download = new StubFlow(5, FlowKind.DOWNLOAD);
        opened(join, download, c.get(0));
        join.storeChanged(new SessionId(0), StationEffect.CONFIRMED);
        join.sessionEnded(new SessionId(0), new TransferCounts(10, 0, 1_000), DirectionCounts.ZERO);
        join.flowEnded(download, terminalRecord(download, FlowOutcome.SUCCESS, TransferCounts.ZERO));
        assertEquals(1, join.settlingSessions(), "the clear is under way");
        now[0] = 14.5;
        join.storeChanged(new SessionId(0), StationEffect.CLEARED);
        assertEquals(List.of("5 CONFIRMED then CLEARED at 14.5"), late, "the record as it was told at the flow's end");
        join.sessionSettled(new SessionId(0));
        assertEquals(0, join.settlingSessions());
        join.storeChanged(new SessionId(0), StationEffect.CLEARED);
        assertEquals(1, late.size(), "a settled session is forgotten");
    }

    @Test
    void storeChanged_ofAnEndedSessionWhileItsFlowRuns_joinsTheRecord() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        List<String> late = new ArrayList<>();
        FlowListener both = new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                records.add(record);
            }

            @Override
            public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
                late.add(effect.name());
            }
        };
        FlowRecords join = new FlowRecords(both, () -> 0.0);
        Flow backup = new StubFlow(6, FlowKind.BACKUP);
        opened(join, backup, c.get(0));
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.connected(backup, c.get(1));
        join.storeChanged(new SessionId(0), StationEffect.COMMITTED);
        join.sessionSettled(new SessionId(0));
        join.flowEnded(backup, terminalRecord(backup, FlowOutcome.LINK_DROPPED, TransferCounts.ZERO));
        assertEquals(StationEffect.COMMITTED, records.get(0).stationEffect(), "the record is whole when the flow ends");
        assertEquals(List.of(), late);
        assertEquals(0, join.settlingSessions());
    }

    /** A flow listener that keeps every record and every late copy at request, as "flow id at time". */
    private static FlowListener copiesInto(List<FlowRecord> records, List<String> late) {
        return new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                records.add(record);
            }

            @Override
            public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
                late.add(record.flowId() + " at " + timeSeconds);
            }
        };
    }

    /** {@code flow}'s session 0 on the first connection, ended, and its session 1 on the second, open. */
    private static void secondSession(FlowRecords join, Flow flow, List<Connection<Message>> c) {
        opened(join, flow, c.get(0));
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.sessionOpened(new SessionId(1), c.get(1));
        join.connected(flow, c.get(1));
    }

    /**
     * Two sessions of one download, each ended while its look-up crossed the backhaul, both answered after the
     * flow ended, each finding the copy: the first is told late, once for the flow.
     */
    @Test
    void copyLookedUp_afterTheFlowEnded_toldLateOncePerFlow() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        List<String> late = new ArrayList<>();
        double[] now = {0};
        FlowRecords join = new FlowRecords(copiesInto(records, late), () -> now[0]);
        Flow download = new StubFlow(8, FlowKind.DOWNLOAD);
        secondSession(join, download, c);
        join.sessionEnded(new SessionId(1), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.flowEnded(download, terminalRecord(download, FlowOutcome.RETRIES_EXHAUSTED, TransferCounts.ZERO));
        assertFalse(records.get(0).copyAtRequest());
        now[0] = 20;
        join.copyLookedUp(new SessionId(0), true);
        now[0] = 21;
        join.copyLookedUp(new SessionId(1), true);
        assertEquals(List.of("8 at 20.0"), late, "once for the flow, at the first");
        join.sessionSettled(new SessionId(0));
        join.sessionSettled(new SessionId(1));
        assertEquals(0, join.settlingSessions());
    }

    @Test
    void copyLookedUp_afterTheFlowEndedWithACopyInItsRecordOrNoneFound_toldNothing() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        List<String> late = new ArrayList<>();
        FlowRecords join = new FlowRecords(copiesInto(records, late), () -> 0.0);
        Flow download = new StubFlow(9, FlowKind.DOWNLOAD);
        secondSession(join, download, c);
        join.copyLookedUp(new SessionId(1), true);
        join.sessionEnded(new SessionId(1), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.sessionSettled(new SessionId(1));
        join.flowEnded(download, terminalRecord(download, FlowOutcome.LINK_DROPPED, TransferCounts.ZERO));
        join.copyLookedUp(new SessionId(0), true);
        assertTrue(records.get(0).copyAtRequest());
        assertEquals(List.of(), late, "the record already says so");
        Flow another = new StubFlow(11, FlowKind.DOWNLOAD);
        join.sessionOpened(new SessionId(2), c.get(0));
        join.connected(another, c.get(0));
        join.sessionEnded(new SessionId(2), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.flowEnded(another, terminalRecord(another, FlowOutcome.RETRIES_EXHAUSTED, TransferCounts.ZERO));
        join.copyLookedUp(new SessionId(2), false);
        assertEquals(List.of(), late, "a late look-up that found no copy changes nothing");
    }

    /** The first attempt's connection ended while its look-up was under way; its answer comes while the retry runs. */
    @Test
    void copyLookedUp_ofAnEndedSessionWhileItsFlowRuns_joinsTheRecord() {
        List<Connection<Message>> c = connections();
        List<FlowRecord> records = new ArrayList<>();
        List<String> late = new ArrayList<>();
        FlowRecords join = new FlowRecords(copiesInto(records, late), () -> 0.0);
        Flow download = new StubFlow(10, FlowKind.DOWNLOAD);
        opened(join, download, c.get(0));
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.connected(download, c.get(1));
        join.copyLookedUp(new SessionId(0), true);
        join.sessionSettled(new SessionId(0));
        join.flowEnded(download, terminalRecord(download, FlowOutcome.LINK_DROPPED, TransferCounts.ZERO));
        assertTrue(records.get(0).copyAtRequest(), "the record is whole when the flow ends");
        assertEquals(List.of(), late);
    }

    @Test
    void sessionSettled_atItsEnd_holdsNothing() {
        List<Connection<Message>> c = connections();
        List<String> late = new ArrayList<>();
        FlowRecords join = new FlowRecords(lateInto(late), () -> 0.0);
        Flow backup = new StubFlow(7, FlowKind.BACKUP);
        opened(join, backup, c.get(0));
        join.storeChanged(new SessionId(0), StationEffect.COMMITTED);
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.sessionSettled(new SessionId(0)); // station storage: nothing pending
        join.flowEnded(backup, terminalRecord(backup, FlowOutcome.SUCCESS, new TransferCounts(12, 0, 1_000)));
        assertEquals(0, join.settlingSessions());
        assertEquals(List.of(), late);
    }

    @Test
    void sessionSettled_twiceOrBeforeItsEnd_isABrokenModel() {
        List<Connection<Message>> c = connections();
        FlowRecords join = new FlowRecords(FlowListener.NONE, () -> 0.0);
        join.sessionOpened(new SessionId(0), c.get(0));
        assertThrows(IllegalStateException.class, () -> join.sessionSettled(new SessionId(0)), "still open");
        join.sessionEnded(new SessionId(0), TransferCounts.ZERO, DirectionCounts.ZERO);
        join.sessionSettled(new SessionId(0));
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> join.sessionSettled(new SessionId(0)));
        assertTrue(twice.getMessage().contains("or twice"), twice.getMessage());
        assertEquals(0, join.settlingSessions(), "an unclaimed session is held until it settles too");
    }

    @Test
    void flowEnded_whileItsSessionIsOpen_isABrokenModel() {
        List<Connection<Message>> c = connections();
        FlowRecords join = new FlowRecords(FlowListener.NONE, () -> 0.0);
        Flow flow = new StubFlow(4, FlowKind.BACKUP);
        opened(join, flow, c.get(0));
        IllegalStateException broken = assertThrows(IllegalStateException.class,
                () -> join.flowEnded(flow, terminalRecord(flow, FlowOutcome.LINK_DROPPED, TransferCounts.ZERO)));
        assertTrue(broken.getMessage().contains("1 of its sessions still open"), broken.getMessage());
    }
}
