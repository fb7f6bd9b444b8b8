package io.radiolink.stats;

import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.DirectionCounts;
import java.io.Serializable;
import java.util.Objects;

/**
 * The units the counted flows put on the air, per direction, and their data frames.
 *
 * @param uplink from the terminals to the stations, as the terminals counted it
 * @param downlink from the stations to the terminals, as the stations counted it
 * @param data the data frames in either direction (transmissions, retransmissions, user data bytes)
 */
public record Traffic(DirectionCounts uplink, DirectionCounts downlink, TransferCounts data)
        implements Serializable {

    /** Nothing sent. */
    public static final Traffic ZERO = new Traffic(DirectionCounts.ZERO, DirectionCounts.ZERO, TransferCounts.ZERO);

    /** Checks for nulls. */
    public Traffic {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        Objects.requireNonNull(data, "data");
    }

    /** The count-by-count sum. */
    public Traffic plus(Traffic other) {
        return new Traffic(uplink.plus(other.uplink), downlink.plus(other.downlink), data.plus(other.data));
    }
}
