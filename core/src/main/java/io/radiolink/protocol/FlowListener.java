package io.radiolink.protocol;

/**
 * Receives a flow's life-cycle events as they happen; statistics calculators implement it. Methods run
 * inside the simulation, at the simulation time they report, and must not throw.
 */
public interface FlowListener {

    /** A listener that ignores everything. */
    FlowListener NONE = new FlowListener() {};

    /** {@code flow} started at {@code timeSeconds}, in phase {@link FlowPhase#SETUP}. */
    default void flowStarted(Flow flow, double timeSeconds) {}

    /** {@code flow} entered {@code phase} at {@code timeSeconds}. */
    default void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {}

    /** {@code flow} ended; {@code record} says how. */
    default void flowEnded(Flow flow, FlowRecord record) {}

    /**
     * On its next contact ({@code flow}), a terminal learned whether its earlier backup
     * {@code earlierFlowId}, which ended without the station's complete command, was committed.
     */
    default void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {}

    /**
     * At {@code timeSeconds}, after the flow that ended with {@code record} ended, its station heard that
     * the store made {@code effect} for it: a late store effect, the store's answer to what the station
     * asked before the flow's last connection ended (a backup's {@link StationEffect#COMMITTED commit}, a
     * download's {@link StationEffect#CLEARED clear}; only across a backhaul: network storage, peer fetch).
     * The record stays as it was told at the flow's end; the station's view of a flow is its record's
     * effect and these.
     */
    default void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {}

    /**
     * At {@code timeSeconds}, after the download that ended with {@code record} ended, its station heard a
     * look-up of one of its requests answer that the store held a committed copy of the number: the flow's
     * request found a copy, but the answer crossed the backhaul after the flow's last connection ended (network
     * storage, peer fetch). Told at most once per flow, and only of a record whose
     * {@link FlowRecord#copyAtRequest()} is false; the record stays as it was told. A flow found a copy at a
     * request if its record or this says so.
     */
    default void lateCopyAtRequest(FlowRecord record, double timeSeconds) {}
}
