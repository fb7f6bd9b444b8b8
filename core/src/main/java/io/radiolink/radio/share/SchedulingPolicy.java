package io.radiolink.radio.share;

/**
 * How a {@link CellDirection} shares its capacity among its busy queues, as configuration: the closed set
 * of policies a scenario can name, each an immutable record that validates its fields. Each is mapped to
 * its implementation by one registry, {@link SchedulingPolicies}, which refuses to load if a policy
 * permitted here has no entry.
 */
public sealed interface SchedulingPolicy permits ProcessorSharing, RoundRobin {
}
