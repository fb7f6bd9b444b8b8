package io.radiolink.protocol.station;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.AuthMode;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.LossProcess;
import io.radiolink.radio.NoLoss;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.FlowRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Station storage with peer fetch ({@link StationStore}): what a station keeps for its downloads of copies
 * held elsewhere lasts only as long as each download.
 */
final class StationStoreTest {

    private static final LinkConfig LINK = new LinkConfig(1_000_000, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);
    private static final ProtocolConfig PATIENT =
            new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.2, 2), new ControlConfig(30, 3));
    private static final PhoneNumber NUMBER = PhoneNumber.of("0100000001");
    private static final String PASSWORD = "4711";

    /** What a run left: each station's store access, by id, and every flow's outcome, by flow id. */
    private record Run(Map<String, StationStore> stores, Map<Long, FlowOutcome> outcomes) {}

    /** What the script gets: the run's service and stations. */
    private interface Script {
        void start(Scheduler scheduler, BackupService service, Map<String, BaseStation> stations);
    }

    /** {@code configs} under peer fetch over {@code backhaul}, run to the end after {@code script}. */
    private static Run run(ProtocolConfig protocol, BackhaulConfig backhaul, List<StationConfig> configs, Script script) {
        Map<String, StationStore> stores = new LinkedHashMap<>();
        Map<Long, FlowOutcome> outcomes = new TreeMap<>();
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            RandomStreams streams = new RandomStreams(1, 0);
            Map<String, BaseStation> stations = new LinkedHashMap<>();
            Map<String, Backhaul> backhauls = new LinkedHashMap<>();
            for (StationConfig config : configs) {
                stations.put(config.id(), new BaseStation(config, scheduler, streams));
                backhauls.put(config.id(), new Backhaul(config.id(), backhaul, scheduler, streams));
            }
            stores.putAll(StationStore.of(List.copyOf(stations.values()), backhauls));
            FlowRecords records = new FlowRecords(new FlowListener() {
                @Override
                public void flowEnded(Flow flow, FlowRecord record) {
                    outcomes.put(flow.id(), record.outcome());
                }
            }, scheduler::nowSeconds);
            BackupService service = new BackupService(scheduler, protocol, records, records,
                    station -> stores.get(station.id()));
            script.start(scheduler, service, stations);
        });
        return new Run(stores, outcomes);
    }

    private static Terminal phone() {
        Terminal terminal = new Terminal(NUMBER, UserData.synthetic(3_000, 10, 5));
        terminal.enterMaintenancePassword(PASSWORD);
        return terminal;
    }

    private static Terminal replacement(int index, String password) {
        Terminal terminal = Terminal.empty(PhoneNumber.of("019900000" + index));
        terminal.enterMaintenancePassword(password);
        return terminal;
    }

    /** A link that delivers its first unit (the station's response) and loses every later one. */
    private static LinkConfig losingAllButTheFirst() {
        return LINK.withLossModel(new LossModel() {
            @Override
            public LossProcess newProcess(RandomGenerator random) {
                int[] unit = {0};
                return () -> unit[0]++ > 0;
            }

            @Override
            public double stationaryLossProbability() {
                return Double.NaN;
            }
        });
    }

    /**
     * Downloads that end without a clear: refused for the password after the peer look-up, confirmed at a
     * station that does not clear, and one whose data never arrives (the station's sender gives up). Each
     * fetched or looked up a relayed copy; none is kept after the run (before: two of the three stayed).
     */
    @Test
    void keptForDownloads_downloadsEndedWithoutAClear_noneKeptAfterTheRun() {
        List<StationConfig> stations = List.of(StationConfig.of("bs-0", 10, 1_000_000, AIR),
                StationConfig.of("bs-1", 10, 1_000_000, AIR),
                StationConfig.of("bs-2", 10, 1_000_000, AIR).withClearAfterDownload(false),
                StationConfig.of("bs-3", 10, 1_000_000, AIR.withLinks(LINK, losingAllButTheFirst())));
        List<Flow> flows = new ArrayList<>();
        Run run = run(PATIENT, BackhaulConfig.lossless(1e9, 0.001), stations, (scheduler, service, at) -> {
            scheduler.scheduleAt(1, () -> flows.add(service.terminals().startBackup(phone(), at.get("bs-0"))));
            scheduler.scheduleAt(50, () -> flows.add(service.terminals()
                    .startDownload(replacement(1, "wrong"), NUMBER, at.get("bs-1"))));
            scheduler.scheduleAt(100, () -> flows.add(service.terminals()
                    .startDownload(replacement(2, PASSWORD), NUMBER, at.get("bs-2"))));
            scheduler.scheduleAt(150, () -> flows.add(service.terminals()
                    .startDownload(replacement(3, PASSWORD), NUMBER, at.get("bs-3"))));
        });
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.SUCCESS,
                FlowOutcome.RETRIES_EXHAUSTED), flows.stream().map(f -> run.outcomes().get(f.id())).toList());
        run.stores().forEach((id, store) -> assertEquals(0, store.keptForDownloads(), id));
    }

    /**
     * A terminal that stops waiting for the response while the station's fetch is under way (control timeout
     * 0.5 s, no retry, backhauls of 2 s): the station decides after the connection ended and keeps nothing.
     */
    @Test
    void keptForDownloads_connectionEndedWhileTheFetchWasUnderWay_noneKeptAfterTheRun() {
        ProtocolConfig impatient = new ProtocolConfig(PATIENT.arq(), new ControlConfig(0.5, 0));
        List<Flow> flows = new ArrayList<>();
        Run run = run(impatient, BackhaulConfig.lossless(1e9, 2.0), List.of(StationConfig.of("bs-0", 10, 1_000_000, AIR),
                StationConfig.of("bs-1", 10, 1_000_000, AIR)), (scheduler, service, at) -> {
                    scheduler.scheduleAt(1, () -> flows.add(service.terminals().startBackup(phone(), at.get("bs-0"))));
                    scheduler.scheduleAt(50, () -> flows.add(service.terminals()
                            .startDownload(replacement(1, PASSWORD), NUMBER, at.get("bs-1"))));
                });
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.RETRIES_EXHAUSTED),
                flows.stream().map(f -> run.outcomes().get(f.id())).toList());
        run.stores().forEach((id, store) -> assertEquals(0, store.keptForDownloads(), id));
    }

    /**
     * Refused as locked after the peer look-up (maxFailedAttempts 3, backhauls of 2 s): the backup at bs-0,
     * then three wrong downloads and a right one at bs-1 10 ms apart, all four looking bs-0's copy up at
     * once; the third failure locks the number, so the fourth, decided when its relayed copy arrives, is
     * refused as locked and keeps nothing (before: its relayed copy stayed for the rest of the run).
     */
    @Test
    void keptForDownloads_downloadRefusedAsLockedAfterTheLookup_noneKeptAfterTheRun() {
        ProtocolConfig locking = PATIENT.withAuth(new AuthConfig(AuthMode.PASSWORD_IN_REQUEST, 3, 900));
        List<Flow> flows = new ArrayList<>();
        Run run = run(locking, BackhaulConfig.lossless(1e9, 2.0), List.of(StationConfig.of("bs-0", 10, 1_000_000, AIR),
                StationConfig.of("bs-1", 10, 1_000_000, AIR)), (scheduler, service, at) -> {
                    scheduler.scheduleAt(1, () -> flows.add(service.terminals().startBackup(phone(), at.get("bs-0"))));
                    for (int i = 0; i < 4; i++) {
                        Terminal replacement = replacement(i, i < 3 ? "wrong" : PASSWORD);
                        scheduler.scheduleAt(50 + 0.01 * i, () -> flows.add(service.terminals()
                                .startDownload(replacement, NUMBER, at.get("bs-1"))));
                    }
                });
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.AUTH_REJECTED),
                flows.stream().map(f -> run.outcomes().get(f.id())).toList());
        run.stores().forEach((id, store) -> assertEquals(0, store.keptForDownloads(), id));
    }
}
