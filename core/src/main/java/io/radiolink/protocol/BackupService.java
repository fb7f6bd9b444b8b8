package io.radiolink.protocol;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.station.StationSide;
import io.radiolink.protocol.terminal.TerminalSide;
import io.radiolink.radio.AccessCallback;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The protocol's entry point for one replication: the network between the terminals' end
 * ({@link TerminalSide}) and each base station's end ({@link StationSide}). It starts backup and
 * download flows, routes their connection attempts to the station's cell, and hands each established
 * connection to the station's end, which opens a session on it. The two ends exchange only messages;
 * the terminal side's events go to a {@link TerminalListener}, the stations' to a {@link SessionListener}
 * ({@code io.radiolink.simulation.FlowRecords} joins both into {@link FlowRecord}s).
 */
public final class BackupService implements Network {

    private final Scheduler scheduler;
    private final ProtocolConfig config;
    private final SessionListener sessionListener;
    private final TerminalSide terminals;
    private final Map<BaseStation, StationSide> stations = new IdentityHashMap<>();
    private long nextSessionNumber;

    /** A service on {@code scheduler} with {@code config}, telling the two ends' events to the two listeners. */
    public BackupService(Scheduler scheduler, ProtocolConfig config, TerminalListener terminalListener,
            SessionListener sessionListener) {
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
     * Starts, now, the backup of {@code terminal}'s user data to {@code station} (claims 1-5).
     *
     * @throws IllegalStateException if the terminal holds no user data or runs another flow
     */
    public Flow startBackup(Terminal terminal, BaseStation station) {
        return terminals.startBackup(terminal, station);
    }

    /**
     * Starts, now, the download to {@code terminal} of the data stored at {@code station} under
     * {@code storedNumber} (claims 6-10).
     *
     * @throws IllegalStateException if the terminal runs another flow
     */
    public Flow startDownload(Terminal terminal, PhoneNumber storedNumber, BaseStation station) {
        return terminals.startDownload(terminal, storedNumber, station);
    }

    /** True while {@code terminal} runs a flow of this service. */
    public boolean isBusy(Terminal terminal) {
        return terminals.isBusy(terminal);
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
                s -> new StationSide(s, scheduler, config, sessionListener, () -> nextSessionNumber++));
    }
}
