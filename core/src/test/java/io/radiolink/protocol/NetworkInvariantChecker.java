package io.radiolink.protocol;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulLink;
import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.engine.Engine;
import io.radiolink.engine.ForwardingScheduler;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthListener;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.SubscriberStore;
import io.radiolink.node.UserData;
import io.radiolink.protocol.station.StationSide;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.ShareProbe;
import io.radiolink.simulation.ReplicationModel;
import io.radiolink.workload.RestoreAfter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Watches one run under network storage ({@link NetworkInvariantTest}) from inside: the engine's
 * scheduler wraps every action so that the checker looks at the model at the end of every event, as
 * {@link InvariantChecker} does for station storage. It keeps a snapshot of the subscriber store's
 * copies and explains every change of it at the end of the event that made it.
 *
 * <p>It also gives the run's authentication listener ({@link #authListener}), and keeps its own lock-out count per number for the
 * whole store ({@link LockoutModel}, one scope), over the decisions of every station (docs/protocol.md: one
 * count per subscriber store):
 * a lock-out comes exactly at the {@code maxFailedAttempts}-th failure in a row at any front-ends since
 * the last success or lock-out, and while the number is locked no station decides an attempt on it
 * (every request then is a rejection while locked), and none is a rejection while locked when it is not.
 * A count per station, or a decision made on an answer after the lock without checking it again, breaks it.
 */
final class NetworkInvariantChecker implements FlowListener {

    private static final int MAX_VIOLATIONS = 50;

    /** The count of faulted flows in {@link #counts()}: not a success, units lost, or more than one attempt. */
    static final String FAULTED = "faulted flows";

    private final long seed;
    private final Engine base;
    private final double storeRetentionSeconds;
    private final boolean volatileStore;
    private Scheduler scheduler;
    private BackupService service;
    private List<BaseStation> stations = List.of();
    private SubscriberStore store;
    private Map<String, Backhaul> backhauls = Map.of();
    private final Map<Flow, Boolean> running = new IdentityHashMap<>();
    private final List<Flow> endedInEvent = new ArrayList<>();
    /** Per number: the data and password of every backup flow started. */
    private final Map<PhoneNumber, List<Started>> backups = new TreeMap<>();
    /** Per number: every data committed so far. */
    private final Map<PhoneNumber, List<UserData>> committed = new TreeMap<>();
    /** Per number: ended downloads the station confirmed at a clearing station, each explaining one clear. */
    private final Map<PhoneNumber, List<Confirmed>> confirmed = new TreeMap<>();
    private Map<PhoneNumber, StoredBackup> snapshot = new TreeMap<>();
    private long lastVersion;
    private boolean storeWasUp = true;
    private final RestoreAfter restoreAfter;
    /** The numbers with a backup that ended in success as its terminal saw it. */
    private final Set<PhoneNumber> backedUp = new TreeSet<>();
    /** Commits the stations told, in a record or late; the store's are its versions, 1, 2, ... */
    private long toldCommits;
    /** Per number: clears of the store seen and not yet told. */
    private final Map<PhoneNumber, Long> clearsUntold = new TreeMap<>();
    /**
     * Per number: copies replaced in an event in which the store came back up, each of which may hide a clear
     * done just before the commit that replaced it (the requests waiting at a store that was down run in one
     * event, and the check sees the store only at the event's end).
     */
    private final Map<PhoneNumber, Long> clearsMaybeHidden = new TreeMap<>();
    /** The flows told a late store effect. */
    private final Set<Long> toldLate = new TreeSet<>();
    /** The flows told a late copy at request. */
    private final Set<Long> toldLateCopy = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();
    private long violationCount;
    private final Map<String, Long> counts = new TreeMap<>();
    /** The store's one lock-out count, kept from every station's authentication events. */
    private final LockoutModel lockouts;

    private record Started(UserData data, String password, String stationId) {}

    /** A confirmed download's terminal data and end. */
    private record Confirmed(UserData data, double endSeconds) {}

    NetworkInvariantChecker(long seed, Engine engine, StorageMode.Network mode, RestoreAfter restoreAfter,
            AuthConfig auth) {
        this.seed = seed;
        this.lockouts = new LockoutModel(() -> auth, station -> "the store", () -> "the store's count",
                message -> check(false, message), counts, "");
        this.restoreAfter = restoreAfter;
        this.base = Objects.requireNonNull(engine, "engine");
        this.storeRetentionSeconds = mode.retentionSeconds();
        this.volatileStore = !mode.outages().persistentStorage();
    }

