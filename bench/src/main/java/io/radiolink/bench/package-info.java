/**
 * JMH benchmarks of radiolink: the event calendars (hold model), the transfer path and end-to-end
 * device-replacement days. Each benchmark's Javadoc gives its run command; results and the machine
 * they were measured on are in {@code bench/RESULTS.md}.
 */
package io.radiolink.bench;
