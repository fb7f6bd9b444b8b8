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
import io.radiolink.radio.AirInterface;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Drives one base station with the demand of a {@link WorkloadConfig}: Poisson backup arrivals from
 * time 0 until the run length, each from a subscriber picked uniformly from the station's population;
 * after a backup ends, if the workload's {@link RestoreAfter} admits its outcome (by default: it ended in
 * success as the phone saw it), with the restore share, a download onto a new replacement phone after a
 * delay, at the station the workload's {@link Relocation} model picks among the model's stations (by
 * default this one).
 *
 * <p>Subscribers are created when first picked: subscriber {@code i} of station {@code s} has phone
 * number {@code sss iiiiiiiii} (3 + 9 digits) at the first 1,000 stations, {@code ssssss iiiiiiiii}
 * (6 + 9 digits) at the others, maintenance password {@code "m" + i} and user data whose size is drawn
 * once from its own stream, rounded up to a whole byte, at least 1 and at most what one transfer over
 * the station's links can carry (a size distribution's tail beyond that is cut there; scenario files
 * are refused where it holds more than 10^-9 of the mass). A replacement phone's number is the
 * subscriber's with a leading {@code 9}: the four lengths (12, 13, 15, 16 digits) keep every number
 * distinct. In every flow the user mistypes the password with the configured probability
 * (also in a subscriber's first backup, whose verifier the station then keeps). An arrival that picks a
 * subscriber whose phone still runs a flow starts nothing and is reported to the
 * {@link WorkloadListener}. Restores due after the run length are not started: arrivals stop there.
 *
 * <p>Random streams (entity = the station's id): {@code arrivals} (inter-arrival times and subscriber
 * picks), {@code user-data} with instance = subscriber index (size and content label),
 * {@code restore} (restore decisions and delays), {@code password-typo} (mistypes), {@code relocation}
 * (the restore's station: at most one draw per restore decided at a backup's end, none under the default model). The
 * {@code restore}
 * stream is drawn alike whatever {@link RestoreAfter} says: for every ended backup of a subscriber one
 * decision and, when it falls within the share, one delay; a restore the rule does not admit is then
 * discarded. {@code success} and {@code any} so use common random numbers: a backup restored under
 * {@code success} is restored under {@code any} too, after the same delay, as long as the two runs' backups
 * end alike.
 */
public final class WorkloadGenerator implements FlowListener {

    /** Stations a model may drive at most: a station's index takes 6 digits of a phone number. */
    public static final int MAX_STATIONS = 1_000_000;
    /** Station indexes below this take 3 digits of a phone number, the others 6. */
    private static final int SHORT_STATION_INDEXES = 1_000;

    /** Populations up to this size keep their terminals in an array, larger ones in a map. */
    private static final int DENSE_POPULATION = 1 << 24;

    private final WorkloadConfig config;
    private final BaseStation station;
    private final List<BaseStation> stations;
    private final int stationIndex;
    private final BackupService service;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final double runLengthSeconds;
    private final WorkloadListener listener;
    private final RandomGenerator arrivals;
    private final RandomGenerator restores;
    private final RandomGenerator typos;
    private final RandomGenerator relocation;
    private final Distribution.Sampler restoreDelay;
    /**
     * The subscribers' phones, created when first picked; subscriber i's is {@code dense[i]}, or
     * {@code sparse.get(i)} for a population above {@value #DENSE_POPULATION}. A subscriber is nothing
     * but its phone: its index is in its number and its password is derived from the index, so an idle
     * subscriber costs its terminal and one array slot.
     */
    private final Terminal[] dense;
    private final Map<Integer, Terminal> sparse;
    /** The digits of this station's subscriber numbers: 12, or 15 past the first 1,000 stations. */
    private final int numberLength;
    /** The most user data one transfer over this station's links carries. */
    private final long maxUserDataBytes;

    /**
     * A generator for the {@code stationIndex}-th of the model's {@code stations} (0-based, below
     * {@value #MAX_STATIONS}; the others are where its restores may go), starting flows through
     * {@code service}. It must also receive the service's flow events (it starts restores when backups
     * end): pass it to the service's listener.
     *
     * @throws IllegalArgumentException if the index is out of range, or the workload's relocation model
     *     does not fit the number of stations
     */
    public WorkloadGenerator(WorkloadConfig config, List<BaseStation> stations, int stationIndex,
            BackupService service, Scheduler scheduler, RandomStreams streams, double runLengthSeconds,
            WorkloadListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.stations = List.copyOf(stations);
        if (stationIndex < 0 || stationIndex >= Math.min(MAX_STATIONS, this.stations.size())) {
            throw new IllegalArgumentException("stationIndex must be in [0, " + Math.min(MAX_STATIONS,
                    this.stations.size()) + "), was " + stationIndex);
        }
        config.relocation().requireStations(this.stations.size());
        this.station = this.stations.get(stationIndex);
        this.stationIndex = stationIndex;
        this.numberLength = stationIndex < SHORT_STATION_INDEXES ? 12 : 15;
        this.maxUserDataBytes = maxUserDataBytes(station.config().airInterface());
        this.service = Objects.requireNonNull(service, "service");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.runLengthSeconds = runLengthSeconds;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.arrivals = streams.stream(StreamPurpose.ARRIVALS, station.id(), 0);
        boolean small = config.subscribersPerStation() <= DENSE_POPULATION;
        this.dense = small ? new Terminal[config.subscribersPerStation()] : null;
        this.sparse = small ? null : new HashMap<>();
        this.restores = streams.stream(StreamPurpose.RESTORE, station.id(), 0);
        this.typos = streams.stream(StreamPurpose.PASSWORD_TYPO, station.id(), 0);
        this.relocation = streams.stream(StreamPurpose.RELOCATION, station.id(), 0);
        this.restoreDelay = config.restoreDelaySeconds().sampler(restores);
    }

    /** Schedules the first arrival; call once, at time 0, while building the model. */
    public void start() {
        scheduleNextArrival();
    }

    private void scheduleNextArrival() {
        double gap = -StrictMath.log1p(-arrivals.nextDouble()) / config.backupArrivalsPerSecond();
        double at = scheduler.nowSeconds() + gap;
        if (at <= runLengthSeconds) {
            scheduler.postAt(at, this::arrive);
        }
    }

    private void arrive() {
        int index = arrivals.nextInt(config.subscribersPerStation());
        Terminal phone = subscriber(index);
        if (service.terminals().isBusy(phone)) {
            listener.arrivalSkippedTerminalBusy(station.id(), scheduler.nowSeconds());
        } else {
            phone.enterMaintenancePassword(typed(index));
            service.terminals().startBackup(phone, station);
        }
        scheduleNextArrival();
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        if (record.kind() != FlowKind.BACKUP || flow.station() != station || config.restoreShare() == 0.0) {
            return;
        }
        int index = subscriberIndex(flow.terminal());
        if (index < 0 || restores.nextDouble() >= config.restoreShare()) {
            return;
        }
        // The delay and the restore's station are drawn before the rule is asked, so that both rules draw
        // the restore and relocation streams alike.
        double at = record.endSeconds() + restoreDelay.sample();
        int restoreStation = config.relocation().restoreStation(stationIndex, stations.size(), relocation);
        if (config.restoreAfter().admits(record.outcome()) && at <= runLengthSeconds) {
            scheduler.postAt(at, () -> restore(index, restoreStation));
        }
    }

    /** The index of the subscriber whose phone {@code terminal} is, or -1 if it is none of this generator's. */
    private int subscriberIndex(Terminal terminal) {
        String digits = terminal.phoneNumber().digits();
        if (digits.length() != numberLength) {
            return -1;
        }
        long index;
        try {
            index = Long.parseLong(digits, numberLength - 9, numberLength, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
        return index < config.subscribersPerStation() && existing((int) index) == terminal ? (int) index : -1;
    }

    private void restore(int index, int restoreStation) {
        Terminal phone = existing(index);
        Terminal replacement = Terminal.empty(PhoneNumber.of("9" + phone.phoneNumber().digits()));
        replacement.enterMaintenancePassword(typed(index));
        listener.restoreStarting(replacement.phoneNumber(), station.id());
        service.terminals().startDownload(replacement, phone.phoneNumber(), stations.get(restoreStation));
    }

    /** What subscriber {@code index} types: the password {@code "m" + index}, now and then mistyped. */
    private String typed(int index) {
        String password = "m" + index;
        boolean typo = config.wrongPasswordProbability() > 0.0 && typos.nextDouble() < config.wrongPasswordProbability();
        return typo ? password + "-typo" : password;
    }

    /** The most user data one transfer carries over both links of {@code air}. */
    public static long maxUserDataBytes(AirInterface air) {
        return Math.min(air.uplink().maxTransferBytes(), air.downlink().maxTransferBytes());
    }

    private Terminal existing(int index) {
        return dense != null ? dense[index] : sparse.get(index);
    }

    private Terminal subscriber(int index) {
        Terminal existing = existing(index);
        if (existing != null) {
            return existing;
        }
        RandomGenerator own = streams.stream(StreamPurpose.USER_DATA, station.id(), index);
        long size = Math.max(1L, Math.min(maxUserDataBytes, (long) Math.ceil(config.userDataBytes().sampler(own).sample())));
        long records = Math.max(1L, (size + config.bytesPerRecord() - 1) / config.bytesPerRecord());
        UserData data = UserData.synthetic(size, (int) Math.min(Integer.MAX_VALUE, records), own.nextLong());
        PhoneNumber number = PhoneNumber.of(String.format(numberLength == 12 ? "%03d%09d" : "%06d%09d", stationIndex,
                index));
        Terminal created = new Terminal(number, data);
        if (dense != null) {
            dense[index] = created;
        } else {
            sparse.put(index, created);
        }
        return created;
    }
}
