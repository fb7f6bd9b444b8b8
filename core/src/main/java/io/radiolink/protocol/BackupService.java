package io.radiolink.protocol;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.SimKey;
import io.radiolink.node.Terminal;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.Objects;
import java.util.Set;

/**
 * The protocol's entry point for one replication: starts backup and download flows between terminals
 * and base stations on a scheduler, and reports them to a listener.
 */
public final class BackupService {

    private final Scheduler scheduler;
    private final ProtocolConfig config;
    private final FlowListener listener;
    private final Set<Terminal> busyTerminals = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<BaseStation, AuthenticationGuard> guards = new IdentityHashMap<>();
    private final Map<BaseStation, RandomGenerator> nonces = new IdentityHashMap<>();
    private final Map<Terminal, Unconfirmed> unconfirmed = new IdentityHashMap<>();

    private final Map<BaseStation, Map<PhoneNumber, PartialUpload>> partials = new IdentityHashMap<>();
    private final Map<BaseStation, RandomGenerator> backoffs = new IdentityHashMap<>();

    /** A backup that ended after its terminal's complete command but without the station's answer. */
    record Unconfirmed(long flowId, BaseStation station, ContentDigest digest) {}

    /** A partial upload a station keeps between connections: its staging space and the frames it holds. */
    static final class PartialUpload {
        final ContentDigest digest;
        final Reservation reservation;
        final ArqReceiver receiver;
        ScheduledAction expiry;

        PartialUpload(ContentDigest digest, Reservation reservation, ArqReceiver receiver) {
            this.digest = digest;
            this.reservation = reservation;
            this.receiver = receiver;
        }
    }

    private long nextFlowId;

    /** A service on {@code scheduler} with {@code config}, reporting to {@code listener}. */
    public BackupService(Scheduler scheduler, ProtocolConfig config, FlowListener listener) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts, now, the backup of {@code terminal}'s user data to {@code station} (claims 1-5).
     *
     * @throws IllegalStateException if the terminal holds no user data or runs another flow
     */
    public Flow startBackup(Terminal terminal, BaseStation station) {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(station, "station");
        requireIdle(terminal);
        if (terminal.userData().isEmpty()) {
            throw new IllegalStateException(terminal + " holds no user data to back up");
        }
        BackupFlow flow = new BackupFlow(this, nextFlowId++, terminal, station);
        flow.start();
        return flow;
    }

    /**
     * Starts, now, the download to {@code terminal} of the data stored at {@code station} under
     * {@code storedNumber} (claims 6-10).
     *
     * @throws IllegalStateException if the terminal runs another flow
     */
    public Flow startDownload(Terminal terminal, PhoneNumber storedNumber, BaseStation station) {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(storedNumber, "storedNumber");
        Objects.requireNonNull(station, "station");
        requireIdle(terminal);
        DownloadFlow flow = new DownloadFlow(this, nextFlowId++, terminal, storedNumber, station);
        flow.start();
        return flow;
    }

    private void requireIdle(Terminal terminal) {
        if (busyTerminals.contains(terminal)) {
            throw new IllegalStateException(terminal + " is already running a flow");
        }
    }

    /** True while {@code terminal} runs a flow of this service. */
    public boolean isBusy(Terminal terminal) {
        return busyTerminals.contains(terminal);
    }

    void flowStarted(Terminal terminal) {
        busyTerminals.add(terminal);
    }

    void flowEnded(Terminal terminal) {
        busyTerminals.remove(terminal);
    }

    /** Remembers that {@code terminal}'s backup ended without knowing whether the station committed. */
    void unconfirmed(Terminal terminal, Unconfirmed backup) {
        unconfirmed.put(terminal, backup);
    }

    /** The terminal's backup whose outcome it does not know, if any; forgotten once learned. */
    Unconfirmed takeUnconfirmed(Terminal terminal, BaseStation station) {
        Unconfirmed pending = unconfirmed.get(terminal);
        if (pending == null || pending.station() != station) {
            return null;
        }
        unconfirmed.remove(terminal);
        return pending;
    }

    /** The station's count of failed attempts and lock-outs, kept across its sessions. */
    AuthenticationGuard guard(BaseStation station) {
        return guards.computeIfAbsent(station, s -> new AuthenticationGuard(config.auth().maxFailedAttempts(),
                config.auth().lockoutSeconds()));
    }

    /**
     * Keeps {@code receiver}'s verified prefix of an upload whose connection ended, with its staging
     * space, for {@link ResumeConfig#holdSeconds()}; replaces an older partial upload of the number.
     */
    void park(BaseStation station, PhoneNumber phone, ContentDigest digest, Reservation reservation,
            ArqReceiver receiver) {
        Map<PhoneNumber, PartialUpload> kept = partials.computeIfAbsent(station, s -> new HashMap<>());
        PartialUpload older = kept.remove(phone);
        if (older != null) {
            older.expiry.cancel();
            station.store().release(older.reservation);
        }
        receiver.keepPrefix(receiver.verifiedPrefixFrames());
        station.store().park(reservation);
        PartialUpload partial = new PartialUpload(digest, reservation, receiver);
        partial.expiry = scheduler.schedule(config.resume().holdSeconds(), () -> {
            if (kept.remove(phone, partial)) {
                station.store().release(reservation);
            }
        });
        kept.put(phone, partial);
    }

    /**
     * Takes the partial upload of {@code digest} the station keeps for {@code phone}, if it still holds
     * its space; a partial upload of other data is dropped and its space released.
     */
    PartialUpload resume(BaseStation station, PhoneNumber phone, ContentDigest digest) {
        Map<PhoneNumber, PartialUpload> kept = partials.get(station);
        PartialUpload partial = kept == null ? null : kept.remove(phone);
        if (partial == null) {
            return null;
        }
        partial.expiry.cancel();
        if (partial.digest.equals(digest) && station.store().unpark(partial.reservation)) {
            return partial;
        }
        station.store().release(partial.reservation);
        return null;
    }

    /** The stream of back-off draws of terminals reconnecting to {@code station}. */
    RandomGenerator backoffs(BaseStation station) {
        return backoffs.computeIfAbsent(station, s -> s.streams().stream("backoff", s.id(), 0));
    }

    /**
     * The key provisioned in the SIM of {@code phone} and in the network's authentication centre
     * ({@link SimKey}): a terminal's flow uses it as its SIM's, a station's session as the network's copy for
     * the SIM on its connection. It never travels in a message.
     */
    SimKey simKey(BaseStation station, PhoneNumber phone) {
        return SimKey.provisioned(station.streams(), phone);
    }

    /**
     * The station's next challenge nonce: the first 64 bits of the SHA-256 of the next draw of its stream
     * {@code nonce}. Never the draw itself: the generator's first output and its seeding, and the chain from
     * the scenario seed to the stream's seed, are bijections ({@code docs/design.md}), so one nonce on the air
     * would give the scenario seed, hence every SIM's key and every later nonce.
     */
    long nonce(BaseStation station) {
        long draw = nonces.computeIfAbsent(station, s -> s.streams().stream("nonce", s.id(), 0)).nextLong();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return ByteBuffer.wrap(sha.digest(ByteBuffer.allocate(Long.BYTES).putLong(draw).array())).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ProtocolConfig config() {
        return config;
    }

    FlowListener listener() {
        return listener;
    }
}
