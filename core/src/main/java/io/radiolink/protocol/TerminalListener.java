package io.radiolink.protocol;

import io.radiolink.radio.Connection;

/**
 * The terminal side's events: a flow's life cycle as its terminal sees it. Methods run inside the
 * simulation at the time they report and must not throw. What the station did is not in them: it
 * comes as {@link SessionListener} events, and a joiner ({@code io.radiolink.simulation.FlowRecords})
 * puts both into the flow's {@link FlowRecord}.
 */
public interface TerminalListener {

    /** A listener that ignores everything. */
    TerminalListener NONE = new TerminalListener() {};

    /** {@code flow} started at {@code timeSeconds}, in phase {@link FlowPhase#SETUP}. */
    default void flowStarted(Flow flow, double timeSeconds) {}

    /** {@code flow} entered {@code phase} at {@code timeSeconds}. */
    default void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {}

    /** An attempt of {@code flow} got {@code connection}; the station's session on it opened just before. */
    default void connected(Flow flow, Connection<Message> connection) {}

    /** {@code flow} ended; {@code record} says how, as far as the terminal knows. */
    default void flowEnded(Flow flow, TerminalRecord record) {}

    /**
     * On its next contact ({@code flow}), a terminal learned whether its earlier backup
     * {@code earlierFlowId}, which ended without the station's complete command, was committed.
     */
    default void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {}
}
