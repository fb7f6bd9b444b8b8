package io.radiolink.engine.dsol;

import io.radiolink.engine.ScheduledAction;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.AbstractSimEvent;

/**
 * One scheduled model action: the DSOL event in the event list and the handle returned to the model.
 *
 * <p>Extending {@link AbstractSimEvent} (rather than implementing the event interface with a counter of
 * our own) gives every action DSOL's JVM-wide creation id, the last tie-breaker of the event list
 * after time and priority. The action is created inside {@code schedule}/{@code scheduleAt}, so among
 * actions due at the same time that id is the scheduling order, also relative to a host model's own
 * events of the same priority, and no two events in one list can ever compare as equal.
 */
final class DsolAction extends AbstractSimEvent<Double> implements ScheduledAction {

    private final DsolScheduler scheduler;
    private final Runnable action;
    private boolean pending = true;

    DsolAction(DsolScheduler scheduler, double timeSeconds, Runnable action) {
        super(timeSeconds);
        this.scheduler = scheduler;
        this.action = action;
    }

    /**
     * Runs the action without wrapping: unlike DSOL's {@code LambdaSimEvent}, which rethrows every
     * exception as a {@code SimRuntimeException}, whatever the action throws leaves
     * {@code Simulator.step()} as the very same instance.
     */
    @Override
    public void execute() {
        if (!pending) {
            return;
        }
        pending = false;
        scheduler.actionStarting(absoluteExecutionTime);
        action.run();
    }

    @Override
    public boolean cancel() {
        if (!pending) {
            return false;
        }
        pending = false;
        scheduler.remove(this);
        return true;
    }

    /**
     * Returns a constant: {@code DevsSimulator.scheduleEvent} calls {@code toString()} on every event it
     * schedules (for a trace message, whatever the log level), so it must cost nothing.
     */
    @Override
    public String toString() {
        return "radiolink action";
    }
}
