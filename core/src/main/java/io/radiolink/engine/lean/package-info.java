/**
 * The lean engine: radiolink's own single-threaded event calendar, a 4-ary heap over primitive time
 * and sequence keys, for standalone runs where DSOL's generality costs more than it gives. It keeps
 * the {@link io.radiolink.engine.Scheduler} contract exactly as the DSOL engine does, so a scenario
 * gives identical results on both.
 */
package io.radiolink.engine.lean;
