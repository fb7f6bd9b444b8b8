package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.StorageMode;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.LossProcess;
import io.radiolink.radio.NoLoss;
import io.radiolink.stats.BackhaulUsage;
import io.radiolink.stats.FlowCounts;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.Relocation;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Network storage ({@code docs/design.md}, "Where user data lives"): stations are front-ends of one
 * subscriber store reached over each station's backhaul; the rules where several flows meet at the store.
 */
final class NetworkStorageTest {

    private static final LinkConfig LINK = new LinkConfig(1_000_000, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);
    /** A terminal that waits long for answers, so that slow backhauls are waited for, not retried. */
    private static final ProtocolConfig PATIENT =
            new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.2, 5), new ControlConfig(30, 3));
    private static final BackhaulConfig FAST = BackhaulConfig.lossless(1e9, 0.001);
    private static final BackhaulConfig SLOW = BackhaulConfig.lossless(1e9, 2.0);
    private static final StorageMode.Network NETWORK = StorageMode.Network.uniform(Long.MAX_VALUE,
            new StorageMode.Attachment(FAST, RelayMode.STORE_AND_FORWARD));
    private static final PhoneNumber NUMBER = PhoneNumber.of("0100000001");
    private static final String PASSWORD = "4711";

    /** A model of {@code stations} stations in {@code mode}, run to its end after {@code script}. */
    private static Run run(StorageMode mode, int stations, BiConsumer<ReplicationModel, Run> script) {
        Run run = new Run();
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).runLengthSeconds(1_000)
                .storage(mode).flowListener(run).script(model -> script.accept(model, run));
        for (int i = 0; i < stations; i++) {
            builder.station("bs-" + i, 10, 1_000_000);
        }
        Simulation simulation = builder.build();
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> run.model = simulation.install(scheduler, 0));
        return run;
    }

    /** What a run left: its model and every flow's record, in the order the flows ended. */
    private static final class Run implements FlowListener {
        ReplicationModel model;
        final List<FlowRecord> records = new ArrayList<>();
        /** What terminals learned of earlier backups: each earlier flow's id and whether it committed. */
        final List<Map.Entry<Long, Boolean>> learned = new ArrayList<>();
        /** The store's changes after their flows ended, in the order told. */
        final List<Late> lateEffects = new ArrayList<>();
        /** The downloads whose look-up found a copy after they ended, and when the station heard it. */
        final List<Map.Entry<FlowRecord, Double>> lateCopies = new ArrayList<>();

        @Override
        public void flowEnded(Flow flow, FlowRecord record) {
            records.add(record);
        }

        @Override
        public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
            learned.add(Map.entry(earlierFlowId, committed));
        }

        @Override
        public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
            lateEffects.add(new Late(record, effect, timeSeconds));
        }

        @Override
        public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
            lateCopies.add(Map.entry(record, timeSeconds));
        }

        FlowRecord record(Flow flow) {
            return records.stream().filter(r -> r.flowId() == flow.id()).findFirst().orElseThrow();
        }

        Optional<StoredBackup> stored() {
            return model.subscriberStore().orElseThrow().store().find(NUMBER);
        }

        void noStationKeepsACopy() {
            for (BaseStation station : model.stations()) {
                assertTrue(station.store().committedCopies().isEmpty(), station + " keeps a copy");
                assertEquals(0, station.store().stagedBytes(), station + " keeps staging space");
            }
            assertEquals(0, model.subscriberStore().orElseThrow().store().stagedBytes(), "the store's staging space");
        }
    }

    /** A late store effect as told: the flow's final record, the effect and when the station heard it. */
    private record Late(FlowRecord record, StationEffect effect, double timeSeconds) {}

    private static Terminal phone(long sizeBytes, long label) {
        Terminal terminal = new Terminal(NUMBER, UserData.synthetic(sizeBytes, 10, label));
        terminal.enterMaintenancePassword(PASSWORD);
        return terminal;
    }

    private static Terminal replacement() {
        Terminal terminal = Terminal.empty(PhoneNumber.of("0199000001"));
        terminal.enterMaintenancePassword(PASSWORD);
        return terminal;
    }

    private static void at(ReplicationModel model, double seconds, Runnable action) {
        model.scheduler().scheduleAt(seconds, action);
    }

    @Test
    void backup_networkStorage_completesOnlyAfterTheStoresCommitCameBack() {
        Flow[] flows = new Flow[2];
        Terminal ownPhone = phone(2_000, 1);
        Run station = run(SimulationConfig.DEFAULT_STORAGE, 1, (model, r) -> at(model, 1,
                () -> flows[0] = model.service().terminals().startBackup(ownPhone, model.station("bs-0"))));
        Terminal networkPhone = phone(2_000, 1);
        Run network = run(NETWORK, 1, (model, r) -> at(model, 1,
                () -> flows[1] = model.service().terminals().startBackup(networkPhone, model.station("bs-0"))));
        FlowRecord own = station.record(flows[0]);
        FlowRecord across = network.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, across.outcome());
        assertEquals(StationEffect.COMMITTED, across.stationEffect());
        // Before the response: a look-up and a reservation, each a request up and an answer down; before
        // the station's complete: the object up, the commit's answer down. 20-byte control messages.
        double control = 20 * 8 / 1e9 + 0.001;
        double object = 2_000 * 8 / 1e9 + 0.001;
        assertEquals(own.endSeconds() + 5 * control + object, across.endSeconds(), 1e-9);
        assertEquals(networkPhone.userData().orElseThrow(), network.stored().orElseThrow().data());
        network.noStationKeepsACopy();
        assertEquals(3, network.model.backhauls().get("bs-0").toStore().statistics().messagesDelivered());
        assertEquals(3, network.model.backhauls().get("bs-0").fromStore().statistics().messagesDelivered());
    }

    @Test
    void result_networkStorage_countsEachStationsBackhaulInTheWindow() {
        Terminal phone = phone(2_000, 1);
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).runLengthSeconds(100)
                .storage(NETWORK).station("bs-0", 10, 1_000_000).station("bs-1", 10, 1_000_000)
                .script(model -> at(model, 1, () -> model.service().terminals().startBackup(phone, model.station("bs-0"))));
        ReplicationResult counted = builder.build().run().replications().get(0);
        ReplicationResult warmedUp = builder.warmupSeconds(50).build().run().replications().get(0);
        BackhaulUsage.Directions bs0 = counted.backhauls().stations().get("bs-0");
        assertEquals(3, bs0.toStore().messagesDelivered());
        assertEquals(2 * 20 * 8 + 2_000 * 8, bs0.toStore().bitsDelivered());
        assertEquals(3, bs0.fromStore().messagesDelivered());
        assertEquals(100, bs0.toStore().observedSeconds(), 1e-9);
        assertEquals(0, counted.backhauls().stations().get("bs-1").toStore().messagesOffered(), "bs-1 idle");
        BackhaulUsage.Directions late = warmedUp.backhauls().stations().get("bs-0");
        assertEquals(0, late.toStore().messagesDelivered(), "all before the warm-up");
        assertEquals(50, late.toStore().observedSeconds(), 1e-9);
        assertEquals(BackhaulUsage.NONE, run(SimulationConfig.DEFAULT_STORAGE, 1, (model, r) -> {}).model.finish()
                .backhauls(), "station storage has no backhaul");
    }

    /**
     * The largest queueing delay is the window's, as every other backhaul figure: a streamed backup over a
     * 100 kbit/s backhaul queues its frames in the warm-up; the window then sees a lone small backup, whose
     * largest wait is what it is without the earlier one (before: the warm-up's).
     */
    @Test
    void result_largestQueueingDelay_overTheWindowOnly() {
        StorageMode.Network slow = StorageMode.Network.uniform(Long.MAX_VALUE,
                new StorageMode.Attachment(BackhaulConfig.lossless(1e5, 0.001), RelayMode.STREAMED));
        BackhaulStatistics.Delays both = queueingOfBs0(slow, 50, true);
        BackhaulStatistics.Delays lateOnly = queueingOfBs0(slow, 50, false);
        BackhaulStatistics.Delays fromZero = queueingOfBs0(slow, 0, true);
        assertTrue(fromZero.maxSeconds() > 0.5, "the early backup's frames queue: " + fromZero);
        assertEquals(lateOnly.count(), both.count(), "the window counts the late backup's messages only");
        assertEquals(lateOnly.maxSeconds(), both.maxSeconds(), "and their largest wait");
        assertTrue(both.maxSeconds() < fromZero.maxSeconds(), both + " against " + fromZero);
    }

    /** bs-0's queueing toward the store in the window after {@code warmupSeconds}, with or without the early backup. */
    private static BackhaulStatistics.Delays queueingOfBs0(StorageMode mode, double warmupSeconds, boolean early) {
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).runLengthSeconds(200)
                .warmupSeconds(warmupSeconds).storage(mode).station("bs-0", 10, 1_000_000).script(model -> {
                    if (early) {
                        at(model, 1, () -> model.service().terminals().startBackup(phone(10_000, 1), model.station("bs-0")));
                    }
                    at(model, 100, () -> model.service().terminals().startBackup(phone(1_500, 2), model.station("bs-0")));
                });
        return builder.build().run().replications().get(0).backhauls().stations().get("bs-0").toStore().queueing();
    }

    @Test
    void backup_streamedRelay_sendsEachDataFrameUpAsItArrives() {
        Run run = oneBackup(StorageMode.Network.uniform(Long.MAX_VALUE,
                new StorageMode.Attachment(FAST, RelayMode.STREAMED)), 4_500);
        assertEquals(FlowOutcome.SUCCESS, run.records.get(0).outcome());
        // 4,500 bytes in 1,000-byte payloads: 5 frames, each its own message, besides the look-up and the
        // reservation.
        assertEquals(5 + 2, run.model.backhauls().get("bs-0").toStore().statistics().messagesDelivered());
        assertEquals(4_500 * 8 + 2 * 20 * 8, run.model.backhauls().get("bs-0").toStore().statistics().bitsDelivered());
        assertEquals(4_500, run.stored().orElseThrow().data().sizeBytes());
        run.noStationKeepsACopy();
    }

    @Test
    void download_atAnotherStation_fetchesTheCopyFromTheStoreAndClearsItThere() {
        Flow[] flows = new Flow[2];
        Terminal owner = phone(3_000, 5);
        Terminal replacement = replacement();
        Run run = run(NETWORK, 3, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(owner, model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals()
                    .startDownload(replacement, NUMBER, model.station("bs-2")));
        });
        FlowRecord download = run.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        // The store clears after the flow ended, when the station's request reaches it: not in the record.
        assertEquals(StationEffect.CONFIRMED, download.stationEffect());
        assertEquals(owner.userData(), replacement.userData());
        assertTrue(run.stored().isEmpty(), "claim 8: the store's copy is cleared");
        run.noStationKeepsACopy();
        // bs-2 sent a look-up, a fetch and the clear; the copy came down whole.
        assertEquals(3, run.model.backhauls().get("bs-2").toStore().statistics().messagesDelivered());
        assertEquals(3_000 * 8 + 2 * 20 * 8, run.model.backhauls().get("bs-2").fromStore().statistics().bitsDelivered());
    }

    @Test
    void restores_crossCellUnderNetworkStorage_succeedWhereStationStorageHasNoCopy() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(1_000_000, 0.2, new Distribution.Fixed(2_000))
                .withRestores(0.5, new Distribution.Fixed(30)).withRelocation(new Relocation.SameCell(0.0));
        List<FlowRecord> records = new ArrayList<>();
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).workload(workload)
                .runLengthSeconds(1_000).seed(7).storage(NETWORK).flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                });
        for (int i = 0; i < 3; i++) {
            builder.station("bs-" + i, 50, 1);
        }
        builder.build().run();
        List<FlowRecord> downloads = records.stream().filter(r -> r.kind() == FlowKind.DOWNLOAD).toList();
        assertTrue(downloads.size() > 20, "enough restores: " + downloads.size());
        for (FlowRecord d : downloads) {
            assertEquals(FlowOutcome.SUCCESS, d.outcome(), "a cross-cell restore from the network store");
        }
    }

    @Test
    void download_stationStorageWithPeerFetch_fetchesFromTheHolderAndClearsThere() {
        Flow[] flows = new Flow[2];
        Terminal owner = phone(3_000, 5);
        Terminal replacement = replacement();
        Run run = run(new StorageMode.Station(Optional.of(FAST)), 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(owner, model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals()
                    .startDownload(replacement, NUMBER, model.station("bs-1")));
        });
        FlowRecord download = run.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(owner.userData(), replacement.userData());
        // The clear reaches the holder after the flow: the record says CONFIRMED, the holder's copy is gone.
        assertEquals(StationEffect.CONFIRMED, download.stationEffect());
        assertTrue(run.model.station("bs-0").store().committedCopies().isEmpty(), "cleared at the holder");
        assertTrue(run.model.station("bs-1").store().committedCopies().isEmpty(), "never kept where it was relayed");
        // A look-up, a fetch and a clear: each up bs-1's backhaul and down bs-0's, answered back.
        assertEquals(3, run.model.backhauls().get("bs-1").toStore().statistics().messagesDelivered());
        assertEquals(3, run.model.backhauls().get("bs-0").fromStore().statistics().messagesDelivered());
        assertEquals(3_000 * 8 + 2 * 20 * 8, run.model.backhauls().get("bs-0").toStore().statistics().bitsDelivered());
        assertEquals(3_000 * 8 + 2 * 20 * 8, run.model.backhauls().get("bs-1").fromStore().statistics().bitsDelivered());
    }

    /**
     * Peer fetch with the holder's backhaul down at the look-up: the store could not be asked, a passing
     * condition ({@code STORE_UNAVAILABLE}), not {@code COPY_ELSEWHERE}, which says only that another station
     * holds the copy and this one does not fetch it.
     */
    @Test
    void download_peerFetchWithTheHoldersBackhaulDown_endsStoreUnavailable() {
        Flow[] flows = new Flow[2];
        BackhaulConfig downLater = FAST.withOutages(downBetween(40, 100));
        Run run = run(new StorageMode.Station(Optional.of(downLater)), 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(phone(3_000, 5), model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals()
                    .startDownload(replacement(), NUMBER, model.station("bs-1")));
        });
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[0]).outcome());
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.record(flows[1]).outcome(), "failed fast, nothing sent");
        assertEquals(0, run.model.backhauls().get("bs-1").toStore().statistics().messagesOffered());
        assertFalse(run.model.station("bs-0").store().committedCopies().isEmpty(), "the holder keeps its copy");
    }

    /**
     * Over backhauls of 2 s the look-up reaches the holder at about 54 s, while it is up, and the fetch at
     * about 62 s, while it is down: the store could not be asked ({@code STORE_UNAVAILABLE}), not "no backup".
     */
    @Test
    void download_peerFetchWithTheHolderDownWhenTheFetchArrives_endsStoreUnavailable() {
        Flow[] flows = new Flow[2];
        Run run = new Run();
        Simulation simulation = Simulation.builder().protocol(PATIENT).airInterface(AIR).runLengthSeconds(1_000)
                .storage(new StorageMode.Station(Optional.of(SLOW))).flowListener(run)
                .station(StationConfig.of("bs-0", 10, 1_000_000, AIR).withOutages(downBetween(58, 70)))
                .station("bs-1", 10, 1_000_000).script(model -> {
                    at(model, 1, () -> flows[0] = model.service().terminals().startBackup(phone(3_000, 5),
                            model.station("bs-0")));
                    at(model, 50, () -> flows[1] = model.service().terminals()
                            .startDownload(replacement(), NUMBER, model.station("bs-1")));
                }).build();
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> run.model = simulation.install(scheduler, 0));
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.record(flows[1]).outcome());
        assertEquals(2, run.model.backhauls().get("bs-1").toStore().statistics().messagesDelivered(),
                "the look-up and the fetch");
        assertFalse(run.model.station("bs-0").store().committedCopies().isEmpty(), "the holder keeps its copy");
    }

    /**
     * The same number backed up at bs-0 and, later, at bs-1 (each station enrols it anew): a download at
     * bs-2 fetches the most recent copy, bs-1's, though bs-0 comes first in the configuration.
     */
    @Test
    void download_peerFetchWithTwoHolders_fetchesTheMostRecentCopy() {
        Restore restore = new Restore();
        Run run = twoHoldersAndADownload(OutageConfig.NONE, restore);
        assertRestoredTheNewer(run, restore, "bs-1", "bs-0");
        assertEquals(0, run.model.backhauls().get("bs-0").fromStore().statistics().messagesOffered(), "bs-0 never asked");
    }

    /**
     * As above with the newer holder down (its store persistent) when the look-up arrives: the download fails
     * {@code STORE_UNAVAILABLE} rather than restoring bs-0's older copy (a stale restore would read as a
     * success and leave the newer data behind; docs/design.md, "Where user data lives").
     */
    @Test
    void download_peerFetchWithTheNewestHolderDown_refusesRatherThanRestoringAnOlderCopy() {
        Restore restore = new Restore();
        Run run = twoHoldersAndADownload(downBetween(45, 60), restore);
        assertRefusedKeepingTheOlder(run, restore, "bs-0");
        assertFalse(run.model.station("bs-1").store().committedCopies().isEmpty(), "kept through its outage");
    }

    /** Two backups of the number, older data then newer, a restore onto a replacement, and their flows. */
    private record Restore(Terminal older, Terminal newer, Terminal replacement, Flow[] flows) {
        Restore() {
            this(phone(3_000, 5), phone(3_000, 6), NetworkStorageTest.replacement(), new Flow[3]);
        }
    }

    /**
     * The restore got the newer backup's data (by its digest), cleared at {@code newerAt}, while the older
     * copy at {@code olderAt} was neither handed over nor cleared.
     */
    private static void assertRestoredTheNewer(Run run, Restore restore, String newerAt, String olderAt) {
        assertEquals(FlowOutcome.SUCCESS, run.record(restore.flows()[2]).outcome());
        assertEquals(restore.newer().userData().orElseThrow().digest(),
                restore.replacement().userData().orElseThrow().digest());
        assertTrue(run.model.station(newerAt).store().committedCopies().isEmpty(), "cleared at the newer holder");
        assertEquals(restore.older().userData().orElseThrow(),
                run.model.station(olderAt).store().find(NUMBER).orElseThrow().data(), "the older copy is not touched");
    }

    /**
     * The newer backup succeeded, the restore was refused {@code STORE_UNAVAILABLE} with nothing restored, and
     * the older copy stays at {@code olderAt}.
     */
    private static void assertRefusedKeepingTheOlder(Run run, Restore restore, String olderAt) {
        assertEquals(FlowOutcome.SUCCESS, run.record(restore.flows()[1]).outcome(), "the newer backup, before the outage");
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.record(restore.flows()[2]).outcome());
        assertTrue(restore.replacement().userData().isEmpty(), "no stale copy restored");
        assertEquals(restore.older().userData().orElseThrow(),
                run.model.station(olderAt).store().find(NUMBER).orElseThrow().data());
    }

    /**
     * {@code restore}'s backups at bs-0 at 1 s and at bs-1 at 20 s, then its download at bs-2 at 50 s, under
     * peer fetch; bs-1 has {@code bs1Outages}.
     */
    private static Run twoHoldersAndADownload(OutageConfig bs1Outages, Restore restore) {
        return twoBackupsAndADownload(Optional.of(FAST), List.of(StationConfig.of("bs-0", 10, 1_000_000, AIR),
                StationConfig.of("bs-1", 10, 1_000_000, AIR).withOutages(bs1Outages),
                StationConfig.of("bs-2", 10, 1_000_000, AIR)), List.of("bs-0", "bs-1", "bs-2"), restore);
    }

    /**
     * Under station storage with {@code peerFetch} on {@code stations}: {@code restore}'s backups at 1 s and
     * 20 s, then its download at 50 s, at the stations {@code at} names in that order.
     */
    private static Run twoBackupsAndADownload(Optional<BackhaulConfig> peerFetch, List<StationConfig> stations,
            List<String> at, Restore restore) {
        Run run = new Run();
        Flow[] flows = restore.flows();
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).runLengthSeconds(1_000)
                .storage(new StorageMode.Station(peerFetch)).flowListener(run).script(model -> {
                    at(model, 1, () -> flows[0] = model.service().terminals().startBackup(restore.older(), model.station(at.get(0))));
                    at(model, 20, () -> flows[1] = model.service().terminals().startBackup(restore.newer(), model.station(at.get(1))));
                    at(model, 50, () -> flows[2] = model.service().terminals()
                            .startDownload(restore.replacement(), NUMBER, model.station(at.get(2))));
                });
        stations.forEach(builder::station);
        Simulation simulation = builder.build();
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> run.model = simulation.install(scheduler, 0));
        return run;
    }

    /**
     * The number backed up at bs-1 at 1 s (older) and at bs-0 at 20 s (newer), then restored at bs-1 at 50 s
     * under peer fetch: bs-1's own copy is older than bs-0's, so the download fetches bs-0's newer copy
     * (and clears it there), never restoring its own stale one.
     */
    @Test
    void download_peerFetchAtAStationWithAnOlderCopy_fetchesTheNewerCopyFromItsHolder() {
        Restore restore = new Restore();
        Run run = olderHereNewerThere(Optional.of(FAST), OutageConfig.NONE, restore);
        assertRestoredTheNewer(run, restore, "bs-0", "bs-1");
        assertEquals(3, run.model.backhauls().get("bs-1").toStore().statistics().messagesDelivered(),
                "a look-up, a fetch and a clear at bs-0");
    }

    /** As above with bs-0 down (its store persistent) when the look-up arrives: refused, not the stale copy. */
    @Test
    void download_peerFetchAtAStationWithAnOlderCopyAndTheNewerHolderDown_endsStoreUnavailable() {
        Restore restore = new Restore();
        Run run = olderHereNewerThere(Optional.of(FAST), downBetween(45, 60), restore);
        assertRefusedKeepingTheOlder(run, restore, "bs-1");
    }

    /** Without peer fetch nothing changes: bs-1 answers from what it holds, its own older copy. */
    @Test
    void download_withoutPeerFetchAtAStationWithAnOlderCopy_restoresItsOwnCopy() {
        Restore restore = new Restore();
        Run run = olderHereNewerThere(Optional.empty(), OutageConfig.NONE, restore);
        assertEquals(FlowOutcome.SUCCESS, run.record(restore.flows()[2]).outcome());
        assertEquals(restore.older().userData().orElseThrow().digest(),
                restore.replacement().userData().orElseThrow().digest());
        assertEquals(restore.newer().userData().orElseThrow(),
                run.model.station("bs-0").store().find(NUMBER).orElseThrow().data(), "bs-0's copy is not touched");
    }

    /**
     * A backup's look-up keeps the station's own copy under peer fetch: after the backups at bs-1 (typed
     * "4711") and bs-0 (typed "1234", a first backup there, enrolling it), a backup at bs-1 typing bs-0's
     * password is rejected against bs-1's own copy, not taken for a first backup; one typing bs-1's succeeds.
     */
    @Test
    void backup_peerFetchAtAStationWithAnOlderCopy_authenticatesAgainstItsOwnCopy() {
        Flow[] flows = new Flow[4];
        Terminal otherPassword = phone(3_000, 6);
        otherPassword.enterMaintenancePassword("1234");
        Terminal wrongHere = phone(3_000, 7);
        wrongHere.enterMaintenancePassword("1234");
        Run run = run(new StorageMode.Station(Optional.of(FAST)), 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(phone(3_000, 5), model.station("bs-1")));
            at(model, 20, () -> flows[1] = model.service().terminals().startBackup(otherPassword, model.station("bs-0")));
            at(model, 50, () -> flows[2] = model.service().terminals().startBackup(wrongHere, model.station("bs-1")));
            at(model, 80, () -> flows[3] = model.service().terminals().startBackup(phone(3_000, 8), model.station("bs-1")));
        });
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.SUCCESS, FlowOutcome.AUTH_REJECTED, FlowOutcome.SUCCESS),
                List.of(flows).stream().map(f -> run.record(f).outcome()).toList());
        assertEquals(0, run.model.backhauls().get("bs-1").toStore().statistics().messagesOffered(),
                "a backup asks no other station");
    }

    /**
     * {@code restore}'s backups at bs-1 at 1 s and at bs-0 at 20 s, then its download at bs-1 at 50 s, under
     * station storage with {@code peerFetch}; bs-0 has {@code bs0Outages}.
     */
    private static Run olderHereNewerThere(Optional<BackhaulConfig> peerFetch, OutageConfig bs0Outages,
            Restore restore) {
        return twoBackupsAndADownload(peerFetch, List.of(StationConfig.of("bs-0", 10, 1_000_000, AIR)
                .withOutages(bs0Outages), StationConfig.of("bs-1", 10, 1_000_000, AIR)), List.of("bs-1", "bs-0", "bs-1"),
                restore);
    }

    /**
     * Two downloads of one number at one station at once: each looks the copy up, fetches it and clears it
     * across the backhauls on its own (the second clear finds the copy gone), so the copy crosses twice.
     */
    @Test
    void downloads_twoOfOneNumberAtOneStationAtOnce_eachFetchesAcrossTheBackhaul() {
        Flow[] flows = new Flow[3];
        Terminal owner = phone(3_000, 5);
        Terminal first = replacement();
        Terminal second = Terminal.empty(PhoneNumber.of("0199000002"));
        second.enterMaintenancePassword(PASSWORD);
        Run run = run(new StorageMode.Station(Optional.of(FAST)), 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(owner, model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals().startDownload(first, NUMBER, model.station("bs-1")));
            at(model, 50, () -> flows[2] = model.service().terminals().startDownload(second, NUMBER, model.station("bs-1")));
        });
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[1]).outcome());
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[2]).outcome());
        assertEquals(owner.userData(), first.userData());
        assertEquals(owner.userData(), second.userData());
        // Each: a look-up, a fetch and a clear up bs-1's backhaul; two look-up answers, two copies and two
        // clear answers down it.
        assertEquals(6, run.model.backhauls().get("bs-1").toStore().statistics().messagesDelivered());
        assertEquals(2 * 3_000 * 8 + 4 * 20 * 8, run.model.backhauls().get("bs-1").fromStore().statistics().bitsDelivered());
        assertTrue(run.model.station("bs-0").store().committedCopies().isEmpty(), "cleared at the holder");
    }

    /** Two backups of one number through two cells at once: both commit, in the store's order; the last stays. */
    @Test
    void backups_sameNumberThroughTwoCellsAtOnce_theLaterCommitReplacesTheEarlier() {
        Flow[] flows = new Flow[2];
        Terminal first = phone(2_000, 1);
        Terminal second = phone(20_000, 2); // larger: its commit reaches the store later
        Run run = run(NETWORK, 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(first, model.station("bs-0")));
            at(model, 1, () -> flows[1] = model.service().terminals().startBackup(second, model.station("bs-1")));
        });
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[0]).outcome());
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[1]).outcome());
        assertTrue(run.record(flows[0]).endSeconds() < run.record(flows[1]).endSeconds());
        StoredBackup kept = run.stored().orElseThrow();
        assertEquals(second.userData().orElseThrow(), kept.data());
        assertEquals(2, kept.version(), "both committed, the larger last");
        assertEquals(20_000, run.model.subscriberStore().orElseThrow().store().committedBytes());
        run.noStationKeepsACopy();
    }

    /**
     * {@code older} backed up at bs-0 at 1 s, restored onto {@code replacement} at bs-1, whose backhaul is 2 s
     * from the store, at 50 s, and, if {@code newerAtSeconds} is finite, {@code newer} backed up at bs-0 then.
     * The flows go to {@code flows} in that order.
     */
    private static Run backupRestoreAndNewer(Terminal older, Terminal replacement, Terminal newer, double newerAtSeconds,
            Flow[] flows) {
        StorageMode.Network mode = NETWORK.withStation("bs-1", new StorageMode.Attachment(SLOW, RelayMode.STORE_AND_FORWARD));
        return run(mode, 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(older, model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals()
                    .startDownload(replacement, NUMBER, model.station("bs-1")));
            if (newerAtSeconds < Double.POSITIVE_INFINITY) {
                at(model, newerAtSeconds,
                        () -> flows[2] = model.service().terminals().startBackup(newer, model.station("bs-0")));
            }
        });
    }

    /**
     * A backup commits while a download of the same number is between its look-up and its fetch: the
     * fetch hands over the newer copy (same enrolment: a backup that replaces a copy keeps its verifier),
     * and the clear removes that version.
     */
    @Test
    void download_backupCommitsWhileItsFetchIsInFlight_getsTheNewerCopyAndClearsIt() {
        Flow[] flows = new Flow[3];
        Terminal newer = phone(2_000, 2);
        Terminal replacement = replacement();
        // The download's look-up reaches the store about 2.1 s after its start, its fetch about 6.1 s.
        Run run = backupRestoreAndNewer(phone(2_000, 1), replacement, newer, 53, flows);
        assertTrue(run.record(flows[2]).endSeconds() < 56, "the newer backup committed before the fetch arrived");
        FlowRecord download = run.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(newer.userData(), replacement.userData());
        assertTrue(run.stored().isEmpty(), "the version handed over, the newer one, is cleared");
        run.noStationKeepsACopy();
    }

    /**
     * Claim 8 under network storage: the clear reaches the store after the download ended, so the record
     * says CONFIRMED and the clear is told late, when its answer reaches the station: a request up bs-1's
     * 2 s backhaul and an answer down, after the download's end. Nothing is held once the run drained.
     */
    @Test
    void clear_afterTheDownloadEnded_toldAsALateStoreEffect() {
        Flow[] flows = new Flow[3];
        Run run = backupRestoreAndNewer(phone(2_000, 1), replacement(), null, Double.POSITIVE_INFINITY, flows);
        FlowRecord download = run.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(StationEffect.CONFIRMED, download.stationEffect(), "the record stays final at the flow's end");
        assertEquals(1, run.lateEffects.size(), run.lateEffects.toString());
        Late clear = run.lateEffects.get(0);
        assertEquals(download, clear.record());
        assertEquals(StationEffect.CLEARED, clear.effect());
        assertEquals(download.endSeconds() + 2 * (20 * 8 / 1e9 + 2.0), clear.timeSeconds(), 1e-9);
        ReplicationResult result = run.model.finish();
        assertEquals(1, result.lateStoreEffects().count(FlowKind.DOWNLOAD, StationEffect.CLEARED));
        assertEquals(1, result.lateStoreEffects().of(FlowKind.DOWNLOAD));
        assertEquals(0, result.lateStoreEffects().of(FlowKind.BACKUP), "the backup's commit answered in its flow");
        assertEquals(0, run.model.settlingSessions(), "no session is held after the run");
    }

    /**
     * A backup whose commit waits at a store down from just after its admission until 300 s: its terminal,
     * having sent its complete command, gives up at about 121 s (30 s control timeout, 3 retries) and
     * records a failure; the store commits when it is back, and the station's answer is told late.
     */
    @Test
    void commit_afterTheBackupEnded_toldAsALateStoreEffect() {
        Run run = oneBackup(NETWORK.withOutages(downBetween(1.1, 300)), 2_000);
        FlowRecord backup = run.records.get(0);
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, backup.outcome());
        assertEquals(StationEffect.NONE, backup.stationEffect(), "nothing committed while the flow ran");
        assertTrue(backup.endSeconds() < 300, "ended before the store came back: " + backup.endSeconds());
        assertFalse(run.stored().isEmpty(), "the store committed after the flow");
        assertEquals(1, run.lateEffects.size(), run.lateEffects.toString());
        Late commit = run.lateEffects.get(0);
        assertEquals(backup, commit.record());
        assertEquals(StationEffect.COMMITTED, commit.effect());
        assertEquals(300 + 20 * 8 / 1e9 + 0.001, commit.timeSeconds(), 1e-9);
        ReplicationResult result = run.model.finish();
        assertEquals(1, result.lateStoreEffects().count(FlowKind.BACKUP, StationEffect.COMMITTED));
        assertEquals(0, result.stationViewDiffers(FlowKind.BACKUP), "the record's view: nothing committed");
        assertEquals(0, run.model.settlingSessions(), "no session is held after the run");
        run.noStationKeepsACopy();
    }

    /**
     * A download at bs-1, whose backhaul is 100 s from the store, of a copy committed through bs-0: its
     * terminal gives up waiting for the response at about 170 s (30 s control timeout, 3 retries), before
     * the look-up's answer comes back at about 250 s, saying that the store held the copy. The record stays
     * final (no copy at request); the copy at request is told late and counted among the downloads that
     * found a copy, a failed one.
     */
    @Test
    void lookup_answeredAfterTheDownloadEnded_countedAsACopyAtRequest() {
        Flow[] flows = new Flow[2];
        StorageMode.Network mode = NETWORK.withStation("bs-1",
                new StorageMode.Attachment(BackhaulConfig.lossless(1e9, 100.0), RelayMode.STORE_AND_FORWARD));
        Run run = run(mode, 2, (model, r) -> {
            at(model, 1, () -> flows[0] = model.service().terminals().startBackup(phone(2_000, 1), model.station("bs-0")));
            at(model, 50, () -> flows[1] = model.service().terminals()
                    .startDownload(replacement(), NUMBER, model.station("bs-1")));
        });
        assertEquals(FlowOutcome.SUCCESS, run.record(flows[0]).outcome());
        FlowRecord download = run.record(flows[1]);
        assertEquals(FlowOutcome.RETRIES_EXHAUSTED, download.outcome());
        assertFalse(download.copyAtRequest(), "the record stays final at the flow's end");
        assertEquals(1, run.lateCopies.size(), run.lateCopies.toString());
        assertEquals(download, run.lateCopies.get(0).getKey());
        double heard = run.lateCopies.get(0).getValue();
        assertTrue(heard > download.endSeconds() && heard > 250 && heard < 251, "heard at " + heard + " s, the flow ended at "
                + download.endSeconds() + " s");
        assertTrue(run.stored().isPresent(), "the copy stays: the download never confirmed");
        ReplicationResult result = run.model.finish();
        FlowCounts downloads = result.flowsOf(FlowKind.DOWNLOAD).counts();
        assertEquals(1, downloads.copyAtRequest());
        assertEquals(1, downloads.failedCopyAtRequest());
        assertEquals(1.0, downloads.failureShareCopyAtRequest());
        assertEquals(0, run.model.settlingSessions(), "no session is held after the run");
        run.noStationKeepsACopy();
    }

    @Test
    void sessions_workloadUnderNetworkStorage_noneHeldAfterTheRun() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(200, 0.2, new Distribution.Fixed(2_000))
                .withRestores(0.5, new Distribution.Fixed(30)).withRelocation(new Relocation.SameCell(0.0));
        Simulation.Builder builder = Simulation.builder().protocol(PATIENT).airInterface(AIR).workload(workload)
                .runLengthSeconds(500).seed(7).storage(NETWORK);
        for (int i = 0; i < 3; i++) {
            builder.station("bs-" + i, 50, 1);
        }
        Simulation simulation = builder.build();
        ReplicationModel[] model = new ReplicationModel[1];
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> model[0] = simulation.install(scheduler, 0));
        ReplicationResult result = model[0].finish();
        assertTrue(result.lateStoreEffects().count(FlowKind.DOWNLOAD, StationEffect.CLEARED) > 20,
                "every confirmed restore's clear is late: " + result.lateStoreEffects());
        assertEquals(0, model[0].settlingSessions());
    }

    /** The clear of a confirmed download reaches the store after a newer backup committed: the newer copy stays. */
    @Test
    void clear_arrivingAfterANewerCommit_keepsTheNewerCopy() {
        Flow[] flows = new Flow[3];
        Terminal newer = phone(2_000, 2);
        Run alone = backupRestoreAndNewer(phone(2_000, 1), replacement(), newer, Double.POSITIVE_INFINITY, flows);
        assertTrue(alone.stored().isEmpty(), "alone, the clear removes the copy");
        // Again, the newer backup started when the download ended: the clear is then 2 s from the store.
        double downloadEnd = alone.record(flows[1]).endSeconds();
        Run late = backupRestoreAndNewer(phone(2_000, 1), replacement(), newer, downloadEnd, flows);
        FlowRecord download = late.record(flows[1]);
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(downloadEnd, download.endSeconds(), "the same download as alone");
        assertEquals(FlowOutcome.SUCCESS, late.record(flows[2]).outcome());
        assertTrue(late.record(flows[2]).endSeconds() < downloadEnd + 2, "committed before the clear arrived");
        assertEquals(newer.userData().orElseThrow(), late.stored().orElseThrow().data(), "the newer copy stays");
        assertEquals(List.of(), late.lateEffects, "nothing cleared, nothing told");
        assertEquals(List.of(StationEffect.CLEARED), alone.lateEffects.stream().map(Late::effect).toList());
        late.noStationKeepsACopy();
    }

    /** One backup of {@code sizeBytes} at bs-0 at 1 s, in {@code mode}; its record is the run's only one. */
    private static Run oneBackup(StorageMode mode, long sizeBytes) {
        return run(mode, 1, (model, r) -> at(model, 1,
                () -> model.service().terminals().startBackup(phone(sizeBytes, 1), model.station("bs-0"))));
    }

    private static OutageConfig downBetween(double startSeconds, double endSeconds) {
        return OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(startSeconds, endSeconds)), true);
    }

    @Test
    void request_backhaulDown_refusedAtOnceAsStoreUnavailable() {
        Run run = oneBackup(StorageMode.Network.uniform(Long.MAX_VALUE,
                new StorageMode.Attachment(FAST.withOutages(downBetween(0, 100)), RelayMode.STORE_AND_FORWARD)), 2_000);
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.records.get(0).outcome());
        assertEquals(0, run.model.backhauls().get("bs-0").toStore().statistics().messagesOffered(), "nothing sent");
        assertTrue(run.stored().isEmpty());
        run.noStationKeepsACopy();
    }

    @Test
    void request_storeDownWhenTheLookupArrives_refusedAsStoreUnavailable() {
        Run run = oneBackup(NETWORK.withOutages(downBetween(0, 100)), 2_000);
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.records.get(0).outcome());
        assertEquals(1, run.model.backhauls().get("bs-0").toStore().statistics().messagesDelivered(), "the look-up");
        assertTrue(run.stored().isEmpty());
    }

    @Test
    void commit_storeDownAfterAdmission_waitsForTheStore() {
        // Down from after the admission (about 1.06 s) until 5 s, before the object (160 ms on the air)
        // arrives: the commit waits, then the backup ends.
        Run run = oneBackup(NETWORK.withOutages(downBetween(1.1, 5)), 20_000);
        FlowRecord record = run.records.get(0);
        assertEquals(FlowOutcome.SUCCESS, record.outcome());
        assertTrue(record.endSeconds() > 5, "ended after the store came back: " + record.endSeconds());
        assertFalse(run.stored().isEmpty());
        run.noStationKeepsACopy();
    }

    /**
     * A backup whose station complete is lost on every connection committed at the store unheard; a next
     * backup refused STORE_UNAVAILABLE is answered without a look-up, so it carries no stored digest and
     * tells nothing: the question stays open for the backup after it, accepted, which learns the commit.
     */
    @Test
    void learnedOutcome_refusedAsStoreUnavailable_learnsNothingAndTheNextBackupLearnsTheCommit() {
        int frames = LINK.framesFor(1_000);
        // Each connection's downlink delivers the response and the acknowledgements, then loses all: the
        // station's complete commands.
        AirInterface air = AIR.withLinks(LINK, LINK.withLossModel(new LossModel() {
            @Override
            public LossProcess newProcess(RandomGenerator random) {
                int[] unit = {0};
                return () -> unit[0]++ > frames;
            }

            @Override
            public double stationaryLossProbability() {
                return Double.NaN;
            }
        }));
        StorageMode.Network mode = StorageMode.Network.uniform(Long.MAX_VALUE,
                new StorageMode.Attachment(FAST.withOutages(downBetween(300, 400)), RelayMode.STORE_AND_FORWARD));
        Terminal phone = phone(1_000, 1);
        Flow[] flows = new Flow[3];
        Run run = new Run();
        Simulation simulation = Simulation.builder().protocol(PATIENT).airInterface(air).runLengthSeconds(1_000)
                .storage(mode).flowListener(run).station("bs-0", 10, 1_000_000).script(model -> {
                    at(model, 1, () -> flows[0] = model.service().terminals().startBackup(phone, model.station("bs-0")));
                    at(model, 350, () -> flows[1] = model.service().terminals().startBackup(phone, model.station("bs-0")));
                    at(model, 500, () -> flows[2] = model.service().terminals().startBackup(phone, model.station("bs-0")));
                }).build();
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> run.model = simulation.install(scheduler, 0));
        assertFalse(run.record(flows[0]).outcome().isSuccess(), "the station's complete never arrived");
        assertEquals(phone.userData().orElseThrow(), run.stored().orElseThrow().data(), "yet the store committed");
        assertEquals(FlowOutcome.STORE_UNAVAILABLE, run.record(flows[1]).outcome());
        assertEquals(List.of(Map.entry(flows[0].id(), true)), run.learned);
    }
}
