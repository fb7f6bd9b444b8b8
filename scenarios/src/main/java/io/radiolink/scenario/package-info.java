/** Scenario files: the JSON format, its validation with located messages, defaults, sweeps and assembly. */
package io.radiolink.scenario;
