package io.radiolink.engine.lean;

import io.radiolink.engine.Engine;
import io.radiolink.engine.RunSummary;
import io.radiolink.engine.Scheduler;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An {@link Engine} on radiolink's own event calendar ({@link LeanScheduler}): no threads, no locks,
 * no JVM-wide state, nothing to set up or clean up, so a run costs only its events. Results are
 * identical to the DSOL engine's for the same model and seed: both order actions by time, then by
 * scheduling sequence, and compute times in the same {@code double} arithmetic.
 *
 * <p>Instances hold no state between runs; one may serve concurrent runs on several threads.
 */
public final class LeanEngine implements Engine {

    @Override
    public RunSummary run(double endTimeSeconds, Consumer<Scheduler> model) {
        if (!(endTimeSeconds > 0.0)) {
            throw new IllegalArgumentException("endTimeSeconds must be positive, got " + endTimeSeconds);
        }
        Objects.requireNonNull(model, "model");
        LeanScheduler scheduler = new LeanScheduler();
        model.accept(scheduler);
        return scheduler.runUntil(endTimeSeconds);
    }

    @Override
    public String toString() {
        return "LeanEngine";
    }
}
