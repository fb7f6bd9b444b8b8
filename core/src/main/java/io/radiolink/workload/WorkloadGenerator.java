package io.radiolink.workload;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.random.RandomStreams;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Drives one base station with the demand of a {@link WorkloadConfig}: Poisson backup arrivals from
 * time 0 until the run length, each from a subscriber picked uniformly from the station's population;
 * after a backup ends, with the restore share, a download onto a new replacement phone after a delay.
 *
 * <p>Subscribers are created when first picked: subscriber {@code i} of station {@code s} has phone
 * number {@code sss iiiiiiiii} (3 + 9 digits), maintenance password {@code "m" + i} and user data
 * whose size is drawn once from its own stream. A replacement phone's number is the subscriber's with
 * a leading {@code 9}. In every flow the user mistypes the password with the configured probability
 * (also in a subscriber's first backup, whose verifier the station then keeps). An arrival that picks a
 * subscriber whose phone still runs a flow starts nothing and is reported to the
 * {@link WorkloadListener}. Restores due after the run length are not started: arrivals stop there.
 *
 * <p>Random streams (entity = the station's id): {@code arrivals} (inter-arrival times and subscriber
 * picks), {@code user-data} with instance = subscriber index (size and content label),
 * {@code restore} (restore decisions and delays), {@code password-typo} (mistypes).
 */
public final class WorkloadGenerator implements FlowListener {

    private static final int MAX_STATIONS = 1_000;
    private static final int MAX_SUBSCRIBERS = 1_000_000_000;

    private record Subscriber(int index, Terminal phone, String password) {}

    private final WorkloadConfig config;
    private final BaseStation station;
    private final int stationIndex;
    private final BackupService service;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final double runLengthSeconds;
    private final WorkloadListener listener;
    private final RandomGenerator arrivals;
    private final RandomGenerator restores;
    private final RandomGenerator typos;
    private final Distribution.Sampler restoreDelay;
    private final Map<Integer, Subscriber> subscribers = new HashMap<>();
    private final Map<Terminal, Subscriber> byPhone = new IdentityHashMap<>();

    /**
     * A generator for {@code station}, the {@code stationIndex}-th of the model (0-based, below 1,000),
     * starting flows through {@code service}. It must also receive the service's flow events (it
     * starts restores when backups end): pass it to the service's listener.
     */
    public WorkloadGenerator(WorkloadConfig config, BaseStation station, int stationIndex, BackupService service,
            Scheduler scheduler, RandomStreams streams, double runLengthSeconds, WorkloadListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.station = Objects.requireNonNull(station, "station");
        if (stationIndex < 0 || stationIndex >= MAX_STATIONS) {
            throw new IllegalArgumentException("stationIndex must be in [0, " + MAX_STATIONS + "), was " + stationIndex);
        }
        if (config.subscribersPerStation() > MAX_SUBSCRIBERS) {
            throw new IllegalArgumentException("subscribersPerStation must be <= " + MAX_SUBSCRIBERS);
        }
        this.stationIndex = stationIndex;
        this.service = Objects.requireNonNull(service, "service");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.runLengthSeconds = runLengthSeconds;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.arrivals = streams.stream("arrivals", station.id(), 0);
        this.restores = streams.stream("restore", station.id(), 0);
        this.typos = streams.stream("password-typo", station.id(), 0);
        this.restoreDelay = config.restoreDelaySeconds().sampler(restores);
    }

    /** Schedules the first arrival; call once, at time 0, while building the model. */
    public void start() {
        scheduleNextArrival();
    }

    private void scheduleNextArrival() {
        double gap = -Math.log1p(-arrivals.nextDouble()) / config.backupArrivalsPerSecond();
        double at = scheduler.nowSeconds() + gap;
        if (at <= runLengthSeconds) {
            scheduler.scheduleAt(at, this::arrive);
        }
    }

    private void arrive() {
        Subscriber subscriber = subscriber(arrivals.nextInt(config.subscribersPerStation()));
        if (service.isBusy(subscriber.phone())) {
            listener.arrivalSkippedTerminalBusy(station.id(), scheduler.nowSeconds());
        } else {
            subscriber.phone().enterMaintenancePassword(typed(subscriber));
            service.startBackup(subscriber.phone(), station);
        }
        scheduleNextArrival();
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        if (record.kind() != FlowKind.BACKUP || flow.station() != station || config.restoreShare() == 0.0) {
            return;
        }
        Subscriber subscriber = byPhone.get(flow.terminal());
        if (subscriber == null || restores.nextDouble() >= config.restoreShare()) {
            return;
        }
        double at = record.endSeconds() + restoreDelay.sample();
        if (at <= runLengthSeconds) {
            scheduler.scheduleAt(at, () -> restore(subscriber));
        }
    }

    private void restore(Subscriber subscriber) {
        Terminal replacement = Terminal.empty(PhoneNumber.of("9" + subscriber.phone().phoneNumber().digits()));
        replacement.enterMaintenancePassword(typed(subscriber));
        service.startDownload(replacement, subscriber.phone().phoneNumber(), station);
    }

    private String typed(Subscriber subscriber) {
        boolean typo = config.wrongPasswordProbability() > 0.0 && typos.nextDouble() < config.wrongPasswordProbability();
        return typo ? subscriber.password() + "-typo" : subscriber.password();
    }

    private Subscriber subscriber(int index) {
        Subscriber existing = subscribers.get(index);
        if (existing != null) {
            return existing;
        }
        RandomGenerator own = streams.stream("user-data", station.id(), index);
        long size = Math.max(1L, (long) Math.ceil(config.userDataBytes().sampler(own).sample()));
        long records = Math.max(1L, (size + config.bytesPerRecord() - 1) / config.bytesPerRecord());
        UserData data = UserData.synthetic(size, (int) Math.min(Integer.MAX_VALUE, records), own.nextLong());
        PhoneNumber number = PhoneNumber.of(String.format("%03d%09d", stationIndex, index));
        Subscriber created = new Subscriber(index, new Terminal(number, data), "m" + index);
        subscribers.put(index, created);
        byPhone.put(created.phone(), created);
        return created;
    }
}
