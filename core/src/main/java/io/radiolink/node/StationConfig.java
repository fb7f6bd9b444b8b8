package io.radiolink.node;

import io.radiolink.radio.AirInterface;
import io.radiolink.radio.Checks;
import java.util.Objects;

/**
 * Everything that defines a base station.
 *
 * @param id a name unique within the model
 * @param channels number of radio channels, >= 1
 * @param storageCapacityBytes capacity of the backup store, >= 1
 * @param airInterface the cell's radio interface
 * @param clearAfterDownload whether the station clears a copy once its download was confirmed and the
 *     connection ended (claim 8); true by default
 */
public record StationConfig(
        String id, int channels, long storageCapacityBytes, AirInterface airInterface,
        boolean clearAfterDownload) {

    /** Validates every field. */
    public StationConfig {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("station id must not be blank");
        }
        Checks.atLeast("channels", channels, 1);
        Checks.atLeast("storageCapacityBytes", storageCapacityBytes, 1L);
        Objects.requireNonNull(airInterface, "airInterface");
    }

    /** A station that clears copies after a confirmed download, as claim 8 describes. */
    public static StationConfig of(String id, int channels, long storageCapacityBytes,
            AirInterface airInterface) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, true);
    }

    /** The same station with another clear-after-download policy. */
    public StationConfig withClearAfterDownload(boolean clear) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, clear);
    }
}
