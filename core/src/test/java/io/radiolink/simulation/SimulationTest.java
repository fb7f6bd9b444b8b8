package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.dsol.DsolScheduler;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.stats.FlowCounts;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import org.junit.jupiter.api.Test;

/** The embedding API: reproducibility, parallel runs, hosting, listeners, scripts and validation. */
final class SimulationTest {

    static Simulation.Builder busyLossyDay(long seed) {
        return Simulation.builder()
                .profile(Profile.LTE)
                .airInterface(Profile.LTE.airInterface()
                        .withLossModel(new GilbertElliottLoss(0.01, 0.2, 0.001, 0.3))
                        .withSetup(0.1, 0.02)
                        .withMeanTimeToFailureSeconds(30))
                .station("cell-1", 3, 2_000_000_000L)
                .station("cell-2", 2, 2_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(500, 0.3, new Distribution.Exponential(200_000))
                        .withRestores(0.4, new Distribution.Uniform(10, 300))
                        .withWrongPasswordProbability(0.05))
                .runLengthSeconds(1_500)
                .warmupSeconds(100)
                .replications(4)
                .seed(seed);
    }

    @Test
    void run_sameSeed_identicalResultsSequentialAndParallel() {
        SimulationResult sequential = busyLossyDay(5).build().run();
        SimulationResult again = busyLossyDay(5).build().run();
        SimulationResult parallel = busyLossyDay(5).build().run(2);
        assertEquals(sequential.replications(), again.replications());
        assertEquals(sequential.replications(), parallel.replications());
        assertEquals(sequential.summary(), parallel.summary());
        ReplicationResult first = sequential.replications().get(0);
        assertTrue(first.cellTotals().blockedAttempts() > 0 && first.count(FlowKind.DOWNLOAD, FlowOutcome.SUCCESS) > 0,
                "the scenario exercises blocking and restores");
    }

    @Test
    void run_otherSeed_differentResults_andReplicationsDifferFromEachOther() {
        SimulationResult a = busyLossyDay(5).build().run();
        SimulationResult b = busyLossyDay(6).build().run();
        assertNotEquals(a.replications(), b.replications());
        assertNotEquals(a.replications().get(0).flowsOf(FlowKind.BACKUP), a.replications().get(1).flowsOf(FlowKind.BACKUP));
    }

    @Test
    void runReplication_sameIndex_sameResultAsInsideRun() {
        Simulation simulation = busyLossyDay(5).build();
        assertEquals(simulation.run().replications().get(2), simulation.runReplication(2));
    }

    @Test
    void replicationResult_serialized_roundTripsToEqualValue() throws Exception {
        ReplicationResult result = busyLossyDay(5).replications(1).build().runReplication(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(result, in.readObject());
        }
    }

