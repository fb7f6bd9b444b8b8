package io.radiolink.stats;

import java.io.Serializable;
import java.util.Objects;

/**
 * The units the counted flows put on the air, per direction, and their data frames.
 *
 * @param uplink from the terminals to the stations
 * @param downlink from the stations to the terminals
 * @param dataFramesSent data frame transmissions in either direction, retransmissions included
 * @param dataFramesRetransmitted of those, the retransmissions
 */
public record Traffic(DirectionCounts uplink, DirectionCounts downlink, long dataFramesSent,
        long dataFramesRetransmitted) implements Serializable {

    /** Nothing sent. */
    public static final Traffic ZERO = new Traffic(DirectionCounts.ZERO, DirectionCounts.ZERO, 0, 0);

    /** Checks for nulls and negative counts. */
    public Traffic {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        if (dataFramesSent < 0 || dataFramesRetransmitted < 0) {
            throw new IllegalArgumentException("data frame counts must be >= 0: " + dataFramesSent + ", "
                    + dataFramesRetransmitted);
        }
    }

    /** The field-by-field sum. */
    public Traffic plus(Traffic other) {
        return new Traffic(uplink.plus(other.uplink), downlink.plus(other.downlink),
                dataFramesSent + other.dataFramesSent, dataFramesRetransmitted + other.dataFramesRetransmitted);
    }
}
