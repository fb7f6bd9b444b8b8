package io.radiolink.protocol.terminal;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.Network;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.TerminalListener;
import io.radiolink.random.StreamPurpose;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The terminals' end of the protocol in one replication: starts backup and download flows, reaches
 * stations through the {@link Network}, and remembers what terminals remember between flows (which
 * terminal runs a flow, a backup whose outcome it never heard). It knows a station only through the
 * messages on a connection.
 */
public final class TerminalSide {

    private final Scheduler scheduler;
    private final ProtocolConfig config;
    private final TerminalListener listener;
    private final Network network;
    private final Set<Terminal> busyTerminals = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Terminal, Unconfirmed> unconfirmed = new IdentityHashMap<>();
    private final Map<BaseStation, RandomGenerator> backoffs = new IdentityHashMap<>();
    private long nextFlowId;

    /** A backup that ended after its terminal's complete command but without the station's answer. */
    record Unconfirmed(long flowId, BaseStation station, ContentDigest digest) {}

    /** The terminals' end on {@code scheduler} with {@code config}, reaching stations through {@code network}. */
    public TerminalSide(Scheduler scheduler, ProtocolConfig config, TerminalListener listener, Network network) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.network = Objects.requireNonNull(network, "network");
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

    /** True while {@code terminal} runs a flow. */
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

    /** The terminal's backup at {@code station} whose outcome it does not know, if any; forgotten once taken. */
    Unconfirmed takeUnconfirmed(Terminal terminal, BaseStation station) {
        Unconfirmed pending = unconfirmed.get(terminal);
        if (pending == null || pending.station() != station) {
            return null;
        }
        unconfirmed.remove(terminal);
        return pending;
    }

    /** The stream of back-off draws of terminals reconnecting to {@code station} or retrying a refused attempt there. */
    RandomGenerator backoffs(BaseStation station) {
        return backoffs.computeIfAbsent(station, s -> s.streams().stream(StreamPurpose.BACKOFF, s.id(), 0));
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ProtocolConfig config() {
        return config;
    }

    TerminalListener listener() {
        return listener;
    }

    Network network() {
        return network;
    }
}
