package io.radiolink.engine;

import java.util.function.Consumer;

/**
 * An event calendar that radiolink owns for one run ("standalone" mode): it builds the model against
 * a fresh {@link Scheduler} and runs it to the end time in the caller's thread.
 */
public interface Engine {

    /**
     * Builds the model by passing a fresh scheduler at time zero to {@code model}, then runs, in the
     * calling thread, every action due at or before {@code endTimeSeconds} (actions due exactly at
     * the end time run). Actions still pending after it are discarded. An exception thrown by an
     * action stops the run and reaches the caller unchanged; the engine is cleaned up either way.
     *
     * @param endTimeSeconds positive; {@link Double#POSITIVE_INFINITY} runs until no action is left
     */
    RunSummary run(double endTimeSeconds, Consumer<Scheduler> model);
}
