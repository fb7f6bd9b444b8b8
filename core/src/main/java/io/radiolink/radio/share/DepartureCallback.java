package io.radiolink.radio.share;

/**
 * Told when a unit has left a {@link ConnectionQueue}: its last bit has been served by the shared
 * direction. Called from within the direction's event, in the scheduler's thread; it may offer, open
 * and close queues of the same direction.
 *
 * @param <T> the type of unit queued
 */
@FunctionalInterface
public interface DepartureCallback<T> {

    /** {@code unit} departed at {@code atSeconds}, the scheduler's current time. */
    void departed(T unit, double atSeconds);
}
