package io.radiolink.engine.dsol;

import ch.qos.logback.classic.Level;
import io.radiolink.engine.Engine;
import io.radiolink.engine.RunSummary;
import io.radiolink.engine.Scheduler;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import nl.tudelft.simulation.dsol.eventlists.EventListInterface;
import nl.tudelft.simulation.dsol.experiment.SingleReplication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import nl.tudelft.simulation.dsol.simulators.ErrorStrategy;
import org.djutils.logger.CategoryLogger;

/** An {@link Engine} that runs each model on a fresh DSOL simulator, stepped in the caller's thread. */
public final class DsolEngine implements Engine {

    /** Prefix of the simulator and replication ids, and so of the name of DSOL's worker thread. */
    static final String ID_PREFIX = "radiolink-dsol-";

    /** Upper bound on the wait for DSOL's idle worker thread to end once it has been told to. */
    private static final long WORKER_EXIT_TIMEOUT_MILLIS = 10_000;

    @Override
    public RunSummary run(double endTimeSeconds, Consumer<Scheduler> model) {
        if (!(endTimeSeconds > 0.0)) {
            throw new IllegalArgumentException("endTimeSeconds must be positive, got " + endTimeSeconds);
        }
        Objects.requireNonNull(model, "model");
        // Model actions are always finite, so this cap only matters for an infinite end time: it keeps
        // the loop below off DSOL's end-of-replication event at +infinity (see the replication).
        double lastDueTimeSeconds = Math.min(endTimeSeconds, Double.MAX_VALUE);

        // Unique per run, never a counter: concurrent replications with one id would share, and then
        // destroy, one naming context in DSOL's JVM-wide root context.
        String id = ID_PREFIX + UUID.randomUUID();
        StandaloneSimulator simulator = newSimulator(id);
        // In step() mode DSOL never reaches its error handler (exceptions leave step() directly); this
        // only replaces the default WARN_AND_PAUSE, which prints to stdout, should that ever change.
        simulator.setErrorStrategy(ErrorStrategy.WARN_AND_THROW, Level.OFF);
        DsolScheduler scheduler = new DsolScheduler(simulator);
        SingleReplication<Double> replication = null;
        Throwable failure = null;
        try {
            // Warm-up 0 and an infinite run length keep DSOL's own two events away from model actions.
            // The end-of-replication event sits at +infinity, after every (finite) model action, and is
            // never stepped. A finite replication end would not do: step() refuses to run once the clock
            // has reached it ("simulatorTime >= runLength"), so of several actions due exactly at that
            // end only the first would run, and a run to +infinity would need a guess at the last
            // action's time. The warm-up event sits at time 0 with a priority above any model action:
            // it runs first, leaves the clock at 0, only notifies listeners (there are none) and is
            // not counted, since only DsolAction.execute() counts.
            synchronized (JVM_WIDE_STATE) {
                replication = new SingleReplication<>(id, 0.0, 0.0, Double.POSITIVE_INFINITY);
                simulator.initialize(new StandaloneModel(simulator, scheduler, model), replication);
            }
            EventListInterface<Double> events = simulator.getEventList();
            for (SimEventInterface<Double> next = events.first();
                    next != null && next.getAbsoluteExecutionTime() <= lastDueTimeSeconds;
                    next = events.first()) {
                simulator.step();
            }
            return scheduler.summary();
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            release(simulator, replication, failure);
        }
    }

    /**
     * The lock around every step of a run that touches DSOL's JVM-wide state; only the stepping itself
     * runs unlocked, so parallel replications still run in parallel. DSOL 4.3.2 is not safe here:
     * <ul>
     *   <li>the simulator constructor (through {@code SimLogger}) removes, re-adds and re-formats the
     *       JVM-wide DSOL log category in three separately synchronized calls; interleaved, the second
     *       fails with a {@code NullPointerException} in {@code CategoryLogger.addFormatter}. So the
     *       lock is {@code CategoryLogger}'s class monitor, which every one of those calls takes;
     *   <li>a replication creates, and {@code removeFromContext} destroys, a sub-context of the JVM-wide
     *       root naming context, which is not thread-safe ("Cannot destroy context for replication ...
     *       does not exist" with two threads);
     *   <li>{@code initialize} and {@code cleanUp} register and remove listeners and contexts too.
     * </ul>
     * Both failures were seen in parallel replications; {@code DsolEngineTest} reproduces them.
     */
    private static final Object JVM_WIDE_STATE = CategoryLogger.class;

    private static StandaloneSimulator newSimulator(String id) {
        synchronized (JVM_WIDE_STATE) {
            return new StandaloneSimulator(id);
        }
    }

    /** Ends DSOL's worker thread and naming context without letting a failure there hide {@code failure}. */
    private static void release(StandaloneSimulator simulator, SingleReplication<Double> replication,
            Throwable failure) {
        try {
            simulator.getEventList().clear();
            synchronized (JVM_WIDE_STATE) {
                simulator.cleanUpAndAwaitWorker();
                if (replication != null) {
                    replication.removeFromContext();
                }
            }
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** A {@code DevsSimulator} whose clean-up also waits for its worker thread to end. */
    private static final class StandaloneSimulator extends DevsSimulator<Double> {

        StandaloneSimulator(String id) {
            super(id);
        }

        /**
         * {@code initialize()} starts a non-daemon worker thread even though {@code step()} never uses
         * it; {@code cleanUp()} only tells it to end, so wait until it has, for {@code run()} to leave
         * no thread behind when it returns.
         */
        void cleanUpAndAwaitWorker() {
            Thread workerThread = this.worker;
            cleanUp();
            if (workerThread == null) {
                return;
            }
            try {
                workerThread.join(WORKER_EXIT_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The DSOL model of a standalone run: it hands the scheduler to radiolink's model builder. */
    private static final class StandaloneModel extends AbstractDsolModel<Double, DevsSimulator<Double>> {

        private final DsolScheduler scheduler;
        private final Consumer<Scheduler> builder;

        StandaloneModel(DevsSimulator<Double> simulator, DsolScheduler scheduler,
                Consumer<Scheduler> builder) {
            super(simulator);
            this.scheduler = scheduler;
            this.builder = builder;
        }

        @Override
        public void constructModel() {
            builder.accept(scheduler);
        }
    }
}