    @Test
    void install_hostedInDsolModel_sameResultAsStandalone() {
        Simulation simulation = busyLossyDay(5).build();
        String id = "host-" + UUID.randomUUID();
        DevsSimulator<Double> simulator = new DevsSimulator<>(id);
        SingleReplication<Double> replication = new SingleReplication<>(id, 0.0, 0.0, 1e9);
        List<ReplicationModel> installed = new ArrayList<>();
        AbstractDsolModel<Double, DevsSimulator<Double>> host = new AbstractDsolModel<>(simulator) {
            @Override
            public void constructModel() {
                installed.add(simulation.install(DsolScheduler.hostedOn(simulator), 1));
            }
        };
        try {
            simulator.initialize(host, replication);
            while (simulator.getEventList().first().getAbsoluteExecutionTime() < 1e9) {
                simulator.step();
            }
            assertEquals(simulation.runReplication(1), installed.get(0).finish());
        } finally {
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }

    @Test
    void listenersAndScript_seeEveryFlow_andScriptedFlowsAreCounted() {
        List<FlowRecord> seen = Collections.synchronizedList(new ArrayList<>());
        SimulationResult result = Simulation.builder()
                .profile(Profile.CIRCUIT_SWITCHED_DATA)
                .station("bs-1", 2, 1_000_000)
                .runLengthSeconds(100)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        seen.add(record);
                    }
                })
                .script(model -> {
                    Terminal a = new Terminal(PhoneNumber.of("0100"), UserData.synthetic(2_000, 40, 1));
                    a.enterMaintenancePassword("1234");
                    model.service().terminals().startBackup(a, model.station("bs-1"));
                })
                .build()
                .run();
        assertEquals(1, seen.size());
        assertEquals(1, result.summary().flowsOf(FlowKind.BACKUP).counts().flows());
        assertEquals(seen.get(0).outcome(), result.replications().get(0).flowsOf(FlowKind.BACKUP).counts().outcomes()
                .entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey());
    }

    /** The lossy day: every backup restored, over an uplink that loses 30 % of frames. */
    private static SimulationResult lossyUplinkRestores(RestoreAfter after) {
        AirInterface lte = Profile.LTE.airInterface();
        return Simulation.builder()
                .profile(Profile.LTE)
                .airInterface(lte.withLinks(lte.uplink().withLossModel(new BernoulliLoss(0.3)), lte.downlink()))
                .station("cell-1", 20, 2_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(1_000_000, 0.2, new Distribution.Fixed(200_000))
                        .withRestores(1.0, new Distribution.Exponential(60)).withRestoreAfter(after))
                .runLengthSeconds(1_000)
                .replications(2)
                .seed(3)
                .build()
                .run();
    }

    @Test
    void run_restoreAfterSuccess_noRestoreMeetsAMissingCopy_anyRestoresAfterFailedBackups() {
        FlowCounts success = lossyUplinkRestores(RestoreAfter.SUCCESS).summary().flowsOf(FlowKind.DOWNLOAD).counts();
        FlowCounts any = lossyUplinkRestores(RestoreAfter.ANY).summary().flowsOf(FlowKind.DOWNLOAD).counts();

        assertTrue(success.flows() > 50, "restores ran: " + success.flows());
        assertEquals(0, success.count(FlowOutcome.NO_BACKUP), "a successful backup left a copy (one per number)");
        assertTrue(any.count(FlowOutcome.NO_BACKUP) > 0, "a failed backup leaves nothing: " + any);
        assertTrue(any.flows() > success.flows());
    }

    /**
     * The station's look-up through a whole model: a download that found no copy when its request reached
     * the store ends NO_BACKUP, every successful one found its copy, and the share among downloads that
     * found one leaves the restores after failed backups out.
     */
    @Test
    void run_restoresAfterAnyBackup_copyAtRequestSeparatesMissingCopies() {
        List<FlowRecord> downloads = Collections.synchronizedList(new ArrayList<>());
        AirInterface lte = Profile.LTE.airInterface();
        SimulationResult result = Simulation.builder()
                .profile(Profile.LTE)
                .airInterface(lte.withLinks(lte.uplink().withLossModel(new BernoulliLoss(0.3)), lte.downlink()))
                .station("cell-1", 20, 2_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(1_000_000, 0.2, new Distribution.Fixed(200_000))
                        .withRestores(1.0, new Distribution.Exponential(60)).withRestoreAfter(RestoreAfter.ANY))
                .runLengthSeconds(1_000)
                .replications(1)
                .seed(3)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        if (record.kind() == FlowKind.DOWNLOAD) {
                            downloads.add(record);
                        }
                    }
                })
                .build()
                .run();
        FlowCounts counts = result.summary().flowsOf(FlowKind.DOWNLOAD).counts();

        assertTrue(counts.count(FlowOutcome.NO_BACKUP) > 0, counts.toString());
        for (FlowRecord d : downloads) {
            if (d.outcome() == FlowOutcome.NO_BACKUP) {
                assertTrue(!d.copyAtRequest(), "NO_BACKUP although the copy was there: " + d);
            }
            if (d.outcome().isSuccess()) {
                assertTrue(d.copyAtRequest(), "a success without a copy: " + d);
            }
        }
        assertEquals(downloads.stream().filter(FlowRecord::copyAtRequest).count(), counts.copyAtRequest());
        assertTrue(counts.copyAtRequest() <= counts.flows() - counts.count(FlowOutcome.NO_BACKUP));
        assertTrue(counts.copyAtRequest() >= counts.count(FlowOutcome.SUCCESS));
        assertTrue(counts.failureShareCopyAtRequest() < counts.failureShare());
    }

    @Test
    void builder_badSettings_rejectedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> busyLossyDay(1).warmupSeconds(5_000).build())
                .getMessage().contains("warmupSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> busyLossyDay(1).replications(0).build())
                .getMessage().contains("replications"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> busyLossyDay(1).station("cell-1", 1, 1).build())
                .getMessage().contains("cell-1"));
        assertThrows(IllegalStateException.class, () -> Simulation.builder().station("x", 1, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> busyLossyDay(1).build().run(0))
                .getMessage().contains("threads"));
    }
}
