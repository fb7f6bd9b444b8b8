package io.radiolink.engine;

/**
 * The only way model code schedules work: plain actions on a clock that counts seconds.
 *
 * <p>Contract shared by every engine (see {@code SchedulerContractTest}): actions run in time order;
 * actions due at the same time run first-in-first-out in the order they were scheduled; a cancelled
 * action never runs; scheduling before the current time is rejected with
 * {@link IllegalArgumentException}. Time is computed as {@code nowSeconds() + delaySeconds} in
 * {@code double} arithmetic by every engine, so engines agree bit for bit.
 *
 * <p>Two ways in, as with an executor's {@code submit} and {@code execute}: {@code schedule} returns a
 * handle to cancel the action with; {@code post} is for an action its caller will never cancel, and
 * returns nothing, so that an engine need not make a handle per event (the model posts all but its
 * cancellable timers). Both take their place in the same order.
 */
public interface Scheduler {

    /** The current simulation time in seconds. */
    double nowSeconds();

    /**
     * Schedules {@code action} to run {@code delaySeconds} from now.
     *
     * @param delaySeconds finite and not negative; zero runs the action after those already due now
     * @throws IllegalArgumentException if the delay is negative, NaN or infinite, or if
     *     {@code nowSeconds() + delaySeconds} overflows to infinity
     * @throws NullPointerException if {@code action} is null
     */
    ScheduledAction schedule(double delaySeconds, Runnable action);

    /**
     * Schedules {@code action} to run at the absolute time {@code timeSeconds}.
     *
     * @throws IllegalArgumentException if the time lies before {@link #nowSeconds()} or is not finite
     * @throws NullPointerException if {@code action} is null
     */
    ScheduledAction scheduleAt(double timeSeconds, Runnable action);

    /**
     * As {@link #schedule}, for an action that will not be cancelled: no handle.
     *
     * @throws IllegalArgumentException as {@link #schedule} does
     * @throws NullPointerException if {@code action} is null
     */
    default void post(double delaySeconds, Runnable action) {
        schedule(delaySeconds, action);
    }

    /**
     * As {@link #scheduleAt}, for an action that will not be cancelled: no handle.
     *
     * @throws IllegalArgumentException as {@link #scheduleAt} does
     * @throws NullPointerException if {@code action} is null
     */
    default void postAt(double timeSeconds, Runnable action) {
        scheduleAt(timeSeconds, action);
    }
}
