package io.radiolink.radio.share;

/**
 * Processor sharing: fluid, equal shares, capped. At every instant the busy queues share the capacity C
 * max-min fairly: each gets the same rate unless its cap is lower, and what a capped queue cannot use is
 * shared by the others. With n busy queues of one cap, each is served at {@code min(cap, C / n)}.
 * Idle queues take nothing.
 */
public record ProcessorSharing() implements SchedulingPolicy {
}
