/**
 * The claimed protocol's shared vocabulary and entry point: the messages on the air, the settings, flow
 * kinds, outcomes and records, the two ends' listeners, and {@link io.radiolink.protocol.BackupService},
 * which wires the terminals' end ({@code terminal}) to the stations' end ({@code station}).
 */
package io.radiolink.protocol;
