/** Workloads: subscriber populations, Poisson backup arrivals, restores and data-size distributions. */
package io.radiolink.workload;