    /** The builder's script: takes the model, whose stores are empty at time 0. */
    void attach(ReplicationModel model) {
        scheduler = model.scheduler();
        service = model.service();
        stations = model.stations();
        store = model.subscriberStore().orElseThrow();
        backhauls = model.backhauls();
        check(store.store().committedCopies().isEmpty(), () -> "the store starts with copies");
    }

    /** The engine to run on: the checker's engine, whose scheduler looks at the model after every action. */
    Engine engine() {
        return (endTimeSeconds, model) -> base.run(endTimeSeconds,
                scheduler -> model.accept(new ForwardingScheduler(scheduler, (due, action) -> () -> {
                    action.run();
                    eventEnded();
                })));
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        increment("flows started");
        check(running.put(flow, true) == null, () -> flow + " started twice");
        if (flow.kind() == FlowKind.DOWNLOAD) {
            // A restore follows the ended backup whose outcome the rule admitted (docs: restore semantics).
            check(restoreAfter == RestoreAfter.ANY || backedUp.contains(flow.addressedNumber()),
                    () -> flow + ": a restore under restoreAfter " + restoreAfter + " of a number no backup succeeded for");
            increment("restores under restoreAfter " + restoreAfter);
        }
        if (flow.kind() == FlowKind.BACKUP && flow.terminal().userData().isPresent()) {
            backups.computeIfAbsent(flow.addressedNumber(), n -> new ArrayList<>())
                    .add(new Started(flow.terminal().userData().get(), flow.terminal().maintenancePassword().orElse(""),
                            flow.station().id()));
        }
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        increment("flows ended");
        check(running.remove(flow) != null, () -> flow + " ended without running");
        endedInEvent.add(flow);
        increment("outcome " + record.kind() + " " + record.outcome());
        if (!record.outcome().isSuccess() || record.uplink().unitsLost() + record.downlink().unitsLost() > 0
                || record.attempts() > 1) {
            increment(FAULTED);
        }
        checkLeftNothing(flow, "when it ended");
        PhoneNumber number = flow.addressedNumber();
        if (flow.station().config().airInterface().capacity() instanceof CellCapacity.Shared) {
            increment("flows on shared cells");
        }
        if (flow.kind() == FlowKind.BACKUP) {
            if (record.stationEffect() == StationEffect.COMMITTED) {
                toldCommit(flow.toString());
            }
            if (record.outcome().isSuccess()) {
                backedUp.add(number);
                // The station completes only after the store's commit came back.
                check(committed.getOrDefault(number, List.of()).contains(flow.terminal().userData().orElse(null)),
                        () -> flow + " ended SUCCESS but its data was never committed in the store");
            }
            return;
        }
        boolean crossCell = backups.getOrDefault(number, List.of()).stream()
                .noneMatch(b -> b.stationId().equals(flow.station().id()));
        flow.terminal().userData().ifPresent(data -> check(committed.getOrDefault(number, List.of()).contains(data),
                () -> flow + " holds data never committed under " + number));
        if (record.outcome().isSuccess()) {
            check(flow.terminal().userData().isPresent(), () -> flow + " ended SUCCESS holding no data");
            check(record.copyAtRequest(), () -> flow + " ended SUCCESS, its record says no copy at request");
            increment(crossCell ? "downloads SUCCESS cross-cell" : "downloads SUCCESS same cell");
        }
        check(record.stationEffect() != StationEffect.CLEARED,
                () -> flow + " says CLEARED: under network storage the store clears after the flow");
        if (record.stationEffect() == StationEffect.CONFIRMED && flow.terminal().userData().isPresent()
                && flow.station().config().clearAfterDownload()) {
            confirmed.computeIfAbsent(number, n -> new ArrayList<>())
                    .add(new Confirmed(flow.terminal().userData().get(), record.endSeconds()));
        }
    }

