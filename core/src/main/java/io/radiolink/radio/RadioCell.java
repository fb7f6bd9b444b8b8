package io.radiolink.radio;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.radio.share.ShareStatistics;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A base station's radio side: a fixed number of channels and the connection set-up procedure.
 *
 * <p>An attempt that finds every channel busy is blocked at once (lost-calls-cleared, as in Erlang's
 * loss system). Otherwise it holds a channel for the set-up delay, then fails with the set-up failure
 * probability or becomes a {@link Connection}, which holds the channel until it is released or drops.
 *
 * <p>With a shared capacity ({@link CellCapacity.Shared}) the channels are the cap on the terminals
 * connected at once (blocking beyond it, as above), and the cell has one {@link CellDirection} per
 * direction, made with the cell, through which every connection's link sends.
 */
public final class RadioCell {

    private final String id;
    private final int channels;
    private final AirInterface airInterface;
    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final RandomGenerator setupRandom;
    private final RandomGenerator failureRandom;
    private final AirListener airListener;
    private final CellListener cellListener;
    /** Empty in a dedicated cell. */
    private final Optional<CellDirection> uplinkShare;
    private final Optional<CellDirection> downlinkShare;
    private final Map<Long, Connection<?>> open = new LinkedHashMap<>();
    private final Set<PendingSetup<?>> settingUp = new LinkedHashSet<>();
    private final TreeMap<Long, List<Contender<?>>> accessSlots = new TreeMap<>();
    private final RandomGenerator accessRandom;
    private boolean down;
    private int busyChannels;
    private long nextConnectionSequence;
    private long attempts;
    private long blockedAttempts;
    private long failedSetups;
    private long drops;

    /**
     * A cell named {@code id} with {@code channels} channels.
     *
     * @param streams the replication's random streams; the cell draws set-up failures, radio link
     *     failures, random access and per-connection loss and corruption from streams keyed by its id
     * @param airListener told of every unit any connection of this cell transmits
     * @param cellListener told of every attempt and every channel seized and released
     */
    public RadioCell(String id, int channels, AirInterface airInterface, Scheduler scheduler,
            RandomStreams streams, AirListener airListener, CellListener cellListener) {
        this.id = Objects.requireNonNull(id, "id");
        this.channels = Checks.atLeast("channels", channels, 1);
        this.airInterface = Objects.requireNonNull(airInterface, "airInterface");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.setupRandom = streams.stream(StreamPurpose.SETUP, id, 0);
        this.failureRandom = streams.stream(StreamPurpose.RADIO_LINK_FAILURE, id, 0);
        this.accessRandom = streams.stream(StreamPurpose.RANDOM_ACCESS, id, 0);
        this.airListener = Objects.requireNonNull(airListener, "airListener");
        this.cellListener = Objects.requireNonNull(cellListener, "cellListener");
        this.uplinkShare = airInterface.capacity().newDirection(Side.TERMINAL, scheduler);
        this.downlinkShare = airInterface.capacity().newDirection(Side.STATION, scheduler);
    }

    /** Who asked for a connection, and who accepts it at the station. */
    private record Attempt<T>(AccessCallback<T> callback, Acceptor<T> acceptor) {}

    /** An attempt holding a channel through its set-up. */
    private static final class PendingSetup<T> {
        final Attempt<T> attempt;
        final double seizedAtSeconds;

        PendingSetup(Attempt<T> attempt, double seizedAtSeconds) {
            this.attempt = attempt;
            this.seizedAtSeconds = seizedAtSeconds;
        }
    }

    /** An attempt contending for access slots. */
    private static final class Contender<T> {
        final Attempt<T> attempt;
        int transmissions;
        int preamble;

        Contender(Attempt<T> attempt) {
            this.attempt = attempt;
        }
    }

