package io.radiolink.protocol.transfer;

import java.io.Serializable;

/**
 * What one end's data frames cost: transmissions (retransmissions included), retransmissions, and the
 * user data bytes they carried. One value for whichever end sends, summed over rounds and connections.
 *
 * @param framesSent data frame transmissions, retransmissions included
 * @param framesRetransmitted of those, retransmissions
 * @param bytesSent user data bytes the transmissions carried (headers excluded)
 */
public record TransferCounts(long framesSent, long framesRetransmitted, long bytesSent) implements Serializable {

    /** Nothing sent. */
    public static final TransferCounts ZERO = new TransferCounts(0, 0, 0);

    /** Checks that no count is negative and retransmissions are among the transmissions. */
    public TransferCounts {
        if (framesSent < 0 || framesRetransmitted < 0 || framesRetransmitted > framesSent || bytesSent < 0) {
            throw new IllegalArgumentException("need 0 <= framesRetransmitted (" + framesRetransmitted
                    + ") <= framesSent (" + framesSent + ") and bytesSent (" + bytesSent + ") >= 0");
        }
    }

    /** The field-by-field sum. */
    public TransferCounts plus(TransferCounts other) {
        return new TransferCounts(framesSent + other.framesSent, framesRetransmitted + other.framesRetransmitted,
                bytesSent + other.bytesSent);
    }
}
