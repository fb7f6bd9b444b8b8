package io.radiolink.protocol;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import java.util.Collections;
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

    /** A backup that ended after its terminal's complete command but without the station's answer. */
    record Unconfirmed(long flowId, BaseStation station, ContentDigest digest) {}
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
        requireIdle(terminal);
        if (terminal.userData().isEmpty()) {
            throw new IllegalStateException(terminal + " holds no user data to back up");
        }
        BackupFlow flow = new BackupFlow(this, nextFlowId++, terminal, Objects.requireNonNull(station));
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
        requireIdle(terminal);
        DownloadFlow flow = new DownloadFlow(this, nextFlowId++, terminal,
                Objects.requireNonNull(storedNumber), Objects.requireNonNull(station));
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

    /** The station's stream of challenge nonces. */
    RandomGenerator nonces(BaseStation station) {
        return nonces.computeIfAbsent(station, s -> s.streams().stream("nonce", s.id(), 0));
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
