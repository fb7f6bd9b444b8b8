package io.radiolink.protocol;

/**
 * What the terminal's control messages cost: transmissions (retransmissions included) and
 * retransmissions, summed over a flow's connections.
 *
 * @param messagesSent control message transmissions, retransmissions included (also those handed to a
 *     connection that was already closing, which never reached the air)
 * @param messagesRetransmitted of those, retransmissions after a timeout
 */
public record ControlCounts(long messagesSent, long messagesRetransmitted) {

    /** Nothing sent. */
    public static final ControlCounts ZERO = new ControlCounts(0, 0);

    /** Checks that no count is negative and retransmissions are among the transmissions. */
    public ControlCounts {
        if (messagesSent < 0 || messagesRetransmitted < 0 || messagesRetransmitted > messagesSent) {
            throw new IllegalArgumentException("need 0 <= messagesRetransmitted (" + messagesRetransmitted
                    + ") <= messagesSent (" + messagesSent + ")");
        }
    }

    /** The count-by-count sum. */
    public ControlCounts plus(ControlCounts other) {
        return new ControlCounts(messagesSent + other.messagesSent,
                messagesRetransmitted + other.messagesRetransmitted);
    }
}
