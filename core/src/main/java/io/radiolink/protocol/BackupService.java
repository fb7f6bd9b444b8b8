package io.radiolink.protocol;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.station.StationSide;
import io.radiolink.protocol.station.StoreAccess;
import io.radiolink.protocol.terminal.TerminalSide;
import io.radiolink.radio.AccessCallback;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The protocol's entry point for one replication: the network between the terminals' end
 * ({@link TerminalSide}, {@link #terminals()}, where flows start) and each base station's end ({@link
 * StationSide}). It routes the flows' connection attempts to the station's cell, and hands each
 * established connection to the station's end, which opens a session on it. The two ends exchange only messages;
 * the terminal side's events go to a {@link TerminalListener}, the stations' to a {@link SessionListener}
 * ({@code io.radiolink.simulation.FlowRecords} joins both into {@link FlowRecord}s).
 */
public final class BackupService implements Network {

    private final Scheduler scheduler;
    private final ProtocolConfig config;
    private final SessionListener sessionListener;
    private final TerminalSide terminals;
    private final Function<BaseStation, StoreAccess> storage;
    private final Map<BaseStation, StationSide> stations = new IdentityHashMap<>();
    private long nextSessionNumber;

    /** A service on {@code scheduler} with {@code config}, telling the two ends' events to the two listeners. */
    public BackupService(Scheduler scheduler, ProtocolConfig config, TerminalListener terminalListener,
            SessionListener sessionListener) {
        this(scheduler, config, terminalListener, sessionListener, StoreAccess::own);
    }

    /**
     * As {@link #BackupService(Scheduler, ProtocolConfig, TerminalListener, SessionListener)}, each station's
     * end reaching user data through {@code storage}'s answer for it (station storage: {@link StoreAccess#own}).
     */
    public BackupService(Scheduler scheduler, ProtocolConfig config, TerminalListener terminalListener,
            SessionListener sessionListener, Function<BaseStation, StoreAccess> storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.sessionListener = Objects.requireNonNull(sessionListener, "sessionListener");
        this.terminals = new TerminalSide(scheduler, config, terminalListener, this);
    }

    /**
     * A service telling both ends' events to one listener of both (such as the joiner
     * {@code io.radiolink.simulation.FlowRecords}).
     */
    public <L extends TerminalListener & SessionListener> BackupService(Scheduler scheduler, ProtocolConfig config,
            L listener) {
        this(scheduler, config, listener, listener);
    }

    /**
     * The terminals' end: where flows start ({@link TerminalSide#startBackup}, {@link
     * TerminalSide#startDownload}) and where a terminal's being busy is known.
     */
    public TerminalSide terminals() {
        return terminals;
    }

    /**
     * The attempt goes to the station's cell; once established, the station's end accepts the connection
     * for the terminal's SIM (opening its session) before the terminal learns of it.
     */
    @Override
    public void connect(Terminal terminal, BaseStation station, AccessCallback<Message> attempt) {
        StationSide side = station(station);
        station.cell().connect(attempt, connection -> side.accept(connection, terminal.phoneNumber()));
    }

    /** {@code station}'s end of the protocol, made when first needed. */
    public StationSide station(BaseStation station) {
        Objects.requireNonNull(station, "station");
        return stations.computeIfAbsent(station,
                s -> new StationSide(s, storage.apply(s), scheduler, config, sessionListener, () -> nextSessionNumber++));
    }
}
