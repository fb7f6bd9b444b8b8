package io.radiolink.node;

import io.radiolink.radio.AirInterface;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
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
 * @param outages when the station is down and whether its store survives; {@link OutageConfig#NONE} by
 *     default
 * @param retentionSeconds how long a committed copy is kept if nobody restores or replaces it, > 0;
 *     {@link Double#POSITIVE_INFINITY} (the default) keeps copies forever
 */
public record StationConfig(
        String id, int channels, long storageCapacityBytes, AirInterface airInterface,
        boolean clearAfterDownload, OutageConfig outages, double retentionSeconds) {

    /** Radio channels. */
    public static final Range CHANNELS = Range.wholeAtLeast(1);
    /** Capacities of the backup store. */
    public static final Range STORAGE_CAPACITY_BYTES = Range.wholeAtLeast(1);
    /** Retention periods; infinity keeps copies forever. */
    public static final Range RETENTION_SECONDS = Range.positiveSecondsOrNever();

    /** Validates every field. */
    public StationConfig {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw InvalidFieldException.stated("id", id, "station id must not be blank", "a non-blank string");
        }
        CHANNELS.check("channels", channels);
        STORAGE_CAPACITY_BYTES.check("storageCapacityBytes", storageCapacityBytes);
        Objects.requireNonNull(airInterface, "airInterface");
        Objects.requireNonNull(outages, "outages");
        RETENTION_SECONDS.check("retentionSeconds", retentionSeconds);
    }

    /** A station that never goes down and keeps copies forever. */
    public StationConfig(String id, int channels, long storageCapacityBytes, AirInterface airInterface,
            boolean clearAfterDownload) {
        this(id, channels, storageCapacityBytes, airInterface, clearAfterDownload, OutageConfig.NONE,
                Double.POSITIVE_INFINITY);
    }

    /** A station that keeps copies forever. */
    public StationConfig(String id, int channels, long storageCapacityBytes, AirInterface airInterface,
            boolean clearAfterDownload, OutageConfig outages) {
        this(id, channels, storageCapacityBytes, airInterface, clearAfterDownload, outages, Double.POSITIVE_INFINITY);
    }

    /** A station that clears copies after a confirmed download, as claim 8 describes. */
    public static StationConfig of(String id, int channels, long storageCapacityBytes,
            AirInterface airInterface) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, true);
    }

    /** The same station with another clear-after-download policy. */
    public StationConfig withClearAfterDownload(boolean clear) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, clear, outages, retentionSeconds);
    }

    /** The same station with other outages. */
    public StationConfig withOutages(OutageConfig newOutages) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, clearAfterDownload, newOutages,
                retentionSeconds);
    }

    /** The same station with another retention period. */
    public StationConfig withRetentionSeconds(double seconds) {
        return new StationConfig(id, channels, storageCapacityBytes, airInterface, clearAfterDownload, outages,
                seconds);
    }
}
