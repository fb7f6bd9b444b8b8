/**
 * Unit files: one finished (sweep point, replication) unit on disk, its binary record codec, its header
 * and checksum, and the store that writes, reads and scans a run folder's {@code units/} (docs/runs.md,
 * section 1).
 */
package io.radiolink.run.unit;
