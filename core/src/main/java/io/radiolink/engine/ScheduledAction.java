package io.radiolink.engine;

/** A handle to an action that was scheduled and may still be cancelled. */
public interface ScheduledAction {

    /**
     * Cancels the action if it has not run yet.
     *
     * @return true if the action was pending and will now never run; false if it already ran or was
     *     already cancelled
     */
    boolean cancel();
}
