/** The embedding API: build an experiment in code, run its replications standalone or hosted, get results. */
package io.radiolink.simulation;
