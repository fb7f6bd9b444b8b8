package io.radiolink.radio;

/**
 * Connection set-up as contention for access slots (as in a cellular random-access channel): a terminal
 * that wants a connection sends one of {@code preambles} preambles, picked uniformly, in the next slot;
 * two picks of one preamble in one slot collide and both fail. A collided terminal backs off a uniform
 * 0 .. {@code backoffWindowSlots - 1} extra slots and tries again, at most {@code maxAttempts} times in
 * all; then the attempt fails with ACCESS_FAILED. A preamble that gets through goes on to the channel
 * check and set-up as without contention.
 *
 * <p>With Poisson attempts at G per slot (first tries and retries together), a preamble survives with
 * probability {@code exp(-G / preambles)}.
 *
 * @param slotSeconds the spacing of access slots, > 0
 * @param preambles preambles to pick from, >= 1; 0 switches contention off (no slots, no collisions)
 * @param backoffWindowSlots the back-off window after a collision, >= 1
 * @param maxAttempts preamble transmissions per connection attempt at most, >= 1
 */
public record RandomAccessConfig(double slotSeconds, int preambles, int backoffWindowSlots, int maxAttempts) {

    /**
     * Slot spacings: at least a millisecond (LTE's subframe), so that a slot's number times the spacing
     * is exact at any time a run reaches (slot numbers stay below 2^53).
     */
    public static final Range SLOT_SECONDS = Range.closed(0.001, Range.MAX_SECONDS);
    /** Preambles: 0 (no contention) up to 4096 (LTE has 64); each slot counts the picks of each. */
    public static final Range PREAMBLES = Range.wholeBetween(0, 4096);
    /** The back-off window. */
    public static final Range BACKOFF_WINDOW_SLOTS = Range.wholeAtLeast(1);
    /** Preamble transmissions per attempt. */
    public static final Range MAX_ATTEMPTS = Range.wholeAtLeast(1);

    /** No contention: a connection attempt goes straight to the channel check. */
    public static final RandomAccessConfig NONE = new RandomAccessConfig(1.0, 0, 1, 1);

    /** Validates the fields. */
    public RandomAccessConfig {
        SLOT_SECONDS.check("slotSeconds", slotSeconds);
        PREAMBLES.check("preambles", preambles);
        BACKOFF_WINDOW_SLOTS.check("backoffWindowSlots", backoffWindowSlots);
        MAX_ATTEMPTS.check("maxAttempts", maxAttempts);
    }

    /** True if attempts contend for access slots. */
    public boolean enabled() {
        return preambles > 0;
    }
}