    /**
     * A store effect told after its flow ended: once per flow, a backup's commit not in its record and
     * which its terminal never heard of (so it recorded a failure), or a confirmed download's clear; each a
     * commit or clear the store made.
     */
    @Override
    public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
        increment("late " + record.kind() + " " + effect);
        String flow = "flow " + record.flowId() + " (" + record.kind() + ")";
        check(toldLate.add(record.flowId()), () -> flow + " told a late store effect twice");
        check(timeSeconds >= record.endSeconds(), () -> flow + " told late at " + timeSeconds + " s, before its end at "
                + record.endSeconds() + " s");
        if (record.kind() == FlowKind.BACKUP) {
            check(effect == StationEffect.COMMITTED, () -> flow + ": a backup's late effect " + effect);
            check(record.stationEffect() == StationEffect.NONE, () -> flow + " told a late commit, its record "
                    + record.stationEffect());
            check(!record.outcome().isSuccess(), () -> flow + " committed late, yet its terminal recorded SUCCESS");
            toldCommit(flow);
        } else {
            check(effect == StationEffect.CLEARED, () -> flow + ": a download's late effect " + effect);
            check(record.stationEffect() == StationEffect.CONFIRMED, () -> flow + " told a late clear, its record "
                    + record.stationEffect());
            PhoneNumber number = record.addressedNumber();
            if (clearsUntold.getOrDefault(number, 0L) > 0) {
                clearsUntold.merge(number, -1L, Long::sum);
            } else if (clearsMaybeHidden.getOrDefault(number, 0L) > 0) {
                clearsMaybeHidden.merge(number, -1L, Long::sum);
                increment("late clears of a copy replaced in the same event");
            } else {
                check(false, () -> flow + " told a late clear of " + number + " the store did not make");
            }
        }
    }

    /**
     * A download's look-up answered after the flow ended that found a copy: once per flow, of a download
     * whose record says no copy at request and which did not succeed (a success had its copy in its record),
     * of a number the store had committed a copy of.
     */
    @Override
    public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
        increment("late DOWNLOAD copy at request");
        String flow = "flow " + record.flowId() + " (" + record.kind() + ")";
        check(toldLateCopy.add(record.flowId()), () -> flow + " told a late copy at request twice");
        check(timeSeconds >= record.endSeconds(), () -> flow + " told a late copy at request at " + timeSeconds
                + " s, before its end at " + record.endSeconds() + " s");
        check(record.kind() == FlowKind.DOWNLOAD, () -> flow + ": a late copy at request of a backup");
        check(!record.copyAtRequest(), () -> flow + " told a late copy at request, its record says one already");
        check(!record.outcome().isSuccess(), () -> flow + " found a copy only after it ended, yet SUCCESS");
        check(!committed.getOrDefault(record.addressedNumber(), List.of()).isEmpty(),
                () -> flow + " told a late copy at request of " + record.addressedNumber() + ", never committed");
    }

    /** A commit told by a station, in a record or late: never more than the store made. */
    private void toldCommit(String flow) {
        toldCommits++;
        check(toldCommits <= lastVersion, () -> flow + ": " + toldCommits + " commits told, the store made "
                + lastVersion);
    }

    private void checkLeftNothing(Flow flow, String when) {
        check(!flow.timersArmed(), () -> flow + " has a timer armed " + when);
    }

    /**
     * The end of an event: no station holds a copy or staging space; every change of the store's copies is
     * a commit of a started backup's data (a version above every earlier one, the backup's password
     * verified), or a removal by a clear of a confirmed download that holds that data, an expiry at its
     * time, or the loss of a volatile store going down.
     */
    private void eventEnded() {
        for (BaseStation station : stations) {
            check(station.store().committedCopies().isEmpty() && station.store().stagedBytes() == 0,
                    () -> station + " holds a copy or staging space under network storage");
            String problem = ShareProbe.queueProblem(station.cell(), false);
            check(problem == null, () -> station + " " + problem);
        }
        for (Flow flow : endedInEvent) {
            checkLeftNothing(flow, "at the end of the event in which it ended");
        }
        endedInEvent.clear();
        lockouts.eventEnded();
        if (storeWasUp != store.isUp()) {
            increment(store.isUp() ? "store came back" : "store went down");
        }
        boolean wentDown = storeWasUp && !store.isUp();
        boolean cameUp = !storeWasUp && store.isUp();
        storeWasUp = store.isUp();
        if (backhauls.values().stream().anyMatch(b -> !b.isUp())) {
            increment("events with a backhaul down");
        }
        Map<PhoneNumber, StoredBackup> now = new TreeMap<>();
        for (StoredBackup copy : store.store().committedCopies()) {
            now.put(copy.phoneNumber(), copy);
        }
        // Several commits may happen in one event (those waiting while the store was down): in their order.
        List<StoredBackup> commits = new ArrayList<>();
        for (StoredBackup copy : now.values()) {
            StoredBackup before = snapshot.get(copy.phoneNumber());
            if (before == null || before.version() != copy.version()) {
                commits.add(copy);
                if (before != null && cameUp) {
                    clearsMaybeHidden.merge(copy.phoneNumber(), 1L, Long::sum);
                }
            }
        }
        commits.sort(Comparator.comparingLong(StoredBackup::version));
        commits.forEach(this::checkCommit);
        for (StoredBackup before : snapshot.values()) {
            if (!now.containsKey(before.phoneNumber())) {
                checkRemoval(before, wentDown);
            }
        }
        snapshot = now;
    }

    private void checkCommit(StoredBackup copy) {
        increment("commits");
        PhoneNumber number = copy.phoneNumber();
        check(copy.version() > lastVersion, () -> "copy of " + number + " committed as version " + copy.version()
                + ", not above " + lastVersion);
        lastVersion = Math.max(lastVersion, copy.version());
        boolean fromABackup = backups.getOrDefault(number, List.of()).stream().anyMatch(
                b -> b.data().equals(copy.data()) && copy.verifier().matches(number, b.password()));
        check(fromABackup, () -> "copy of " + number + " committed with data or a verifier of no backup started");
        committed.computeIfAbsent(number, n -> new ArrayList<>()).add(copy.data());
    }

    private void checkRemoval(StoredBackup copy, boolean wentDown) {
        if (wentDown && volatileStore) {
            increment("copies lost in store outages");
            return;
        }
        double expiry = copy.committedAtSeconds() + storeRetentionSeconds;
        if (Math.abs(scheduler.nowSeconds() - expiry) < 1e-9) {
            increment("copies expired");
            return;
        }
        // A clear is explained by a confirmed download of that data that ended after the copy's commit (so the
        // copy could have been handed over to it), each download explaining one clear at most.
        List<Confirmed> holders = confirmed.getOrDefault(copy.phoneNumber(), new ArrayList<>());
        Confirmed holder = holders.stream()
                .filter(c -> c.data().equals(copy.data()) && c.endSeconds() >= copy.committedAtSeconds())
                .findFirst().orElse(null);
        check(holder != null, () -> "copy of " + copy.phoneNumber() + " version " + copy.version()
                + " left the store without a confirmed download holding it, an expiry or a loss");
        holders.remove(holder);
        increment("copies cleared in the store");
        clearsUntold.merge(copy.phoneNumber(), 1L, Long::sum);
    }

    /** After the run: every flow ended; nothing is left on a backhaul, at the store, at a station or a cell. */
    void finish() {
        eventEnded();
        check(running.isEmpty(), () -> running.size() + " flows started but never ended");
        for (BaseStation station : stations) {
            check(station.cell().busyChannels() == 0, () -> station + " still holds channels after the run");
            String problem = ShareProbe.queueProblem(station.cell(), true);
            check(problem == null, () -> station + " " + problem);
            StationSide side = service.station(station);
            check(side.openSessions() == 0 && !side.sending(), () -> station + " still has sessions after the run");
        }
        for (Backhaul backhaul : backhauls.values()) {
            for (BackhaulLink link : List.of(backhaul.toStore(), backhaul.fromStore())) {
                BackhaulStatistics s = link.statistics();
                check(s.messagesDropped() == 0 && s.messagesOffered() == s.messagesDelivered(),
                        () -> backhaul + " " + link.direction() + ": " + s.messagesOffered() + " offered, "
                                + s.messagesDelivered() + " delivered, " + s.messagesDropped() + " dropped");
                counts.merge("backhaul messages", s.messagesDelivered(), Long::sum);
            }
        }
        check(store.store().stagedBytes() == 0, () -> "the store still stages " + store.store().stagedBytes() + " B");
        // Every commit and clear of the store was told once: in a record or as a late store effect.
        check(toldCommits == lastVersion, () -> "the store made " + lastVersion + " commits, the stations told "
                + toldCommits);
        clearsUntold.forEach((number, untold) -> check(untold == 0, () -> "the store cleared " + untold
                + " copies of " + number + " no station told"));
        check(store.waitingRequests() == 0, () -> store.waitingRequests() + " requests wait at the store");
    }

    /** The run's authentication listener: the store's lock-out count kept from the stations' events. */
    AuthListener authListener() {
        return lockouts;
    }

    private void check(boolean holds, Supplier<String> message) {
        if (!holds) {
            violationCount++;
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add("seed " + seed + " at " + (scheduler == null ? 0 : scheduler.nowSeconds()) + " s: "
                        + message.get());
            }
        }
    }

    private void increment(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    List<String> violations() {
        return violations;
    }

    long violationCount() {
        return violationCount;
    }

    Map<String, Long> counts() {
        return counts;
    }
}
