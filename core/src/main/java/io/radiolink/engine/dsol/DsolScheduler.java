package io.radiolink.engine.dsol;

import io.radiolink.engine.RunSummary;
import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import java.util.Objects;
import nl.tudelft.simulation.dsol.simulators.DevsSimulatorInterface;

/** A {@link Scheduler} that puts radiolink's actions into the event list of a DSOL simulator. */
public final class DsolScheduler implements Scheduler {

    private final DevsSimulatorInterface<Double> simulator;
    private long actionsExecuted;
    private double lastActionTimeSeconds;

    DsolScheduler(DevsSimulatorInterface<Double> simulator) {
        this.simulator = simulator;
    }

    /**
     * Returns a scheduler for a DSOL model that owns {@code hostSimulator}: radiolink only schedules
     * (and cancels) events in it, in the thread that runs the host's events. The host keeps
     * initializing, running and cleaning up its simulator; radiolink never calls {@code initialize},
     * {@code cleanUp} or touches its listeners, replication or error strategy. Call it at the earliest
     * in the host's {@code constructModel()} (the simulator's clock is not set before).
     */
    public static Scheduler hostedOn(DevsSimulatorInterface<Double> hostSimulator) {
        return new DsolScheduler(Objects.requireNonNull(hostSimulator, "hostSimulator"));
    }

    @Override
    public double nowSeconds() {
        Double now = simulator.getSimulatorTime();
        if (now == null) {
            throw new IllegalStateException("the DSOL simulator has no time yet: it was not initialized");
        }
        return now;
    }

    @Override
    public ScheduledAction schedule(double delaySeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!(delaySeconds >= 0.0) || delaySeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "delaySeconds must be finite and not negative, got " + delaySeconds);
        }
        double now = nowSeconds();
        double timeSeconds = now + delaySeconds;
        if (timeSeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("now (" + now + " s) + delaySeconds (" + delaySeconds
                    + " s) overflows to infinity");
        }
        return enqueue(timeSeconds, action);
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        Objects.requireNonNull(action, "action");
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("timeSeconds must be finite, got " + timeSeconds);
        }
        double now = nowSeconds();
        if (timeSeconds < now) {
            throw new IllegalArgumentException(
                    "timeSeconds " + timeSeconds + " lies before the current time " + now);
        }
        // + 0.0 turns -0.0 into 0.0: DSOL orders times with Double.compareTo, for which -0.0 comes
        // before 0.0 and so would jump ahead of actions already due at time zero.
        return enqueue(timeSeconds + 0.0, action);
    }

    /**
     * Schedules through {@code scheduleEvent} with our own event class rather than
     * {@code scheduleEventAbs} with a lambda: it spares a wrapper's allocation, and the trace message
     * DSOL builds on every call uses our constant {@code toString()}.
     */
    private DsolAction enqueue(double timeSeconds, Runnable action) {
        DsolAction event = new DsolAction(this, timeSeconds, action);
        simulator.scheduleEvent(event);
        return event;
    }

    void remove(DsolAction event) {
        simulator.cancelEvent(event);
    }

    void actionStarting(double timeSeconds) {
        actionsExecuted++;
        lastActionTimeSeconds = timeSeconds;
    }

    RunSummary summary() {
        return new RunSummary(actionsExecuted, lastActionTimeSeconds);
    }

    DevsSimulatorInterface<Double> simulator() {
        return simulator;
    }
}
