package io.radiolink.protocol;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulLink;
import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.engine.Engine;
import io.radiolink.engine.ForwardingScheduler;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.AuthListener;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.UserData;
import io.radiolink.protocol.Message.BackupRequest;
import io.radiolink.protocol.Message.BackupResponse;
import io.radiolink.protocol.Message.Challenge;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.DownloadRequest;
import io.radiolink.protocol.Message.DownloadResponse;
import io.radiolink.protocol.station.StationSide;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.Connection;
import io.radiolink.radio.RadioCell;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.radio.ShareProbe;
import io.radiolink.radio.share.SchedulingPolicies;
import io.radiolink.radio.Side;
import io.radiolink.simulation.ReplicationModel;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Watches one run of an {@link InvariantScenario} from inside the simulation and collects every
 * violation of the safety invariants that {@link InvariantTest} documents, each message naming the
 * scenario's seed and the flow; it also counts what the run exercised.
 *
 * <p>It is the run's flow listener and air listener, {@link #attach} (the builder's script) gives it
 * the stations, and {@link #engine()} (the builder's engine) tells it the end of every event: that
 * engine is the engine the checker was made for (DSOL or lean) with a scheduler that wraps each action
 * so that the checker looks at the model right after the action ran (same actions, same times, same
 * order; no main code involved). At
 * every callback and every event's end it compares each station's committed copies with the snapshot
 * taken at the previous look, and each station's {@code cell().isDown()} with the previous look. So it
 * sees each commit at the StationComplete sent in the commit's event, each clear at the flowEnded of
 * the download whose connection end caused it, each expiry at the end of the expiry's own event, each
 * outage in the event it began (the cell is down from the start of that event's action on, before the
 * first flow ends with STATION_DOWN), and a volatile store's loss at the end of that same event.
 *
 * <p>Public views of the protocol's own state serve the check that an ended flow left nothing that can
 * act: {@link Flow#timersArmed()} (the terminal's timers), and for each of the flow's connections
 * {@link StationSide#servesSessionOn} (the station's session on it) and {@link StationSide#sendingOn}
 * (a data sender of that session still waiting, open or ended); the cells' busy channels are public too.
 *
 * <p>It also counts the <em>faulted</em> flows ({@value #FAULTED}): those that met at least one unit
 * lost or corrupted on the air, a radio link failure, a failed set-up, an outage of their station
 * (ended by it, started while it was down or alive when it went down), random access that failed, a
 * rejection because their number was locked, or a reconnection. A collision that a later preamble
 * overcame is not seen per flow, so the count is a lower bound of the flows that met a fault.
 *
 * <p>It also gives the run's authentication listener ({@link #authListener}), and keeps a
 * second lock-out count from the stations' events ({@link LockoutModel}): one per station without peer
 * fetch, one for the whole network with it (docs/protocol.md, threat model: one count per peer-fetch
 * network). Without peer fetch the admissions are checked against the checker's own count, kept from the
 * answers on the air; with it they are checked against the events' count, which also sees the decisions
 * taken across the backhaul when the holder's copy arrived (at moments the air does not show).
 */
final class InvariantChecker implements FlowListener, AirListener {

    private static final int MAX_VIOLATIONS = 50;

    /** The count of faulted flows in {@link #counts()}. */
    static final String FAULTED = "faulted flows";

    /** What the checker knows about one flow. */
    private static final class Tracked {
        final Flow flow;
        final String password;
        final UserData backupData;
        final boolean heldDataAtStart;
        boolean startedWhileDown;
        long startEvent;
        long releaseEvent = -1;
        boolean connected;
        boolean ended;
        boolean responded;
        double transferSeconds = Double.NaN;
        StoredBackup handedOver;
        /** The station whose store holds {@link #handedOver}: the flow's own, or a holder under peer fetch. */
        Watched holder;
        /** When the flow ended, and whether its holder was down then (a peer fetch's clear comes later). */
        double endSeconds = Double.NaN;
        boolean holderDownAtEnd;
        long dataFramesToTerminal;
        Long committedVersion;
        boolean clearSeen;
        /** The station challenged this flow's request (so the number was not locked when it arrived). */
        boolean challenged;
        /** When the flow's current connection attempt began (its start, or the end of a back-off). */
        double attemptStartSeconds;
        /** Connection attempts so far, and back-offs entered. */
        int attempts = 1;
        int backoffs;
        /** Back-offs after an attempt that got no connection (blocked or access failed). */
        int accessRetries;
        /** The data the last accepted download response of this flow announced. */
        UserData announced;
        /** The flow met a fault that its record does not show (an outage it lived through, a lock-out). */
        boolean faulted;
        /** A download that sent its complete command was sent a data frame of a repair round afterwards. */
        boolean repairFrameAfterComplete;
        /**
         * Shared cells: when the request and the challenge's answer may arrive at the station, one time per
         * copy sent and not lost, and the stores at the start of each event at such a time: the station
         * decides on the answer if it challenged, else on the request, so the state its decision saw is one
         * of those.
         */
        final List<Double> requestArrivals = new ArrayList<>();
        final List<Double> answerArrivals = new ArrayList<>();
        final List<StoreState> requestStates = new ArrayList<>();
        final List<StoreState> answerStates = new ArrayList<>();

        Tracked(Flow flow) {
            this.flow = flow;
            this.password = flow.terminal().maintenancePassword().orElse(null);
            this.heldDataAtStart = flow.terminal().userData().isPresent();
            this.backupData = flow.kind() == FlowKind.BACKUP ? flow.terminal().userData().orElse(null) : null;
        }

        boolean sameNumberAt(String stationId, PhoneNumber number) {
            return flow.station().id().equals(stationId) && flow.addressedNumber().equals(number);
        }
    }

    /**
     * What an admission decision reads of the stores: the number's copy at the flow's station, its free
     * space, whether another station holds a more recently committed copy (any copy, when this one holds
     * none), and when.
     */
    private record StoreState(Optional<StoredBackup> existing, long freeBytes, boolean elsewhere, double atSeconds) {
        boolean sameAs(StoreState other) {
            return existing.map(StoredBackup::version).equals(other.existing.map(StoredBackup::version))
                    && freeBytes == other.freeBytes && elsewhere == other.elsewhere;
        }
    }

    /** The backup flow that committed a copy, and the password it typed. */
    private record Origin(long flowId, String password) {}

    /** A station's store and what the checker last saw in it. */
    private static final class Watched {
        final BaseStation station;
        Map<PhoneNumber, StoredBackup> snapshot = new TreeMap<>();
        long lastVersion;
        final Map<Long, Origin> origins = new TreeMap<>();
        /** How each number's last copy left the store: cleared, expired or lost. */
        final Map<PhoneNumber, String> lastRemoval = new TreeMap<>();
        boolean down;
        /** The event in which the station last went down, -1 before its first outage, and its time. */
        long downEvent = -1;
        double downSeconds = Double.NEGATIVE_INFINITY;
        /** Every copy committed here, by version (a download under peer fetch names one by its data). */
        final Map<Long, StoredBackup> committed = new TreeMap<>();
        /** Per number: failed attempts in a row since the last success or lock-out (docs: lock-out). */
        final Map<PhoneNumber, Integer> failuresInARow = new TreeMap<>();
        /** Per number: when its last lock-out ends. */
        final Map<PhoneNumber, Double> lockedUntil = new TreeMap<>();
        /**
         * The numbers whose lock-out count the checker cannot know since a decision it did not see (see
         * connectionEnded), until the station's answer shows a success on a stored copy, which resets it.
         */
        final Set<PhoneNumber> countUnknown = new TreeSet<>();
        /** Per number: the times of every failed attempt (a wrong password on a stored copy, not locked). */
        final Map<PhoneNumber, List<Double>> failureTimes = new TreeMap<>();
        /** The most channels beyond its flows' that the station was reported to hold (reported once each). */
        int excessChannelsReported;
        /** Per number: the data of the last backup whose data frames went on the air to this station. */
        final Map<PhoneNumber, UserData> lastUpload = new TreeMap<>();
        /** Units that went on this cell's air, per sending side. */
        final Map<Side, Long> unitsOnAir = new EnumMap<>(Side.class);

        Watched(BaseStation station) {
            this.station = station;
        }

        BackupStore store() {
            return station.store();
        }

        double retentionSeconds() {
            return station.config().retentionSeconds();
        }

        boolean volatileStore() {
            return !station.config().outages().persistentStorage();
        }
    }

    private final long seed;
    private final Engine base;
    private final Map<Long, Tracked> flows = new LinkedHashMap<>();
    private final Map<Long, Tracked> active = new LinkedHashMap<>();
    private final Map<Connection<?>, Tracked> byConnection = new IdentityHashMap<>();
    private final List<Watched> stations = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private Scheduler scheduler;
    private BackupService service;
    /**
     * The flows just connected whose request has not gone on the air yet, oldest first. On a dedicated
     * cell the request is the next unit on the air; on a shared one it goes when its share serves it,
     * possibly after other connections' units, so a request is matched by cell, number and kind.
     */
    private final List<Tracked> awaitingRequests = new ArrayList<>();
    /** The flows that ended in the event running: looked at again at its end. */
    private final List<Tracked> endedInEvent = new ArrayList<>();
    private long violationCount;
    /** The number of the event running (1 for the first); 0 while the model is built. */
    private long event;
    private AuthConfig auth = AuthConfig.CLAIMED;
    private ResumeConfig resume = ResumeConfig.OFF;
    private RestoreAfter restoreAfter = RestoreAfter.ANY;
    /** The time of the admission being checked: its decision's, which on a shared cell precedes the answer's departure. */
    private double admissionSeconds = Double.NaN;
    /** The admission being checked may be decided in another order than the answers left (see checkedWhileLocked). */
    private boolean lockOrderUnknown;
    /** Per station and number: the latest decision time of an admission checked on a shared cell. */
    private final Map<String, Double> lastDecisionSeconds = new TreeMap<>();
    /** The flows on shared cells whose decision is still to come (see {@link Tracked#decisionTimes}). */
    private final List<Tracked> deciding = new ArrayList<>();
    /** The numbers with a backup that ended in success as its terminal saw it. */
    private final Set<PhoneNumber> backedUp = new TreeSet<>();
    /** Station storage with peer fetch: a download without a copy at its station is decided across the backhauls. */
    private boolean peerFetch;
    private Map<String, Backhaul> backhauls = Map.of();
    /** The count kept from the stations' authentication events: per station, or the network's under peer fetch. */
    private final LockoutModel lockouts = new LockoutModel(() -> auth, station -> peerFetch ? "the network" : station,
            () -> peerFetch ? "the network's count" : "the station's count", message -> violation(null, message.get()),
            counts, "told: ");
    /**
     * Confirmed downloads at a clearing station of a copy fetched from another station: the clear reaches
     * the holder after the flow ended, and each explains one disappearance there.
     */
    private final List<Tracked> peerClears = new ArrayList<>();

    /** A checker of the run of {@code seed} on the DSOL engine. */
    InvariantChecker(long seed) {
        this(seed, new DsolEngine());
    }

    /** A checker of the run of {@code seed} on {@code engine}. */
    InvariantChecker(long seed, Engine engine) {
        this.seed = seed;
        this.base = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The run's authentication scheme and lock-out (default: the claims' password in the request) and its
     * reconnection (default: none).
     */
    void expectProtocol(ProtocolConfig config) {
        this.auth = config.auth();
        this.resume = config.resume();
    }

    /** The run's restore rule (default: restores after any backup). */
    void expectWorkload(WorkloadConfig config) {
        this.restoreAfter = config.restoreAfter();
    }

    /** The run's station storage (default: without peer fetch). */
    void expectStorage(StorageMode.Station storage) {
        this.peerFetch = storage.peerFetch().isPresent();
    }

    /** The run's authentication listener: the checker's count kept from the stations' events. */
    AuthListener authListener() {
        return lockouts;
    }

    private boolean challengeResponse() {
        return auth.mode().challenges();
    }

    /** The builder's script: takes the stations, which are empty at time 0. */
    void attach(ReplicationModel model) {
        scheduler = model.scheduler();
        service = model.service();
        backhauls = model.backhauls();
        for (BaseStation station : model.stations()) {
            check(station.store().committedCopies().isEmpty(), null, () -> station + " starts with copies");
            stations.add(new Watched(station));
        }
    }

    /**
     * The engine to run the scenario on: the checker's engine, whose scheduler calls {@link #eventEnded}
     * after every action it runs.
     */
    Engine engine() {
        return (endTimeSeconds, model) -> base.run(endTimeSeconds,
                scheduler -> model.accept(new ForwardingScheduler(scheduler, this::observed)));
    }

    /** Wraps an action scheduled through the engine's scheduler to number it and to look after it. */
    private Runnable observed(double dueSeconds, Runnable action) {
        return () -> {
            event++;
            for (Tracked t : deciding) {
                if (t.requestArrivals.contains(dueSeconds)) {
                    t.requestStates.add(storeState(t, dueSeconds));
                }
                if (t.answerArrivals.contains(dueSeconds)) {
                    t.answerStates.add(storeState(t, dueSeconds));
                }
            }
            action.run();
            eventEnded();
        };
    }

    /**
     * The end of an event: every store change not yet seen happened in it and must be an expiry or an
     * outage's loss; the flows that ended in it left no timer armed, and no cell holds more channels
     * than its flows can. At the end of the event in which a station went down, none of its flows is
     * left, nothing is staged, and a volatile store holds nothing.
     */
    private void eventEnded() {
        checkStores(null, null, true);
        lockouts.eventEnded();
        for (Tracked t : endedInEvent) {
            checkLeftNothing(t, "at the end of the event in which it ended");
        }
        endedInEvent.clear();
        checkChannels();
        checkShares(false);
        for (Watched w : stations) {
            if (w.downEvent != event) {
                continue;
            }
            for (Tracked t : active.values()) {
                // A flow backing off holds no connection: it meets the outage when it reconnects.
                if (t.flow.station() == w.station && t.flow.phase() != FlowPhase.BACKOFF) {
                    violation(t, "still running at the end of the event in which its station went down");
                }
            }
            // Parked partial uploads survive an outage of a persistent store; a volatile one loses them.
            if (!w.volatileStore() && w.store().parkedReservations() > 0) {
                increment("parked partial uploads kept through an outage (persistent store)");
            }
            check(w.store().stagedBytes() == (w.volatileStore() ? 0 : w.store().parkedBytes()), null,
                    () -> w.station + " still stages "
                    + w.store().stagedBytes() + " B at the end of the event in which it went down");
            if (w.volatileStore()) {
                check(w.store().committedCopies().isEmpty(), null, () -> w.station + " has a volatile store but"
                        + " still holds " + w.store().committedCopies() + " after going down");
            } else {
                counts.merge("copies kept through an outage (persistent store)",
                        (long) w.store().committedCopies().size(), Long::sum);
            }
        }
    }

    /**
     * Runs the end-of-run checks: nothing changed unseen, every flow ended, no flow left a timer armed,
     * no cell holds a channel, no store keeps anything for a download, no staging space is left.
     */
    void finish() {
        checkStores(null, null, false); // after the last event's end nothing may change
        for (Tracked t : active.values()) {
            violation(t, "started but never ended");
        }
        for (Tracked t : flows.values()) {
            if (t.ended) {
                checkLeftNothing(t, "after the run");
            }
        }
        for (Watched w : stations) {
            check(w.station.cell().busyChannels() == 0, null, () -> w.station + " still holds "
                    + w.station.cell().busyChannels() + " channels after the run");
            StationSide side = service.station(w.station);
            check(side.openSessions() == 0 && !side.sending(), null, () -> w.station + " still has "
                    + side.openSessions() + " open sessions after the run (sending: " + side.sending() + ")");
            check(side.keptForDownloads() == 0, null, () -> w.station + "'s store still keeps something for "
                    + side.keptForDownloads() + " downloads after the run (peer fetch: relayed copies' holders)");
        }
        checkShares(true);
        checkPeerClearsAfterTheRun();
        check(count("flows started") == count("flows ended"), null,
                () -> count("flows started") + " flows started but " + count("flows ended") + " ended");
        for (Watched w : stations) {
            check(w.store().stagedBytes() == 0, null,
                    () -> w.station + " still holds " + w.store().stagedBytes() + " staged bytes after the run");
            check(w.retentionSeconds() == Double.POSITIVE_INFINITY || w.store().committedCopies().isEmpty(), null,
                    () -> w.station + " keeps copies for " + w.retentionSeconds() + " s but still holds "
                            + w.store().committedCopies() + " after the run");
        }
    }

    /** Every violation found, at most {@value #MAX_VIOLATIONS} (then a line saying how many more). */
    List<String> violations() {
        List<String> all = new ArrayList<>(violations);
        if (violationCount > violations.size()) {
            all.add("... and " + (violationCount - violations.size()) + " more");
        }
        return all;
    }

    /** Every violation found, however many. */
    long violationCount() {
        return violationCount;
    }

    /** What the run exercised: outcomes per kind, effects, clears, concurrent flows, password cases. */
    Map<String, Long> counts() {
        return counts;
    }

    // ---- flow events -------------------------------------------------------------------------

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        checkStores(null, null, false);
        Tracked t = new Tracked(flow);
        t.startedWhileDown = flow.station().cell().isDown();
        t.startEvent = event;
        t.attemptStartSeconds = timeSeconds;
        check(!flows.containsKey(flow.id()), t, () -> "started twice");
        check(flow.kind() == FlowKind.BACKUP || !t.heldDataAtStart, t,
                () -> "a download started on a terminal that already holds data");
        // A first backup's enrolment fails only if sealed by another SIM than its number's (docs: enrolment;
        // damage to control messages is not modelled): the lock-out count below has no failed enrolments,
        // which holds as long as every backup comes from its number's own terminal.
        check(flow.kind() == FlowKind.DOWNLOAD || flow.terminal().phoneNumber().equals(flow.addressedNumber()), t,
                () -> "a backup from the terminal of another number, whose enrolment the checker does not model");
        flows.put(flow.id(), t);
        active.put(flow.id(), t);
        increment("flows started");
        if (flow.kind() == FlowKind.DOWNLOAD) {
            // A restore follows the ended backup whose outcome the rule admitted (docs: restore semantics).
            check(restoreAfter == RestoreAfter.ANY || backedUp.contains(flow.addressedNumber()), t,
                    () -> "a restore under restoreAfter " + restoreAfter + " of a number no backup succeeded for");
            increment("restores under restoreAfter " + restoreAfter);
        }
    }

    @Override
    public void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {
        checkStores(null, null, false);
        Tracked t = flows.get(flow.id());
        if (t == null || t.ended) {
            violation(t, "entered " + phase + (t == null ? " without having started" : " after it ended"));
            return;
        }
        if (phase == FlowPhase.REQUEST) {
            // The connection was just established; the flow's request is the next unit on the air.
            t.connected = true;
            t.responded = false;
            t.challenged = false;
            t.requestArrivals.clear();
            t.answerArrivals.clear();
            t.requestStates.clear();
            t.answerStates.clear();
            awaitingRequests.remove(t);
            awaitingRequests.add(t);
            countConcurrency(t);
        } else if (phase == FlowPhase.BACKOFF) {
            // On a shared cell a connection may end before its request left its share (discarded, never on
            // the air): the flow no longer awaits it, and a later request of its number is another flow's.
            awaitingRequests.remove(t);
            connectionEnded(t);
            t.backoffs++;
            increment("back-offs");
            check(resume.reconnects() && t.attempts < resume.attempts(), t, () -> "backs off after attempt "
                    + t.attempts + " with " + resume);
            if (!t.connected) {
                // The attempt got no connection: only a configured access retry backs off then.
                t.accessRetries++;
                increment("access retries");
                check(resume.retryAccess(), t, () -> "backs off after an attempt without a connection with " + resume);
            }
        } else if (phase == FlowPhase.SETUP) {
            // A reconnection: a new attempt, judged like a flow that starts now.
            t.attempts++;
            check(t.attempts == t.backoffs + 1, t, () -> "attempt " + t.attempts + " after " + t.backoffs
                    + " back-offs");
            t.startedWhileDown = flow.station().cell().isDown();
            t.startEvent = event;
            t.attemptStartSeconds = timeSeconds;
            t.releaseEvent = -1;
            t.connected = false;
            increment("reconnections");
            return;
        } else if (phase == FlowPhase.TRANSFER) {
            t.transferSeconds = timeSeconds;
        } else if (phase == FlowPhase.RELEASE) {
            t.releaseEvent = event; // the terminal decided its outcome
        }
        check(phase == FlowPhase.BACKOFF || !flow.station().cell().isDown(), t,
                () -> "entered " + phase + " while its station is down");
    }

    /** The oldest flow awaiting its request that {@code request} on {@code connection} opens; null if none. */
    private Tracked awaitingRequest(Connection<?> connection, Message.Request request) {
        for (Tracked t : awaitingRequests) {
            if (t.flow.station().cell() == connection.cell() && t.flow.kind() == request.kind()
                    && t.flow.addressedNumber().equals(request.phoneNumber())) {
                return t;
            }
        }
        return null;
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        Tracked t = flows.get(flow.id());
        awaitingRequests.remove(t);
        if (t != null && !t.ended) {
            connectionEnded(t);
        }
        deciding.remove(t);
        checkStores(t, record, false);
        if (t == null || t.ended) {
            violation(t, t == null ? "ended without having started" : "ended twice");
            return;
        }
        t.ended = true;
        active.remove(flow.id());
        endedInEvent.add(t);
        checkLeftNothing(t, "as it ended");
        increment("flows ended");
        increment("outcome " + record.kind() + " " + record.outcome());
        increment("effect " + record.kind() + " " + record.stationEffect());
        checkRecordMatchesFlow(t, record);
        check(record.attempts() == t.attempts && record.attempts() <= resume.attempts()
                && record.phaseTimes().entered(FlowPhase.BACKOFF) == (t.attempts > 1), t,
                () -> "record says " + record.attempts() + " attempts, the checker saw " + t.attempts + " (allowed "
                        + resume.attempts() + "), BACKOFF entered: " + record.phaseTimes().entered(FlowPhase.BACKOFF));
        if (t.attempts > 1) {
            increment("flows with more than one attempt, " + record.outcome());
        }
        check(record.accessRetries() == t.accessRetries, t, () -> "record says " + record.accessRetries()
                + " access retries, the checker saw " + t.accessRetries);
        boolean refused = record.outcome() == FlowOutcome.BLOCKED || record.outcome() == FlowOutcome.ACCESS_FAILED;
        check(!refused || !resume.retryAccess() || record.attempts() == resume.attempts(), t,
                () -> "ended " + record.outcome() + " after " + record.attempts() + " attempts with " + resume);
        if (refused && record.accessRetries() > 0) {
            increment("flows refused after access retries");
        }
        checkStationView(t, record);
        checkOutage(t, record);
        if (record.outcome() == FlowOutcome.ACCESS_FAILED) {
            increment("access failures");
            check(!t.connected && record.endPhase() == FlowPhase.SETUP
                    && watched(t).station.config().airInterface().randomAccess().enabled(), t,
                    () -> "ACCESS_FAILED after a connection, in " + record.endPhase() + ", or without random access");
        }
        if (flow.station().config().airInterface().capacity() instanceof CellCapacity.Shared shared) {
            increment("flows on shared cells, " + SchedulingPolicies.nameOf(shared.policy()));
            if (shared.uplinkBitsPerSecond() < flow.station().config().airInterface().uplink().rateBitsPerSecond()) {
                increment("flows on shared cells whose uplink is below a terminal's rate");
            }
            if (record.outcome() == FlowOutcome.BLOCKED) {
                increment("flows blocked at a shared cell's cap");
            }
        }
        if (record.kind() == FlowKind.BACKUP) {
            if (record.outcome().isSuccess()) {
                backedUp.add(flow.addressedNumber());
            }
            checkBackupEnd(t, record);
        } else {
            checkDownloadEnd(t, record);
        }
        if (faulted(t, record)) {
            increment(FAULTED);
        }
    }

    /** True if the flow met a fault (see the class comment). */
    private boolean faulted(Tracked t, FlowRecord record) {
        FlowOutcome outcome = record.outcome();
        return t.faulted || t.startedWhileDown || t.flow.station().cell().isDown()
                || record.uplink().unitsLost() + record.downlink().unitsLost() > 0
                || record.uplink().unitsCorrupted() + record.downlink().unitsCorrupted() > 0
                || record.attempts() > 1
                || outcome == FlowOutcome.LINK_DROPPED || outcome == FlowOutcome.SETUP_FAILED
                || outcome == FlowOutcome.STATION_DOWN || outcome == FlowOutcome.ACCESS_FAILED
                || outcome == FlowOutcome.STORE_UNAVAILABLE;
    }

    /**
     * An ended flow left nothing that can still act: no control retry pending on the terminal, no ARQ
     * sender of either end waiting for acknowledgements (their timers, posted without a handle, then
     * find themselves disarmed and do nothing).
     */
    private void checkLeftNothing(Tracked t, String when) {
        check(!t.flow.timersArmed(), t, () -> "still has a timer armed " + when);
        StationSide side = service.station(t.flow.station());
        for (Map.Entry<Connection<?>, Tracked> e : byConnection.entrySet()) {
            if (e.getValue() == t) {
                check(!side.servesSessionOn(e.getKey()), t,
                        () -> "its station still serves a session on " + e.getKey() + " " + when);
                check(!side.sendingOn(e.getKey()), t,
                        () -> "still has a timer armed at its station, on " + e.getKey() + ", " + when);
            }
        }
    }

    /**
     * No cell holds more channels than its station's flows that are not backing off: a channel is held
     * by one attempt in set-up or one connection, each of a flow that has not ended. Each larger excess
     * is reported once, not at every event it lasts.
     */
    /**
     * A shared cell's directions: every unit that departed from a queue went on the air once (the
     * direction's departed units are the units the air listener was told of); no queue is open without a
     * connection holding a channel, none holds a unit it has not opened; after the run ({@code finished})
     * no queue is open.
     */
    private void checkShares(boolean finished) {
        for (Watched w : stations) {
            RadioCell cell = w.station.cell();
            for (Side side : Side.values()) {
                long onAir = w.unitsOnAir.getOrDefault(side, 0L);
                cell.shareStatistics(side).ifPresent(s -> check(s.departedUnits() == onAir, null,
                        () -> w.station + " " + side + ": " + s.departedUnits() + " units departed from its share"
                                + " but " + onAir + " went on the air"));
            }
            String problem = ShareProbe.queueProblem(cell, finished);
            check(problem == null, null, () -> w.station + " " + problem);
        }
    }

    private void checkChannels() {
        for (Watched w : stations) {
            int busy = w.station.cell().busyChannels();
            if (busy == 0) {
                continue;
            }
            int holders = 0;
            for (Tracked t : active.values()) {
                if (t.flow.station() == w.station && t.flow.phase() != FlowPhase.BACKOFF) {
                    holders++;
                }
            }
            if (busy - holders > w.excessChannelsReported) {
                w.excessChannelsReported = busy - holders;
                violation(null, w.station + " holds " + busy + " channels but only " + holders
                        + " of its flows are under way");
            }
        }
    }

    /**
     * Invariant 7: STATION_DOWN exactly when the station is down — at once for an attempt while down,
     * at the outage's event for a flow under way; an outcome decided before the outage (in RELEASE)
     * stays, and no other flow ends while its station is down.
     */
    private void checkOutage(Tracked t, FlowRecord record) {
        Watched w = watched(t);
        FlowOutcome outcome = record.outcome();
        boolean down = w.station.cell().isDown();
        boolean atTheOutage = down && w.downEvent == event;
        if (t.startedWhileDown) {
            increment("attempts while the station is down");
            check(event == t.startEvent && record.endSeconds() == t.attemptStartSeconds
                    && (outcome == FlowOutcome.STATION_DOWN || outcome == FlowOutcome.PASSWORD_NOT_ENTERED), t,
                    () -> "started while its station is down but ended " + outcome + " at " + record.endSeconds()
                            + " s (attempt started " + t.attemptStartSeconds + " s), not STATION_DOWN at once");
        }
        if (outcome == FlowOutcome.STATION_DOWN) {
            check(down, t, () -> "ended STATION_DOWN while its station is up");
            check(t.startedWhileDown || atTheOutage, t, () -> "ended STATION_DOWN while its station is down, but"
                    + " neither at once nor in the event the station went down (event " + w.downEvent + ", now "
                    + event + ")");
            check(t.releaseEvent < 0, t, () -> "ended STATION_DOWN although it had decided its outcome (entered"
                    + " RELEASE) before");
            if (atTheOutage) {
                increment("flows ended by an outage, " + record.endPhase());
                if (record.endPhase() == FlowPhase.SETUP && now() < firstAccessSlotSeconds(t)) {
                    increment("flows ended by an outage while waiting for their first access slot");
                }
            }
        } else if (down && outcome != FlowOutcome.PASSWORD_NOT_ENTERED) {
            boolean decidedBefore = t.releaseEvent >= 0 && t.releaseEvent < w.downEvent
                    && record.endPhase() == FlowPhase.RELEASE;
            check(atTheOutage && decidedBefore, t, () -> "ended " + outcome + " while its station is down"
                    + (atTheOutage ? " (at the outage)" : "") + ", without having decided that outcome before the"
                    + " outage (entered RELEASE in event " + t.releaseEvent + ", station down in event "
                    + w.downEvent + ")");
            increment("flows ended by an outage with the outcome decided before it");
            if (outcome.isSuccess()) {
                increment("successes ended by an outage during release");
            }
        }
    }

    /**
     * When the first access slot after the start of the flow's current attempt begins (docs: random
     * access), before which it cannot have seized a channel; minus infinity without random access (no
     * attempt waits for a slot).
     */
    private double firstAccessSlotSeconds(Tracked t) {
        RandomAccessConfig access = t.flow.station().config().airInterface().randomAccess();
        if (!access.enabled()) {
            return Double.NEGATIVE_INFINITY;
        }
        return ((long) Math.floor(t.attemptStartSeconds / access.slotSeconds()) + 1) * access.slotSeconds();
    }

    private void checkRecordMatchesFlow(Tracked t, FlowRecord record) {
        Flow flow = t.flow;
        check(record.flowId() == flow.id() && record.kind() == flow.kind()
                && record.addressedNumber().equals(flow.addressedNumber())
                && record.stationId().equals(flow.station().id()), t, () -> "its record names another flow: " + record);
        check(record.endSeconds() == now(), t, () -> "record ends at " + record.endSeconds() + " but was reported at "
                + now());
    }

    /** Invariant 6: the station's view differs from the terminal's only in the documented ways. */
    private void checkStationView(Tracked t, FlowRecord record) {
        StationEffect effect = record.stationEffect();
        boolean allowed = record.kind() == FlowKind.BACKUP
                ? effect == StationEffect.NONE || effect == StationEffect.COMMITTED
                : effect == StationEffect.NONE || effect == StationEffect.CONFIRMED || effect == StationEffect.CLEARED;
        check(allowed, t, () -> "a " + record.kind() + " cannot have station effect " + effect);
        if (record.stationViewDiffers()) {
            increment("station view differs");
            increment("station view differs " + record.kind() + " " + record.outcome() + " " + effect);
        }
        if (record.outcome().isSuccess()) {
            check(effect != StationEffect.NONE, t,
                    () -> "SUCCESS although the station did nothing (it must have committed or confirmed)");
        }
    }

    /** Invariants 2 and 6 for backups: COMMITTED exactly when this flow's commit was seen. */
    private void checkBackupEnd(Tracked t, FlowRecord record) {
        boolean committed = record.stationEffect() == StationEffect.COMMITTED;
        check(committed == (t.committedVersion != null), t, () -> "record says " + record.stationEffect()
                + " but the checker saw " + (t.committedVersion == null ? "no commit" : "commit of version "
                + t.committedVersion));
        if (record.outcome() == FlowOutcome.INTEGRITY_MISMATCH) {
            check(!committed && t.committedVersion == null, t, () -> "INTEGRITY_MISMATCH but the backup committed ("
                    + record.stationEffect() + ", version " + t.committedVersion + ")");
        }
        if ((record.outcome() == FlowOutcome.AUTH_REJECTED || record.outcome() == FlowOutcome.STORAGE_FULL)
                && record.attempts() == 1) {
            check(record.data().framesSent() == 0, t, () -> "rejected with " + record.outcome() + " but "
                    + record.data().framesSent() + " data frames were sent");
        }
    }

    /** Invariants 3, 4, 5 and 6 for downloads. */
    private void checkDownloadEnd(Tracked t, FlowRecord record) {
        Optional<UserData> held = t.flow.terminal().userData();
        StationEffect effect = record.stationEffect();
        FlowOutcome outcome = record.outcome();
        if (outcome == FlowOutcome.AUTH_REJECTED || outcome == FlowOutcome.NO_BACKUP
                || outcome == FlowOutcome.COPY_ELSEWHERE) {
            // An earlier attempt of a reconnecting flow may have been accepted; its data was never stored.
            check(record.attempts() > 1 || t.dataFramesToTerminal == 0 && record.data().framesSent() == 0, t,
                    () -> outcome + " but " + t.dataFramesToTerminal + " data frames went on the air to it (record: "
                            + record.data().framesSent() + ")");
            check(held.isEmpty(), t, () -> outcome + " but its terminal holds " + held.get());
            check(record.attempts() > 1 || t.handedOver == null, t,
                    () -> outcome + " but the station handed over a copy");
        }
        if (outcome == FlowOutcome.INTEGRITY_MISMATCH) {
            check(held.isEmpty(), t, () -> "INTEGRITY_MISMATCH but its terminal stored " + held.get());
            check(effect == StationEffect.NONE && !t.clearSeen, t, () -> "INTEGRITY_MISMATCH but the station's effect"
                    + " is " + effect + (t.clearSeen ? " and it cleared the copy" : ""));
        }
        if (held.isPresent()) {
            check(t.handedOver != null && held.get().equals(t.handedOver.data()), t,
                    () -> "its terminal holds " + held.get() + ", not the copy handed over: " + t.handedOver);
        }
        if (effect == StationEffect.CONFIRMED || effect == StationEffect.CLEARED) {
            check(held.isPresent(), t, () -> "the station confirmed (" + effect + ") but the terminal holds no data");
        }
        if (outcome.isSuccess()) {
            increment("successful downloads checked");
            check(t.handedOver != null, t, () -> "SUCCESS without an accepted response");
            if (t.handedOver != null) {
                StoredBackup copy = t.handedOver;
                check(held.equals(Optional.of(copy.data())), t,
                        () -> "SUCCESS but the terminal holds " + held + " instead of " + copy.data());
                check(copy.committedAtSeconds() <= t.transferSeconds, t, () -> "got copy v" + copy.version()
                        + " committed at " + copy.committedAtSeconds() + " s, after its transfer started at "
                        + t.transferSeconds + " s");
                Origin origin = t.holder.origins.get(copy.version());
                check(origin != null && Objects.equals(origin.password(), t.password), t,
                        () -> "SUCCESS with password '" + t.password + "' but copy v" + copy.version()
                                + " was committed by " + origin);
            }
        }
        Watched w = watched(t);
        if (effect == StationEffect.CLEARED) {
            check(w.station.config().clearAfterDownload(), t, () -> "CLEARED at a station that does not clear");
            check(t.clearSeen, t, () -> "record says CLEARED but no copy disappeared when it ended");
        }
        if (effect == StationEffect.CONFIRMED && w.station.config().clearAfterDownload() && t.handedOver != null
                && t.holder != w) {
            // Fetched from another station: the clear crosses the backhauls and reaches the holder later.
            t.endSeconds = now();
            t.holderDownAtEnd = t.holder.down;
            peerClears.add(t);
            increment("confirmed downloads of a copy fetched from another station");
        } else if (effect == StationEffect.CONFIRMED && w.station.config().clearAfterDownload() && t.handedOver != null) {
            long handed = t.handedOver.version();
            Optional<StoredBackup> current = w.store().find(t.flow.addressedNumber());
            check(current.map(c -> c.version() != handed).orElse(true), t, () -> "CONFIRMED but not CLEARED although"
                    + " the copy handed over (v" + handed + ") is still stored and the station clears");
            increment("confirmed, not cleared: copy replaced, cleared, expired or lost meanwhile");
        }
    }

    private void countConcurrency(Tracked t) {
        for (Tracked other : active.values()) {
            if (other != t && other.connected && other.flow.kind() != t.flow.kind()
                    && other.sameNumberAt(t.flow.station().id(), t.flow.addressedNumber())) {
                increment("concurrent backup and download of one number");
                return;
            }
        }
    }

    // ---- the air -------------------------------------------------------------------------------

    @Override
    public void unitSent(Connection<?> connection, Side sender, Object unit, int bytes, double departureSeconds,
            boolean lost) {
        checkStores(null, null, false);
        Tracked owner = byConnection.get(connection);
        if (owner == null && sender == Side.TERMINAL && unit instanceof Message.Request request) {
            owner = awaitingRequest(connection, request);
            if (owner != null) {
                awaitingRequests.remove(owner);
                byConnection.put(connection, owner);
            }
        }
        if (owner == null) {
            violation(null, unit + " from " + sender + " on " + connection + ", which no flow opened");
            return;
        }
        Tracked t = owner;
        watched(t).unitsOnAir.merge(sender, 1L, Long::sum);
        check(!t.flow.station().cell().isDown(), t, () -> unit + " from " + sender + " went on the air of a station"
                + " that is down");
        if (challengeResponse() && t.password != null) {
            check(!String.valueOf(unit).contains(t.password), t, () -> "under challenge-response the typed password"
                    + " went on the air: " + unit + " from " + sender);
        }
        if (unit instanceof Message.RepairRequest) {
            increment("repair requests on the air");
        }
        if (sender == Side.TERMINAL && !lost && !t.responded && shared(t)
                && (unit instanceof Message.Request || unit instanceof Message.ChallengeResponse)) {
            double arrival = departureSeconds + t.flow.station().config().airInterface().uplink().propagationDelaySeconds();
            (unit instanceof Message.Request ? t.requestArrivals : t.answerArrivals).add(arrival);
            if (!deciding.contains(t)) {
                deciding.add(t);
            }
        }
        if (unit instanceof DataFrame frame && sender == Side.STATION && frame.round() > 0
                && t.flow.phase() == FlowPhase.COMPLETE) {
            t.repairFrameAfterComplete = true;
        }
        if (unit instanceof Message.StationComplete && lost && t.repairFrameAfterComplete) {
            increment("downloads sent a repair frame after their complete, then the station's complete lost");
        }
        if (unit instanceof Challenge && sender == Side.STATION) {
            increment("challenges on the air");
            check(challengeResponse(), t, () -> "a Challenge under " + auth.mode());
            check(!t.responded, t, () -> "a Challenge after the station's response");
            t.challenged = true;
        }
        if (unit instanceof BackupRequest request) {
            check(request.phoneNumber().equals(t.flow.addressedNumber()) && request.data().equals(t.backupData)
                    && Objects.equals(request.password(), challengeResponse() ? null : t.password), t,
                    () -> "sent a request not its own: " + request);
        } else if (unit instanceof DownloadRequest request) {
            check(request.phoneNumber().equals(t.flow.addressedNumber())
                    && Objects.equals(request.password(), challengeResponse() ? null : t.password),
                    t, () -> "sent a request not its own: " + request);
        } else if (unit instanceof BackupResponse response && !t.responded) {
            t.responded = true;
            decided(t, state -> explainsBackup(t, response.admission(), state),
                    state -> checkBackupAdmission(t, response.admission(), state));
            checkBackupResume(t, response);
        } else if (unit instanceof DownloadResponse response && !t.responded) {
            t.responded = true;
            checkDownloadResume(t, response);
            decided(t, state -> explainsDownload(response, state), state -> checkDownloadAdmission(t, response, state));
        } else if (unit instanceof DataFrame && sender == Side.TERMINAL) {
            watched(t).lastUpload.put(t.flow.addressedNumber(), t.backupData);
        } else if (unit instanceof DataFrame && sender == Side.STATION) {
            t.dataFramesToTerminal++;
            check(t.flow.kind() == FlowKind.DOWNLOAD && t.handedOver != null, t,
                    () -> "the station sent a data frame without having accepted a download");
        }
    }

    /**
     * The station's first answer to a backup request is decided in the same event as it is sent, so
     * the store is as the station saw it.
     */
    private void checkBackupAdmission(Tracked t, Admission admission, StoreState state) {
        Watched w = watched(t);
        PhoneNumber number = t.flow.addressedNumber();
        Optional<StoredBackup> existing = state.existing();
        boolean passwordMatches = existing.map(c -> c.verifier().matches(number, t.password)).orElse(true);
        existing.ifPresent(c -> checkVerifierAgreesWithOrigin(t, w, c));
        if (checkedWhileLocked(t, w, admission, existing, passwordMatches)) {
            return;
        }
        existing.ifPresent(c -> attempted(w, number, passwordMatches));
        if (admission == Admission.AUTH_REJECTED) {
            increment("backups rejected for their password");
            check(existing.isPresent() && !passwordMatches, t,
                    () -> "AUTH_REJECTED although its password matches the stored copy's (or none is stored)");
        } else if (admission == Admission.STORAGE_FULL) {
            check(passwordMatches && t.backupData.sizeBytes() > state.freeBytes(), t,
                    () -> "STORAGE_FULL although " + t.backupData.sizeBytes() + " B fit in "
                            + state.freeBytes() + " B free");
        } else if (admission == Admission.ACCEPTED) {
            check(passwordMatches, t, () -> "accepted with password '" + t.password
                    + "', which does not match the stored copy's");
        } else {
            violation(t, "a backup answered with " + admission);
        }
    }

    /**
     * Resume: a backup resumes from a frame other than 0 only with resume on, and only the upload of
     * the same data that last sent data frames to this station under the number (so a partial upload of
     * other data is never continued).
     */
    private void checkBackupResume(Tracked t, BackupResponse response) {
        if (response.resumeFromFrame() == 0) {
            return;
        }
        increment("backups resumed from a partial upload");
        UserData last = watched(t).lastUpload.get(t.flow.addressedNumber());
        check(resume.fromOffset() && response.admission() == Admission.ACCEPTED && t.backupData.equals(last), t,
                () -> "resumed from frame " + response.resumeFromFrame() + " (" + response.admission() + ", "
                        + resume + ") but the last upload of the number carried " + last);
    }

    /** Resume: a download starts past frame 0 only with resume on, on the object it was receiving before. */
    private void checkDownloadResume(Tracked t, DownloadResponse response) {
        if (response.admission() == Admission.ACCEPTED && response.startFrame() > 0) {
            increment("downloads resumed");
            check(resume.fromOffset() && response.data().equals(t.announced), t, () -> "resumed at frame "
                    + response.startFrame() + " of " + response.data() + " but was receiving " + t.announced);
        }
        if (response.admission() == Admission.ACCEPTED) {
            t.announced = response.data();
        }
    }

    /** Invariants 3 and 5 at the moment the station decides a download. */
    private void checkDownloadAdmission(Tracked t, DownloadResponse response, StoreState state) {
        Watched w = watched(t);
        PhoneNumber number = t.flow.addressedNumber();
        Optional<StoredBackup> existing = state.existing();
        existing.ifPresent(c -> checkVerifierAgreesWithOrigin(t, w, c));
        Admission admission = response.admission();
        if (admission == Admission.AUTH_REJECTED) {
            check(response.data() == null, t, () -> "a rejection announced data");
        }
        // Peer fetch decides on the newest holder's copy when another station's is newer than this one's
        // (or this one holds none); an answer the station's own copy cannot explain came across too, from
        // a holder whose copy changed while the look-up crossed the backhauls.
        if (peerFetch && (state.elsewhere() || !explainsDownload(response, state))) {
            if (existing.isPresent()) {
                increment("downloads decided across the backhaul at a station with an older copy");
            }
            checkPeerAdmission(t, w, response);
            return;
        }
        boolean passwordMatches = existing.map(c -> c.verifier().matches(number, t.password)).orElse(true);
        if (existing.isPresent() && !passwordMatches) {
            increment("downloads with a password other than the committing backup's");
            check(admission == Admission.AUTH_REJECTED, t, () -> "wrong password '" + t.password
                    + "' but the station answered " + admission);
        }
        if (checkedWhileLocked(t, w, admission, existing, passwordMatches)) {
            return;
        }
        existing.ifPresent(c -> attempted(w, number, passwordMatches));
        if (admission == Admission.ACCEPTED) {
            check(existing.isPresent() && existing.get().data().equals(response.data()), t,
                    () -> "accepted, announcing " + response.data() + ", but the stored copy is " + existing);
            existing.ifPresent(c -> {
                t.handedOver = c;
                t.holder = w;
            });
        } else if (admission == Admission.AUTH_REJECTED) {
            increment("downloads rejected for their password");
            check(existing.isPresent(), t, () -> "AUTH_REJECTED although nothing is stored");
        } else if (admission == Admission.NO_BACKUP) {
            check(existing.isEmpty(), t, () -> "NO_BACKUP although " + existing.get() + " is stored");
            check(!state.elsewhere(), t, () -> "NO_BACKUP although another station holds a copy");
            increment("downloads NO_BACKUP, " + w.lastRemoval.getOrDefault(number, "never stored"));
        } else if (admission == Admission.COPY_ELSEWHERE) {
            check(existing.isEmpty() && state.elsewhere(), t,
                    () -> "COPY_ELSEWHERE but " + (existing.isPresent() ? "its station holds " + existing.get()
                            : "no other station holds a copy"));
            increment("downloads COPY_ELSEWHERE");
        } else {
            violation(t, "a download answered with " + admission);
        }
    }

    /**
     * Peer fetch: a download at a station without a copy, or with one older than another station's, is
     * decided across the backhauls, after the holder
     * answered, at moments the checker does not see. An ACCEPTED one announces data committed under the
     * number at another station (the latest such copy is the one handed over), by a backup that typed
     * this flow's password; a refusal is one peer fetch can give (a password other than the holder's copy's
     * or a lock, no copy left, the holder asked no longer holding it, or a holder or backhaul down). The
     * station counts the attempt when the holder's look-up answer arrives, in the network's one count: the
     * events' count ({@link LockoutModel}) checks it, whether its answer goes on the air or not.
     */
    private void checkPeerAdmission(Tracked t, Watched w, DownloadResponse response) {
        PhoneNumber number = t.flow.addressedNumber();
        Admission admission = response.admission();
        increment("downloads decided across the backhaul, " + admission);
        if (admission == Admission.ACCEPTED) {
            Watched holder = null;
            StoredBackup copy = null;
            for (Watched other : stations) {
                for (StoredBackup c : other.committed.values()) {
                    if (other != w && c.phoneNumber().equals(number) && c.data().equals(response.data())
                            && (copy == null || c.committedAtSeconds() > copy.committedAtSeconds())) {
                        holder = other;
                        copy = c;
                    }
                }
            }
            if (copy == null) {
                violation(t, "accepted across the backhaul, announcing " + response.data()
                        + ", which no other station committed under " + number);
                return;
            }
            StoredBackup handed = copy;
            checkVerifierAgreesWithOrigin(t, holder, handed);
            check(handed.verifier().matches(number, t.password), t, () -> "accepted across the backhaul with password '"
                    + t.password + "', which does not match the holder's copy v" + handed.version());
            t.handedOver = handed;
            t.holder = holder;
        } else if (admission == Admission.STORAGE_FULL) {
            violation(t, "a download answered across the backhaul with " + admission);
        }
    }

    /**
     * Lock-out (docs: "Authentication and lock-out"): a request that arrives while its number is locked
     * is AUTH_REJECTED whatever is stored and whatever was typed, and is no attempt. The checker keeps
     * its own count from the station's answers: a wrong password on a stored copy is a failed attempt,
     * a right one resets the count, and {@code maxFailedAttempts} failures in a row lock the number for
     * {@code lockoutSeconds} (the count starting again). Under challenge-response the lock is checked
     * when the request arrives and again when its answer arrives (a number locked by another flow's
     * failure in between rejects the answer): the station's admission is that second check, so the lock
     * is read at the time of the admission either way. Returns true if the flow was
     * answered as a locked number (then the caller's other admission checks do not apply).
     */
    private boolean checkedWhileLocked(Tracked t, Watched w, Admission admission, Optional<StoredBackup> existing,
            boolean passwordMatches) {
        PhoneNumber number = t.flow.addressedNumber();
        boolean rejectedAsLocked = admission == Admission.AUTH_REJECTED && (existing.isEmpty() || passwordMatches);
        boolean locked;
        if (peerFetch) {
            LockoutModel.Lock lock = lockouts.lockAt(w.station.id(), number, admissionNow());
            if (lock == LockoutModel.Lock.AT_ITS_START && rejectedAsLocked) {
                // Decided at the instant another decision locked the number, after it (before it, it
                // would have been a success or a failure, which the events' count checks).
                increment("right-password rejections at the instant of their number's lock-out");
            }
            locked = lock == LockoutModel.Lock.AT_ITS_START ? rejectedAsLocked : lock == LockoutModel.Lock.LOCKED;
        } else {
            locked = admissionNow() < w.lockedUntil.getOrDefault(number, Double.NEGATIVE_INFINITY);
        }
        if (lockOrderUnknown && locked != rejectedAsLocked) {
            // The checker counts failures in the order the answers leave, the station in the order it
            // decided: with another decision on the number whose answer is still waiting, or one seen
            // already but decided later, the two orders may differ, and so may the lock.
            increment("admissions on shared cells whose lock-out the checker cannot order");
            return true;
        }
        if (!peerFetch && w.countUnknown.contains(number) && locked != rejectedAsLocked) {
            increment("admissions whose lock-out count the checker cannot know");
            if (admission != Admission.AUTH_REJECTED && existing.isPresent()) {
                attempted(w, number, true); // authenticated on the stored copy: the station's count restarts
            }
            return true;
        }
        if (!locked) {
            return false;
        }
        increment("requests while locked");
        if (t.challenged) {
            increment("challenged requests whose number was locked before their answer");
        }
        t.faulted = true;
        check(admission == Admission.AUTH_REJECTED, t, () -> "answered " + admission + " while its number is locked"
                + (peerFetch ? " in the network's count" : " until " + w.lockedUntil.get(number) + " s"));
        if (admission == Admission.AUTH_REJECTED && (existing.isEmpty() || passwordMatches)) {
            increment("right-password rejections while locked");
            increment("right-password rejections while locked, " + t.flow.kind()
                    + (existing.isEmpty() ? ", nothing stored" : ""));
            // The loose form: at least maxFailedAttempts failed attempts on the number at this station
            // before, the latest within the preceding lockoutSeconds (under peer fetch the events' count,
            // exact, said it was locked, and checks its lock-outs itself).
            List<Double> failures = w.failureTimes.getOrDefault(number, List.of());
            if (!peerFetch) {
                check(auth.maxFailedAttempts() > 0 && failures.size() >= auth.maxFailedAttempts()
                        && admissionNow() - failures.get(failures.size() - 1) < auth.lockoutSeconds(), t,
                        () -> "rejected with the right password (or nothing stored) after only " + failures
                                + " failed attempts, with " + auth);
            }
        }
        return true;
    }

    /**
     * The flow's connection ended (the flow ended or backs off). On a shared cell the station's first
     * answer waits for its share, and the connection may end before it leaves: the answer is discarded
     * unsent, but the station decided when the request (or, under a challenge, its answer) arrived, and a
     * wrong password or proof on a stored copy counted toward the lock-out all the same (docs: "Authentication
     * and lock-out"; an attempt does not need its answer to reach the terminal). The checker counts that
     * decision's attempt as the station did, at the state it saw; nothing else of it can be checked.
     * Under a challenge a request answered by no challenge on the air was challenged or refused as
     * locked, neither of which is an attempt. The checker is not told of a unit that the frame check
     * discarded (uplink corruption): then it cannot know that the station decided at all; nor can it when
     * the candidate states differ or the order of decisions is unknown. The attempt is then counted as
     * if decided and the number's count marked unknown ({@link Watched#countUnknown}).
     */
    private void connectionEnded(Tracked t) {
        if (!t.connected || t.responded || !shared(t)
                || (challengeResponse() ? !t.challenged || t.answerStates.isEmpty() : t.requestStates.isEmpty())) {
            return;
        }
        List<StoreState> states = t.challenged ? t.answerStates : t.requestStates;
        boolean oneState = states.stream().allMatch(other -> other.sameAs(states.get(0)));
        boolean discardable = t.flow.station().config().airInterface().uplink().corruption().enabled();
        decided(t, state -> true, state -> {
            Watched w = watched(t);
            PhoneNumber number = t.flow.addressedNumber();
            if (discardable || !oneState || lockOrderUnknown) {
                increment("decisions on shared cells never answered, which the checker cannot be sure of");
                w.countUnknown.add(number);
            } else {
                increment("decisions on shared cells never answered");
            }
            if (admissionNow() >= w.lockedUntil.getOrDefault(number, Double.NEGATIVE_INFINITY)) {
                state.existing().ifPresent(c -> attempted(w, number, c.verifier().matches(number, t.password)));
            }
        });
        t.requestStates.clear(); // counted once, though the flow may end while backing off
        t.answerStates.clear();
    }

    /**
     * Records an attempt on a stored copy in the checker's lock-out count; under peer fetch the events'
     * count holds every attempt, those decided across the backhaul too.
     */
    private void attempted(Watched w, PhoneNumber number, boolean matches) {
        if (peerFetch) {
            return;
        }
        if (matches) {
            // Authenticated, so not locked at the station: its count restarts, known again.
            w.failuresInARow.remove(number);
            w.lockedUntil.remove(number);
            w.countUnknown.remove(number);
            return;
        }
        w.failureTimes.computeIfAbsent(number, n -> new ArrayList<>()).add(admissionNow());
        if (auth.maxFailedAttempts() == 0) {
            return;
        }
        int failures = w.failuresInARow.merge(number, 1, Integer::sum);
        if (failures >= auth.maxFailedAttempts()) {
            w.failuresInARow.remove(number);
            w.lockedUntil.put(number, admissionNow() + auth.lockoutSeconds());
            increment("lock-outs");
        }
    }

    private void checkVerifierAgreesWithOrigin(Tracked t, Watched w, StoredBackup copy) {
        Origin origin = w.origins.get(copy.version());
        check(origin != null, t, () -> "copy v" + copy.version() + " was never seen committed");
        if (origin != null) {
            boolean samePassword = Objects.equals(origin.password(), t.password);
            check(copy.verifier().matches(copy.phoneNumber(), t.password) == samePassword, t,
                    () -> "the verifier of copy v" + copy.version() + " disagrees with the password of "
                            + origin + " for typed '" + t.password + "'");
        }
    }

    // ---- the stores ----------------------------------------------------------------------------

    /**
     * Notes each station going down or up, then compares every store with its snapshot. {@code ending}
     * is the flow whose flowEnded is being reported (null at other callbacks): the only flow that may
     * have just cleared a copy. {@code eventEnd} is true at the end of an event: the only moment an
     * expiry or an outage's loss can be seen.
     */
    private void checkStores(Tracked ending, FlowRecord endingRecord, boolean eventEnd) {
        for (Watched w : stations) {
            boolean down = w.station.cell().isDown();
            if (down && !w.down) {
                for (Tracked t : active.values()) {
                    if (t.flow.station() == w.station) {
                        t.faulted = true; // alive when its station went down
                    }
                }
                w.downEvent = event;
                w.downSeconds = now();
                increment("outages");
                increment(w.volatileStore() ? "outages of volatile stores" : "outages of persistent stores");
            }
            w.down = down;
            BackupStore store = w.store();
            Map<PhoneNumber, StoredBackup> current = new TreeMap<>();
            long bytes = 0;
            for (StoredBackup copy : store.committedCopies()) {
                check(current.put(copy.phoneNumber(), copy) == null, null,
                        () -> w.station + " holds two copies of " + copy.phoneNumber());
                bytes += copy.data().sizeBytes();
            }
            long committedBytes = bytes;
            check(committedBytes == store.committedBytes() && store.stagedBytes() >= 0 && store.freeBytes() >= 0,
                    null, () -> w.station + " accounts " + store.committedBytes() + " committed (copies hold "
                            + committedBytes + "), " + store.stagedBytes() + " staged, " + store.freeBytes()
                            + " free");
            for (StoredBackup copy : current.values()) {
                check(now() <= copy.committedAtSeconds() + w.retentionSeconds(), null, () -> w.station + " still holds"
                        + " copy v" + copy.version() + " of " + copy.phoneNumber() + " committed at "
                        + copy.committedAtSeconds() + " s, past its retention of " + w.retentionSeconds() + " s");
                StoredBackup previous = w.snapshot.get(copy.phoneNumber());
                if (previous == copy) {
                    continue;
                }
                if (previous != null && previous.version() == copy.version()) {
                    violation(null, w.station + " changed copy v" + copy.version() + " of " + copy.phoneNumber()
                            + " in place: " + previous + " -> " + copy);
                } else {
                    onCommit(w, copy);
                }
            }
            for (StoredBackup gone : w.snapshot.values()) {
                if (!current.containsKey(gone.phoneNumber())) {
                    onDisappear(w, gone, ending, endingRecord, eventEnd);
                }
            }
            w.snapshot = current;
        }
    }

    /** Invariant 2: a new copy is exactly the data of the one backup of that number now completing. */
    private void onCommit(Watched w, StoredBackup copy) {
        increment("commits");
        PhoneNumber number = copy.phoneNumber();
        check(copy.version() > w.lastVersion, null, () -> w.station + ": copy of " + number + " has version "
                + copy.version() + ", not above the last version " + w.lastVersion);
        w.lastVersion = Math.max(w.lastVersion, copy.version());
        w.committed.put(copy.version(), copy);
        check(copy.committedAtSeconds() == now(), null, () -> w.station + ": copy v" + copy.version()
                + " says committed at " + copy.committedAtSeconds() + " s but appeared at " + now() + " s");
        List<Tracked> completing = new ArrayList<>();
        for (Tracked t : active.values()) {
            if (t.flow.kind() == FlowKind.BACKUP && t.sameNumberAt(w.station.id(), number)
                    && t.flow.phase() == FlowPhase.COMPLETE && copy.data().equals(t.backupData)) {
                completing.add(t);
            }
        }
        if (completing.size() != 1) {
            violation(null, w.station + " committed " + copy + " of " + number + ", but " + completing.size()
                    + " backups of that number with that data are in COMPLETE: " + describe(completing));
            w.origins.put(copy.version(), new Origin(-1, null)); // reported above; later checks of it fail too
            return;
        }
        Tracked committer = completing.get(0);
        check(committer.committedVersion == null, committer, () -> "committed twice (v"
                + committer.committedVersion + " and v" + copy.version() + ")");
        committer.committedVersion = copy.version();
        check(copy.verifier().matches(number, committer.password), committer,
                () -> "committed a copy whose verifier does not match its password '" + committer.password + "'");
        w.origins.put(copy.version(), new Origin(committer.flow.id(), committer.password));
        for (Tracked t : active.values()) {
            if (t.flow.kind() == FlowKind.DOWNLOAD && t.handedOver != null && t.sameNumberAt(w.station.id(), number)) {
                increment("commits during a download of the number");
                break;
            }
        }
    }

    /**
     * Invariant 4: a copy disappears only (a) as the confirmed download that got it ends, CLEARED, (b) by
     * expiry, at the end of an event at exactly its commit time plus the station's retention (it was the
     * current version until then), or (c) at the end of the event in which its station, with a volatile
     * store, went down.
     */
    private void onDisappear(Watched w, StoredBackup gone, Tracked ending, FlowRecord record, boolean eventEnd) {
        String what = w.station + ": copy v" + gone.version() + " of " + gone.phoneNumber() + " disappeared at "
                + now() + " s";
        boolean byThisDownload = ending != null && record != null && ending.flow.kind() == FlowKind.DOWNLOAD
                && ending.sameNumberAt(w.station.id(), gone.phoneNumber())
                && record.stationEffect() == StationEffect.CLEARED && record.endSeconds() == now()
                && ending.handedOver != null && ending.handedOver.version() == gone.version();
        if (!byThisDownload) {
            if (eventEnd && w.volatileStore() && w.downEvent == event && w.down) {
                increment("copies lost in outages");
                w.lastRemoval.put(gone.phoneNumber(), "lost in an outage");
                return;
            }
            if (eventEnd && now() == gone.committedAtSeconds() + w.retentionSeconds()) {
                increment("copies expired");
                w.lastRemoval.put(gone.phoneNumber(), "expired");
                return;
            }
            if (clearedByAPeer(w, gone)) {
                return;
            }
            violation(ending, what + " without a CLEARED download of that copy ending then"
                    + (record == null ? "" : " (the flow ending has effect " + record.stationEffect() + ")")
                    + ", nor at its expiry (committed at " + gone.committedAtSeconds() + " s, retention "
                    + w.retentionSeconds() + " s), nor as its station with a "
                    + (w.volatileStore() ? "volatile" : "persistent") + " store went down (down: " + w.down
                    + ", in event " + w.downEvent + ", now event " + event + ")");
            return;
        }
        increment("copies cleared");
        w.lastRemoval.put(gone.phoneNumber(), "cleared");
        ending.clearSeen = true;
        Optional<UserData> held = ending.flow.terminal().userData();
        check(held.equals(Optional.of(gone.data())), ending,
                () -> what + ", but the downloading terminal holds " + held + " instead of " + gone.data());
        check(w.station.config().clearAfterDownload(), ending, () -> what + " at a station that does not clear");
    }

    /**
     * Peer fetch: {@code gone} left its holder {@code w} by the clear of a confirmed download at another,
     * clearing station that ended before (the clear crossed the backhauls after the flow's end) and holds
     * that copy's data, each download explaining one clear. Returns whether one did.
     */
    private boolean clearedByAPeer(Watched w, StoredBackup gone) {
        for (Tracked t : peerClears) {
            if (t.holder == w && t.handedOver.phoneNumber().equals(gone.phoneNumber())
                    && t.handedOver.version() == gone.version()) {
                peerClears.remove(t);
                increment("copies cleared at the holder after the flow");
                Optional<UserData> held = t.flow.terminal().userData();
                check(held.equals(Optional.of(gone.data())), t, () -> w.station + ": copy v" + gone.version()
                        + " cleared after a peer fetch, but the downloading terminal holds " + held);
                check(now() >= t.endSeconds, t, () -> "its clear at " + w.station + " came before the flow ended");
                return true;
            }
        }
        return false;
    }

    /**
     * After the run: every backhaul message was delivered, none dropped; a copy fetched from another
     * station by a confirmed download at a clearing station is no longer stored there, unless the holder
     * was down at some moment after the flow ended (a holder that is down when a clear arrives clears
     * nothing, which loses no data).
     */
    private void checkPeerClearsAfterTheRun() {
        for (Backhaul backhaul : backhauls.values()) {
            for (BackhaulLink link : List.of(backhaul.toStore(), backhaul.fromStore())) {
                BackhaulStatistics s = link.statistics();
                check(s.messagesDropped() == 0 && s.messagesOffered() == s.messagesDelivered(), null,
                        () -> backhaul + " " + link.direction() + ": " + s.messagesOffered() + " offered, "
                                + s.messagesDelivered() + " delivered, " + s.messagesDropped() + " dropped after the run");
            }
        }
        for (Tracked t : peerClears) {
            boolean left = t.holder.store().find(t.handedOver.phoneNumber())
                    .map(c -> c.version() == t.handedOver.version()).orElse(false);
            if (left) {
                increment("copies a peer fetch's clear left at a holder that was down");
                check(t.holderDownAtEnd || t.holder.downSeconds >= t.endSeconds, t, () -> "confirmed at a clearing"
                        + " station, but the copy fetched (v" + t.handedOver.version() + ") is still at "
                        + t.holder.station + ", which was never down after the flow ended");
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Watched watched(Tracked t) {
        for (Watched w : stations) {
            if (w.station == t.flow.station()) {
                return w;
            }
        }
        throw new IllegalStateException("no watched station for " + t.flow);
    }

    private double now() {
        return scheduler.nowSeconds();
    }

    /** The time of the admission being checked (its decision's), else now. */
    private double admissionNow() {
        return Double.isNaN(admissionSeconds) ? now() : admissionSeconds;
    }

    private boolean shared(Tracked t) {
        return t.flow.station().cell().shareStatistics(Side.TERMINAL).isPresent();
    }

    /** What the admission of {@code t} reads of the stores now, at {@code atSeconds}. */
    private StoreState storeState(Tracked t, double atSeconds) {
        Watched w = watched(t);
        PhoneNumber number = t.flow.addressedNumber();
        Optional<StoredBackup> existing = w.store().find(number);
        double existingSeconds = existing.map(StoredBackup::committedAtSeconds).orElse(Double.NEGATIVE_INFINITY);
        boolean elsewhere = stations.stream().anyMatch(o -> o != w && o.store().find(number)
                .filter(c -> c.committedAtSeconds() > existingSeconds).isPresent());
        return new StoreState(existing, w.store().freeBytes(), elsewhere, atSeconds);
    }

    /**
     * Checks {@code t}'s admission against the stores as its decision saw them. On a dedicated cell the
     * answer goes on the air in the decision's event: the stores now. On a shared cell the answer waits for
     * its share: the state at the start of the event in which the request (or answer) arrived. If several
     * events could be that one (a request sent again, whose first copy may have been corrupted; events
     * tied at its arrival time) and the stores differ between them, the admission is checked against the
     * first state that {@code explains} it, or the first state if none does, and counted.
     */
    private void decided(Tracked t, Predicate<StoreState> explains, Consumer<StoreState> check) {
        if (!shared(t)) {
            check.accept(storeState(t, now()));
            return;
        }
        deciding.remove(t);
        List<StoreState> states = t.challenged ? t.answerStates : t.requestStates;
        if (states.isEmpty()) {
            violation(t, "answered on a shared cell before its " + (t.challenged ? "answer" : "request")
                    + " could arrive: " + (t.challenged ? t.answerArrivals : t.requestArrivals));
            return;
        }
        StoreState state = states.get(0);
        if (states.stream().allMatch(other -> other.sameAs(states.get(0)))) {
            increment("admissions on shared cells checked at their decision");
        } else {
            increment("admissions on shared cells checked against one of several candidate states");
            state = states.stream().filter(explains).findFirst().orElse(state);
        }
        admissionSeconds = state.atSeconds();
        String key = t.flow.station().id() + " " + t.flow.addressedNumber();
        double decidedAt = state.atSeconds();
        lockOrderUnknown = lastDecisionSeconds.getOrDefault(key, Double.NEGATIVE_INFINITY) > decidedAt
                || deciding.stream().anyMatch(other -> other.sameNumberAt(t.flow.station().id(), t.flow.addressedNumber())
                        && Stream.concat(other.requestStates.stream(), other.answerStates.stream())
                                .anyMatch(earlier -> earlier.atSeconds() < decidedAt));
        lastDecisionSeconds.merge(key, decidedAt, Math::max);
        try {
            check.accept(state);
        } finally {
            admissionSeconds = Double.NaN;
            lockOrderUnknown = false;
        }
    }

    /** Whether the stores as in {@code state} explain a backup's {@code admission} (lock-outs aside). */
    private boolean explainsBackup(Tracked t, Admission admission, StoreState state) {
        boolean matches = state.existing().map(c -> c.verifier().matches(t.flow.addressedNumber(), t.password))
                .orElse(true);
        return switch (admission) {
            case ACCEPTED -> matches;
            case AUTH_REJECTED -> !matches;
            case STORAGE_FULL -> matches && t.backupData.sizeBytes() > state.freeBytes();
            case NO_BACKUP, COPY_ELSEWHERE, STORE_UNAVAILABLE -> false;
        };
    }

    /** Whether the stores as in {@code state} explain a download's answer (passwords and lock-outs aside). */
    private static boolean explainsDownload(DownloadResponse response, StoreState state) {
        return switch (response.admission()) {
            case ACCEPTED -> state.existing().map(c -> c.data().equals(response.data())).orElse(false);
            case AUTH_REJECTED -> state.existing().isPresent();
            case NO_BACKUP -> state.existing().isEmpty() && !state.elsewhere();
            case COPY_ELSEWHERE -> state.existing().isEmpty() && state.elsewhere();
            case STORAGE_FULL, STORE_UNAVAILABLE -> false;
        };
    }


    private static String describe(List<Tracked> flows) {
        return flows.stream().map(t -> t.flow.toString()).toList().toString();
    }

    private void increment(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    private long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    private void check(boolean holds, Tracked flow, Supplier<String> message) {
        if (!holds) {
            violation(flow, message.get());
        }
    }

    private void violation(Tracked flow, String message) {
        violationCount++;
        if (violations.size() < MAX_VIOLATIONS) {
            String at = scheduler == null ? "" : String.format(Locale.ROOT, " t=%.6f s", now());
            violations.add("seed " + seed + at + (flow == null ? "" : " " + flow.flow + " (typed '" + flow.password
                    + "')") + ": " + message);
        }
    }
}
