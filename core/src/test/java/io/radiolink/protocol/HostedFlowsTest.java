package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.dsol.DsolScheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import org.djutils.event.Event;
import org.djutils.event.EventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hosted mode: a DSOL model of the host's owns and runs the simulator, with events of its own; radiolink
 * flows run beside them, both keep working, and the flows give the same records as a standalone run.
 */
final class HostedFlowsTest {

    /** The host: a traffic light of its own that changes every 7 s, and radiolink's model inside. */
    private static final class HostModel extends AbstractDsolModel<Double, DevsSimulator<Double>> {

        final List<Double> hostTicks = Collections.synchronizedList(new ArrayList<>());
        final ModelHarness radiolink;

        HostModel(DevsSimulator<Double> simulator, ModelHarness radiolink) {
            super(simulator);
            this.radiolink = radiolink;
        }

        @Override
        public void constructModel() {
            simulator.scheduleEventAbs(0.0, this::tick);
            Scheduler scheduler = DsolScheduler.hostedOn(simulator);
            radiolink.buildOn(scheduler, ScenarioFixture::build);
        }

        private void tick() {
            hostTicks.add(simulator.getSimulatorTime());
            simulator.scheduleEventRel(7.0, this::tick);
        }
    }

    /** The host's listener, which must keep hearing from its simulator. */
    private static final class HostListener implements EventListener {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile int timeChanges;

        @Override
        public void notify(Event event) {
            if (event.getType().equals(SimulatorInterface.TIME_CHANGED_EVENT)) {
                timeChanges++;
            } else if (event.getType().equals(Replication.END_REPLICATION_EVENT)) {
                ended.countDown();
            }
        }
    }

    @Test
    @Timeout(60)
    void flows_hostedInDsolModelWithOwnEvents_bothRunAndRecordsMatchStandalone() throws Exception {
        double runLength = 3_000;
        String id = "host-" + UUID.randomUUID();
        DevsSimulator<Double> simulator = new DevsSimulator<>(id);
        SingleReplication<Double> replication = new SingleReplication<>(id, 0.0, 0.0, runLength);
        HostModel host = new HostModel(simulator, new ModelHarness().seed(42));
        HostListener listener = new HostListener();
        try {
            simulator.initialize(host, replication);
            simulator.addListener(listener, SimulatorInterface.TIME_CHANGED_EVENT);
            simulator.addListener(listener, Replication.END_REPLICATION_EVENT);
            simulator.start();
            assertTrue(listener.ended.await(30, TimeUnit.SECONDS), "the host's replication never ended");

            assertEquals((int) (runLength / 7) + 1, host.hostTicks.size(), "every host event ran");
            assertTrue(listener.timeChanges > host.hostTicks.size(), "the host's listener kept hearing");
            assertEquals(1, simulator.numberOfListeners(Replication.END_REPLICATION_EVENT));
            List<FlowRecord> standalone = new ModelHarness().seed(42).run(ScenarioFixture::build).records;
            assertEquals(standalone, host.radiolink.records, "hosting changes no radiolink result");
        } finally {
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }
}