    /**
     * Starts a connection attempt now; {@code callback} learns its result, and once the connection is
     * established {@code acceptor} (the station's end) accepts it before {@code callback} learns of it. An
     * attempt while the station
     * is down fails at once ({@link AccessCallback#stationDown}) and is not counted as an attempt. With
     * random access ({@link AirInterface#randomAccess()}), the attempt first contends for access slots
     * and goes on to the channel check only once its preamble got through.
     */
    public <T> void connect(AccessCallback<T> callback, Acceptor<T> acceptor) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(acceptor, "acceptor");
        if (down) {
            callback.stationDown();
            return;
        }
        Attempt<T> attempt = new Attempt<>(callback, acceptor);
        RandomAccessConfig access = airInterface.randomAccess();
        if (access.enabled()) {
            contend(new Contender<>(attempt), (long) Math.floor(scheduler.nowSeconds() / access.slotSeconds()) + 1);
        } else {
            seize(attempt);
        }
    }

    /** Registers {@code contender}'s next preamble for access slot {@code slot}. */
    private void contend(Contender<?> contender, long slot) {
        RandomAccessConfig access = airInterface.randomAccess();
        contender.transmissions++;
        contender.preamble = accessRandom.nextInt(access.preambles());
        List<Contender<?>> inSlot = accessSlots.get(slot);
        if (inSlot == null) {
            inSlot = new ArrayList<>();
            accessSlots.put(slot, inSlot);
            scheduler.postAt(slot * access.slotSeconds(), () -> resolveSlot(slot));
        }
        inSlot.add(contender);
    }

    /**
     * The preambles of slot {@code slot}: unique ones get through, the others collide and back off. The
     * station is up: an outage emptied every slot (whose events still come and find nobody), and no
     * attempt contends while it is down.
     */
    private void resolveSlot(long slot) {
        RandomAccessConfig access = airInterface.randomAccess();
        List<Contender<?>> inSlot = accessSlots.remove(slot);
        int[] picks = new int[access.preambles()];
        for (Contender<?> contender : inSlot) {
            picks[contender.preamble]++;
        }
        double now = scheduler.nowSeconds();
        for (Contender<?> contender : inSlot) {
            boolean collided = picks[contender.preamble] > 1;
            cellListener.accessAttempt(this, collided, now);
            if (!collided) {
                seize(contender.attempt);
            } else if (contender.transmissions >= access.maxAttempts()) {
                contender.attempt.callback().accessFailed();
            } else {
                contend(contender, slot + 1 + accessRandom.nextInt(access.backoffWindowSlots()));
            }
        }
    }

    /** The channel check and set-up of an attempt (after its access, if contended). */
    private <T> void seize(Attempt<T> attempt) {
        AccessCallback<T> callback = attempt.callback();
        attempts++;
        double now = scheduler.nowSeconds();
        boolean blocked = busyChannels == channels;
        cellListener.attempted(this, blocked, now);
        if (blocked) {
            blockedAttempts++;
            callback.blocked();
            return;
        }
        busyChannels++;
        cellListener.channelSeized(this, now);
        PendingSetup<T> setup = new PendingSetup<>(attempt, now);
        settingUp.add(setup);
        scheduler.post(airInterface.setupDelaySeconds(), () -> finishSetup(setup));
    }

    private <T> void finishSetup(PendingSetup<T> setup) {
        if (!settingUp.remove(setup)) {
            return; // the station went down during the set-up
        }
        AccessCallback<T> callback = setup.attempt.callback();
        double seizedAtSeconds = setup.seizedAtSeconds;
        double failure = airInterface.setupFailureProbability();
        if (failure > 0.0 && setupRandom.nextDouble() < failure) {
            failedSetups++;
            freeChannel(seizedAtSeconds);
            callback.setupFailed();
            return;
        }
        long sequence = nextConnectionSequence++;
        Connection<T> connection = new Connection<>(this, sequence, seizedAtSeconds, scheduler, streams, airListener);
        connection.armRadioLinkFailure(timeToFailure());
        open.put(sequence, connection);
        connection.attachStation(setup.attempt.acceptor().accept(connection));
        callback.established(connection);
    }

    /**
     * The station goes down: every set-up in progress fails, every connection ends with
     * {@link ConnectionEnd#STATION_DOWN} (in the order they were made), every attempt waiting for an
     * access slot fails (in slot order, then in the order it joined the slot), and attempts fail until
     * {@link #stationUp()}. Does nothing if the cell is already down.
     */
    public void stationDown() {
        if (down) {
            return;
        }
        down = true;
        cellListener.stationDown(this, scheduler.nowSeconds());
        for (PendingSetup<?> setup : List.copyOf(settingUp)) {
            settingUp.remove(setup);
            freeChannel(setup.seizedAtSeconds);
            setup.attempt.callback().stationDown();
        }
        for (Connection<?> connection : List.copyOf(open.values())) {
            connection.stationDown();
        }
        for (List<Contender<?>> inSlot : List.copyOf(accessSlots.values())) {
            List<Contender<?>> waiting = List.copyOf(inSlot);
            inSlot.clear(); // the slot's event is posted; it comes and finds nobody
            for (Contender<?> contender : waiting) {
                contender.attempt.callback().stationDown();
            }
        }
    }

    /** The station is up again: attempts are served. */
    public void stationUp() {
        if (down) {
            down = false;
            cellListener.stationUp(this, scheduler.nowSeconds());
        }
    }

    /** True while the station is down. */
    public boolean isDown() {
        return down;
    }

    private double timeToFailure() {
        double mean = airInterface.meanTimeToFailureSeconds();
        if (mean == Double.POSITIVE_INFINITY) {
            return mean;
        }
        return -mean * StrictMath.log1p(-failureRandom.nextDouble());
    }

    void channelFreed(Connection<?> connection, ConnectionEnd end) {
        open.remove(connection.sequence());
        if (end == ConnectionEnd.DROPPED) {
            drops++;
        }
        freeChannel(connection.seizedAtSeconds());
    }

    private void freeChannel(double seizedAtSeconds) {
        busyChannels--;
        double now = scheduler.nowSeconds();
        cellListener.channelReleased(this, now - seizedAtSeconds, now);
    }

    /** The cell's name, unique within a model. */
    public String id() {
        return id;
    }

    /** The number of radio channels. */
    public int channels() {
        return channels;
    }

    /** Channels held now, by connections and by attempts in set-up. */
    public int busyChannels() {
        return busyChannels;
    }

    /** The cell's air interface. */
    public AirInterface airInterface() {
        return airInterface;
    }

    /**
     * The figures of the shared direction {@code sender}'s side sends in, from the cell's creation to now
     * (utilisation, mean active users); empty in a dedicated cell. Each connection's own are told to the
     * {@link CellListener#shareClosed} when it stops sending.
     */
    public Optional<ShareStatistics> shareStatistics(Side sender) {
        return share(sender).map(CellDirection::statistics);
    }

    /** The capacity of the shared direction {@code sender}'s side sends in; empty in a dedicated cell. */
    public OptionalDouble shareCapacityBitsPerSecond(Side sender) {
        Optional<CellDirection> share = share(sender);
        return share.isPresent() ? OptionalDouble.of(share.get().capacityBitsPerSecond()) : OptionalDouble.empty();
    }

    /** The shared direction {@code sender}'s side sends in; empty in a dedicated cell. */
    Optional<CellDirection> share(Side sender) {
        return switch (sender) {
            case TERMINAL -> uplinkShare;
            case STATION -> downlinkShare;
        };
    }

    void shareClosed(Connection<?> connection, Side sender, ShareStatistics statistics) {
        cellListener.shareClosed(this, connection, sender, statistics, scheduler.nowSeconds());
    }

    /** Connection attempts so far. */
    public long attempts() {
        return attempts;
    }

    /** Attempts that found every channel busy. */
    public long blockedAttempts() {
        return blockedAttempts;
    }

    /** Attempts whose set-up failed. */
    public long failedSetups() {
        return failedSetups;
    }

    /** Connections dropped by radio link failure. */
    public long drops() {
        return drops;
    }
}
