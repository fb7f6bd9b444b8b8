package io.radiolink.stats;

import java.io.Serializable;

/**
 * What one direction of the air carried for the counted flows of a replication.
 *
 * @param unitsSent units transmitted in this direction (control, data, acknowledgements)
 * @param unitsLost of those, the units lost on the air
 * @param retransmissions retransmissions by this direction's sender (control messages and data frames)
 * @param unitsCorrupted units corrupted on the air (counted apart from lost ones)
 */
public record DirectionCounts(long unitsSent, long unitsLost, long retransmissions, long unitsCorrupted)
        implements Serializable {

    /** Nothing sent. */
    public static final DirectionCounts ZERO = new DirectionCounts(0, 0, 0, 0);

    /** Counts of a direction that corrupted nothing. */
    public DirectionCounts(long unitsSent, long unitsLost, long retransmissions) {
        this(unitsSent, unitsLost, retransmissions, 0);
    }

    /** Checks that no count is negative. */
    public DirectionCounts {
        if (unitsSent < 0 || unitsLost < 0 || retransmissions < 0 || unitsCorrupted < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + unitsSent + ", " + unitsLost + ", "
                    + retransmissions);
        }
    }

    /** The field-by-field sum. */
    public DirectionCounts plus(DirectionCounts other) {
        return new DirectionCounts(unitsSent + other.unitsSent, unitsLost + other.unitsLost,
                retransmissions + other.retransmissions, unitsCorrupted + other.unitsCorrupted);
    }
}
