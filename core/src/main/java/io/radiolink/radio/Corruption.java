package io.radiolink.radio;

/**
 * Bit errors on a link, modelled apart from loss: a unit that is not lost is corrupted with
 * {@code probability}; the receiver's frame check detects a corrupted unit and discards it (the sender's
 * ARQ retransmits it, as after a loss), except with {@code undetectedProbability}, when the damage slips
 * through and only the whole-object digest can catch it.
 *
 * @param probability chance that a delivered unit is corrupted, in [0, 1)
 * @param undetectedProbability chance that a corruption escapes the frame check, in [0, 1]
 */
public record Corruption(double probability, double undetectedProbability) {

    /** The chance of corruption: below 1, so that a frame eventually gets through. */
    public static final Range PROBABILITY = Range.closedOpen(0, 1);
    /** The chance that a corruption escapes the frame check. */
    public static final Range UNDETECTED_PROBABILITY = Range.probability();

    /** No corruption. */
    public static final Corruption NONE = new Corruption(0, 0);

    /** Validates the probabilities. */
    public Corruption {
        PROBABILITY.check("probability", probability);
        UNDETECTED_PROBABILITY.check("undetectedProbability", undetectedProbability);
    }

    /** True if units can be corrupted. */
    public boolean enabled() {
        return probability > 0;
    }
}
