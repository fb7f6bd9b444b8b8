package io.radiolink.radio;

/**
 * What one direction of a connection put on the air, as its {@link Link} counts it.
 *
 * @param unitsSent units handed to the transmitter (lost ones included)
 * @param unitsLost of those, the units the loss process destroyed
 * @param unitsCorrupted units corrupted on the air (discarded by the frame check, or slipping through it)
 */
public record LinkCounts(long unitsSent, long unitsLost, long unitsCorrupted) {

    /** Nothing sent. */
    public static final LinkCounts ZERO = new LinkCounts(0, 0, 0);

    /** Checks that no count is negative. */
    public LinkCounts {
        if (unitsSent < 0 || unitsLost < 0 || unitsCorrupted < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + unitsSent + ", " + unitsLost + ", "
                    + unitsCorrupted);
        }
    }

    /** The field-by-field sum. */
    public LinkCounts plus(LinkCounts other) {
        return new LinkCounts(unitsSent + other.unitsSent, unitsLost + other.unitsLost,
                unitsCorrupted + other.unitsCorrupted);
    }
}
