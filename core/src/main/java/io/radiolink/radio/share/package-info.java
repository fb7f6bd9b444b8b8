/**
 * A cell direction whose capacity its connections share: {@link io.radiolink.radio.share.CellDirection}
 * gives each connection a FIFO {@link io.radiolink.radio.share.ConnectionQueue} capped at its terminal's
 * rate, and a {@link io.radiolink.radio.share.SchedulingPolicy} (processor sharing, or round robin over
 * transmission intervals) decides when each unit departs.
 *
 * <p>Self-contained: it knows the engine's {@link io.radiolink.engine.Scheduler} and nothing of links,
 * connections or the protocol. A link in shared mode owns one queue per connection and direction, offers
 * it each unit with its size in bits, learns of its departure through the queue's
 * {@link io.radiolink.radio.Departure}, and closes the queue when its connection stops sending, taking
 * back the units still queued ({@link io.radiolink.radio.share.ConnectionQueue#close(io.radiolink.radio.Departure)}).
 * docs/design.md, "A shared cell direction (issue 13)", gives the policies, the virtual time, the order
 * of ties, what a close does and the round robin's bias bound; the policies are registered in
 * {@link io.radiolink.radio.share.SchedulingPolicies}, where proportional fair will be one more
 * ({@code Discipline}, package-private, says what it needs).
 */
package io.radiolink.radio.share;
