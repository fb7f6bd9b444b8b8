/**
 * The scheduler interface through which the model schedules work, and the engines that implement it;
 * only the {@code dsol} sub-package may touch DSOL types.
 */
package io.radiolink.engine;
