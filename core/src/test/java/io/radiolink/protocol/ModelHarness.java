package io.radiolink.protocol;

import io.radiolink.engine.Engine;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.StationListeners;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.LossProcess;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.Side;
import io.radiolink.simulation.FlowRecords;
import io.radiolink.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/** Builds small models on the DSOL engine, runs them to the end and keeps everything they reported. */
final class ModelHarness implements FlowListener, AirListener {

    /** 100 kbit/s each way, 10 ms propagation, 100-byte payloads with 10-byte headers, 10-byte control. */
    static final LinkConfig CLEAN_LINK = new LinkConfig(100_000, 0.010, 100, 10, 10, NoLoss.INSTANCE);
    /** Set-up 0.5 s that never fails, no radio link failure, release 0.1 s. */
    static final AirInterface CLEAN_AIR =
            new AirInterface(CLEAN_LINK, CLEAN_LINK, 0.5, 0.0, Double.POSITIVE_INFINITY, 0.1);
    static final ProtocolConfig PROTOCOL =
            new ProtocolConfig(ArqConfig.selectiveRepeat(8, 0.2, 5), new ControlConfig(0.5, 3));
    static final String PASSWORD = "4711";

    /** A unit on the air, as the air listener saw it. */
    record AirEvent(double departureSeconds, Side sender, Message message, int bytes, boolean lost,
            Connection<?> connection) {}

    /** A phase change, as the flow listener saw it. */
    record PhaseEvent(long flowId, FlowPhase phase, double timeSeconds) {}

    final List<FlowRecord> records = new ArrayList<>();
    final List<PhaseEvent> phases = new ArrayList<>();
    final List<AirEvent> air = new ArrayList<>();
    final List<Long> started = new ArrayList<>();
    /** Called at every phase change, before it is recorded; tests use it to look at the model then. */
    java.util.function.BiConsumer<Flow, FlowPhase> phaseHook = (flow, phase) -> {};
    private Scheduler scheduler;
    private RandomStreams streams;
    private BackupService service;
    private ProtocolConfig protocol = PROTOCOL;
    private long seed = 1;

    ModelHarness protocol(ProtocolConfig config) {
        this.protocol = config;
        return this;
    }

    ModelHarness seed(long value) {
        this.seed = value;
        return this;
    }

    /** Runs {@code script} at time 0 on a fresh DSOL engine until no event is left. */
    ModelHarness run(Consumer<ModelHarness> script) {
        return run(new DsolEngine(), script);
    }

    ModelHarness run(Engine engine, Consumer<ModelHarness> script) {
        engine.run(Double.POSITIVE_INFINITY, s -> buildOn(s, script));
        return this;
    }

    /** Builds the model on a scheduler someone else runs (a host DSOL model, in hosted mode). */
    void buildOn(Scheduler s, Consumer<ModelHarness> script) {
        scheduler = s;
        streams = new RandomStreams(seed, 0);
        service = new BackupService(s, protocol, new FlowRecords(this, s::nowSeconds));
        script.accept(this);
    }

    Scheduler scheduler() {
        return scheduler;
    }

    BackupService service() {
        return service;
    }

    BaseStation station(StationConfig config) {
        return new BaseStation(config, scheduler, streams, StationListeners.ofAir(this));
    }

    BaseStation station(AirInterface airInterface) {
        return station(StationConfig.of("bs-1", 4, 10_000_000, airInterface));
    }

    static Terminal terminalWithData(String number, long sizeBytes, boolean passwordEntered) {
        Terminal terminal = new Terminal(PhoneNumber.of(number), UserData.synthetic(sizeBytes, 42, sizeBytes));
        if (passwordEntered) {
            terminal.enterMaintenancePassword(PASSWORD);
        }
        return terminal;
    }

    static Terminal replacementPhone(String number, String password) {
        Terminal terminal = Terminal.empty(PhoneNumber.of(number));
        if (password != null) {
            terminal.enterMaintenancePassword(password);
        }
        return terminal;
    }

    void at(double timeSeconds, Runnable action) {
        scheduler.scheduleAt(timeSeconds, action);
    }

    /** The single record with this flow id. */
    FlowRecord record(Flow flow) {
        return records.stream().filter(r -> r.flowId() == flow.id()).findFirst()
                .orElseThrow(() -> new AssertionError(flow + " has no record"));
    }

    /** The messages of the given type, in the order they were put on the air. */
    <M extends Message> List<AirEvent> sent(Class<M> type) {
        return air.stream().filter(e -> type.isInstance(e.message())).toList();
    }

    double phaseStart(Flow flow, FlowPhase phase) {
        return phases.stream().filter(p -> p.flowId() == flow.id() && p.phase() == phase)
                .mapToDouble(PhaseEvent::timeSeconds).findFirst()
                .orElseThrow(() -> new AssertionError(flow + " never entered " + phase));
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        started.add(flow.id());
    }

    @Override
    public void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {
        phaseHook.accept(flow, phase);
        phases.add(new PhaseEvent(flow.id(), phase, timeSeconds));
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        records.add(record);
    }

    @Override
    public void unitSent(Connection<?> connection, Side sender, Object unit, int bytes,
            double departureSeconds, boolean lost) {
        air.add(new AirEvent(departureSeconds, sender, (Message) unit, bytes, lost, connection));
    }

    /** A loss model that loses exactly the units whose index (0-based, per link) matches. */
    static LossModel losing(IntPredicate unitIndexLost) {
        return new LossModel() {
            @Override
            public LossProcess newProcess(RandomGenerator random) {
                int[] index = {0};
                return () -> unitIndexLost.test(index[0]++);
            }

            @Override
            public double stationaryLossProbability() {
                return Double.NaN;
            }
        };
    }
}
