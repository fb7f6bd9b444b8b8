package io.radiolink.radio.share;

import io.radiolink.engine.Scheduler;
import io.radiolink.engine.lean.LeanEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A log of departures across the queues of a test, each written {@code queue:unit@seconds}. */
final class Departures {

    /** One departure. */
    record Departure(String queue, String unit, double atSeconds) {
        @Override
        public String toString() {
            return queue + ":" + unit + "@" + atSeconds;
        }
    }

    final List<Departure> log = new ArrayList<>();

    /** A callback that logs the units of {@code queue}. */
    io.radiolink.radio.Departure<String> of(String queue) {
        return (unit, atSeconds) -> log.add(new Departure(queue, unit, atSeconds));
    }

    /** Opens {@code name}'s queue on {@code direction}, logging here. */
    ConnectionQueue<String> open(CellDirection direction, String name, double capBitsPerSecond) {
        return direction.open(capBitsPerSecond, of(name));
    }

    /**
     * Runs {@code model} on a fresh direction of {@code capacityBitsPerSecond} under {@code policy}, on the
     * lean engine until nothing is left to do; returns the log as text.
     */
    List<String> run(SchedulingPolicy policy, double capacityBitsPerSecond, BiConsumer<Scheduler, CellDirection> model) {
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler ->
                model.accept(scheduler, new CellDirection(scheduler, capacityBitsPerSecond, policy)));
        return written();
    }

    /** The log as text, in departure order. */
    List<String> written() {
        return log.stream().map(Departure::toString).toList();
    }

    /** Runs {@code action} at {@code atSeconds}. */
    static void at(Scheduler scheduler, double atSeconds, Runnable action) {
        scheduler.postAt(atSeconds, action);
    }
}
