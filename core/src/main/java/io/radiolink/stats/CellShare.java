package io.radiolink.stats;

import io.radiolink.radio.Side;
import java.io.Serializable;
import java.util.Objects;

/**
 * A shared cell's two directions over a replication's observation window.
 *
 * @param uplink the direction the terminals send in
 * @param downlink the direction the station sends in
 */
public record CellShare(DirectionShare uplink, DirectionShare downlink) implements Serializable {

    /** Checks for nulls. */
    public CellShare {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
    }

    /** The direction {@code sender}'s side sends in. */
    public DirectionShare of(Side sender) {
        return switch (sender) {
            case TERMINAL -> uplink;
            case STATION -> downlink;
        };
    }
}
