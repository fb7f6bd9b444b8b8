/**
 * The lean engine: radiolink's own single-threaded event calendar, a radix heap over the events' time
 * bits (simulation time never goes back), for standalone runs where DSOL's generality costs more than it
 * gives. It keeps
 * the {@link io.radiolink.engine.Scheduler} contract exactly as the DSOL engine does, so a scenario
 * gives identical results on both.
 */
package io.radiolink.engine.lean;
