package io.radiolink.radio;

import java.io.Serializable;

/**
 * What one direction of the air carried: for one connection, one flow's connections, or every counted
 * flow of a replication. The first three counts are the {@link Link}'s: it counts every unit that reaches
 * its transmitter. Retransmissions are the sending end's: a link cannot tell a repeat from a first
 * transmission, and a repeat handed to a connection that is already closing never reaches the link
 * ({@link Connection#sendUplink} discards it), so the senders count them (the terminal's control
 * messages and a backup's data frames uplink, a download's data frames downlink), and the end that owns
 * the senders adds them ({@link #plusRetransmissions}). So a retransmission need not be among
 * {@code unitsSent}: a repeat that a closing connection discarded is a retransmission, never a unit sent.
 *
 * @param unitsSent units that reached the transmitter (lost ones included): control, data, acknowledgements
 * @param unitsLost of those, the units the loss process destroyed
 * @param unitsCorrupted units corrupted on the air (discarded by the frame check, or slipping through it),
 *     counted apart from lost ones
 * @param retransmissions units the direction's senders sent again after a timeout (control messages and
 *     data frames), whether or not the connection was still open to carry them
 */
public record DirectionCounts(long unitsSent, long unitsLost, long unitsCorrupted, long retransmissions)
        implements Serializable {

    /** Nothing sent. */
    public static final DirectionCounts ZERO = new DirectionCounts(0, 0, 0, 0);

    /** Checks that no count is negative. */
    public DirectionCounts {
        if (unitsSent < 0 || unitsLost < 0 || unitsCorrupted < 0 || retransmissions < 0) {
            throw new IllegalArgumentException("counts must be >= 0: " + unitsSent + ", " + unitsLost + ", "
                    + unitsCorrupted + ", " + retransmissions);
        }
    }

    /** The count-by-count sum. */
    public DirectionCounts plus(DirectionCounts other) {
        return new DirectionCounts(unitsSent + other.unitsSent, unitsLost + other.unitsLost,
                unitsCorrupted + other.unitsCorrupted, retransmissions + other.retransmissions);
    }

    /** These counts with {@code more} retransmissions, as the direction's senders counted them. */
    public DirectionCounts plusRetransmissions(long more) {
        return new DirectionCounts(unitsSent, unitsLost, unitsCorrupted, retransmissions + more);
    }
}
