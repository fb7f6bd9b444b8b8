package io.radiolink.engine.dsol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ReplicationState;
import nl.tudelft.simulation.dsol.simulators.SimulatorInterface;
import org.djutils.event.Event;
import org.djutils.event.EventListener;
import org.djutils.event.TimedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DsolScheduler#hostedOn} inside a DSOL model that owns, initializes and runs its simulator. */
final class HostedDsolSchedulerTest {

    /** A host model with its own periodic tick every second, which also builds radiolink's part. */
    private static final class HostModel extends AbstractDsolModel<Double, DevsSimulator<Double>> {

        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        final List<String> radiolinkThreads = Collections.synchronizedList(new ArrayList<>());
        private final Consumer<HostModel> radiolinkPart;
        Scheduler radiolink;

        HostModel(DevsSimulator<Double> simulator, Consumer<HostModel> radiolinkPart) {
            super(simulator);
            this.radiolinkPart = radiolinkPart;
        }

        @Override
        public void constructModel() {
            simulator.scheduleEventAbs(0.0, this::tick);
            radiolink = DsolScheduler.hostedOn(simulator);
            radiolinkPart.accept(this);
        }

        private void tick() {
            log.add("host@" + simulator.getSimulatorTime());
            simulator.scheduleEventRel(1.0, this::tick);
        }

        /** Schedules a radiolink action that logs its name and the time it ran at. */
        ScheduledAction radiolinkAt(double timeSeconds, String name, Runnable then) {
            return radiolink.scheduleAt(timeSeconds, () -> {
                log.add(name + "@" + radiolink.nowSeconds());
                radiolinkThreads.add(Thread.currentThread().getName());
                then.run();
            });
        }
    }

    /** A listener of the host's: records time changes and the end of the replication. */
    private static final class HostListener implements EventListener {

        final List<Double> timeChanges = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch replicationEnded = new CountDownLatch(1);

        @Override
        public void notify(Event event) {
            if (event.getType().equals(SimulatorInterface.TIME_CHANGED_EVENT)) {
                timeChanges.add((Double) ((TimedEvent<?>) event).getTimeStamp());
            } else if (event.getType().equals(Replication.END_REPLICATION_EVENT)) {
                replicationEnded.countDown();
            }
        }
    }

    /**
     * radiolink's part: actions at fixed times, one scheduled from inside another, one tie on each
     * side of a host tick (the tick at 2 s is created at 1 s, after the radiolink action at 2 s; the
     * tick at 3 s is created at 2 s, before the radiolink action at 3 s), and one cancelled.
     */
    private static void radiolinkPart(HostModel host) {
        ScheduledAction cancelled = host.radiolinkAt(3.5, "cancelled", () -> { });
        host.radiolinkAt(0.5, "rl", () -> { });
        host.radiolinkAt(2.0, "rl", () -> { });
        host.radiolinkAt(2.5, "rl", () -> {
            host.radiolink.schedule(0.5, () -> host.log.add("rl-nested@" + host.radiolink.nowSeconds()));
            host.log.add("cancel=" + cancelled.cancel());
        });
    }

    private static final List<String> EXPECTED_UP_TO_4 = List.of("host@0.0", "rl@0.5", "host@1.0", "rl@2.0",
            "host@2.0", "rl@2.5", "cancel=true", "host@3.0", "rl-nested@3.0", "host@4.0");

    @Test
    @Timeout(20)
    void hostedOn_hostStepsItsSimulator_radiolinkActionsInterleaveWithHostEventsAndListenersSurvive() {
        String id = "hosted-test-" + UUID.randomUUID();
        DevsSimulator<Double> simulator = new DevsSimulator<>(id);
        SingleReplication<Double> replication = new SingleReplication<>(id, 0.0, 0.0, 10.0);
        HostModel host = new HostModel(simulator, HostedDsolSchedulerTest::radiolinkPart);
        HostListener listener = new HostListener();
        try {
            simulator.initialize(host, replication);
            simulator.addListener(listener, SimulatorInterface.TIME_CHANGED_EVENT);
            for (int steps = 0; simulator.getEventList().first().getAbsoluteExecutionTime() <= 4.0; steps++) {
                assertTrue(steps < 100, "runaway step loop");
                simulator.step();
            }

            assertEquals(EXPECTED_UP_TO_4, host.log);
            assertEquals(1, simulator.numberOfListeners(SimulatorInterface.TIME_CHANGED_EVENT));
            assertEquals(4.0, listener.timeChanges.get(listener.timeChanges.size() - 1));
            assertTrue(listener.timeChanges.containsAll(List.of(0.5, 2.5, 3.0)), listener.timeChanges.toString());
            // radiolink neither ended nor cleaned up the host's replication: the host carries on.
            assertEquals(ReplicationState.STARTED, simulator.getReplicationState());
            simulator.step();
            assertEquals("host@5.0", host.log.get(host.log.size() - 1));
            assertThrows(IllegalArgumentException.class, () -> host.radiolink.scheduleAt(4.0, () -> { }));
        } finally {
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }

    @Test
    @Timeout(20)
    void hostedOn_hostStartsItsSimulatorOnItsWorkerThread_radiolinkActionsRunThereAndHostSeesReplicationEnd()
            throws InterruptedException {
        String id = "hosted-test-" + UUID.randomUUID();
        DevsSimulator<Double> simulator = new DevsSimulator<>(id);
        SingleReplication<Double> replication = new SingleReplication<>(id, 0.0, 0.0, 4.5);
        HostModel host = new HostModel(simulator, HostedDsolSchedulerTest::radiolinkPart);
        HostListener listener = new HostListener();
        try {
            simulator.initialize(host, replication);
            simulator.addListener(listener, SimulatorInterface.TIME_CHANGED_EVENT);
            simulator.addListener(listener, Replication.END_REPLICATION_EVENT);
            simulator.start();

            assertTrue(listener.replicationEnded.await(10, TimeUnit.SECONDS), "host's replication never ended");
            assertEquals(EXPECTED_UP_TO_4, host.log);
            assertFalse(host.radiolinkThreads.isEmpty());
            assertTrue(host.radiolinkThreads.stream().allMatch(id::equals), host.radiolinkThreads.toString());
            // The run loop notifies only real changes of time; the replication ends at 4.5 s.
            assertEquals(List.of(0.5, 1.0, 2.0, 2.5, 3.0, 4.0, 4.5), listener.timeChanges);
        } finally {
            simulator.cleanUp();
            replication.removeFromContext();
        }
    }
}
