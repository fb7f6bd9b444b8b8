/**
 * The {@link io.radiolink.engine.Engine} and {@link io.radiolink.engine.Scheduler} on DSOL 4, standalone
 * or hosted in a DSOL model: the only radiolink package that may use DSOL, djutils or logback types.
 */
package io.radiolink.engine.dsol;
