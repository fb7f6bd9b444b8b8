package io.radiolink.engine;

/**
 * What an {@link Engine} reports after a run.
 *
 * @param actionsExecuted number of scheduled actions that ran (cancelled ones excluded)
 * @param lastActionTimeSeconds the time of the last action that ran, or 0 if none ran
 */
public record RunSummary(long actionsExecuted, double lastActionTimeSeconds) {}
