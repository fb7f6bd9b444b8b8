package io.radiolink.stats;

import io.radiolink.radio.Side;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A shared cell's two directions across the replications that observed it.
 *
 * @param uplink the direction the terminals send in
 * @param downlink the direction the station sends in
 */
public record CellShareSummary(DirectionShareSummary uplink, DirectionShareSummary downlink) implements Serializable {

    /** Checks for nulls. */
    public CellShareSummary {
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
    }

    /** The summary of {@code perReplication} (not empty) at {@code confidence}. */
    static CellShareSummary of(List<CellShare> perReplication, double confidence) {
        return new CellShareSummary(
                DirectionShareSummary.of(perReplication.stream().map(CellShare::uplink).toList(), confidence),
                DirectionShareSummary.of(perReplication.stream().map(CellShare::downlink).toList(), confidence));
    }

    /** The direction {@code sender}'s side sends in. */
    public DirectionShareSummary of(Side sender) {
        return switch (sender) {
            case TERMINAL -> uplink;
            case STATION -> downlink;
        };
    }
}
