package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One swept parameter's value at a sweep point.
 *
 * @param path the parameter's path in the scenario file, e.g. {@code airInterface.uplink.loss.probability}
 * @param value the value at this point, as it appears in JSON
 */
public record SweepValue(String path, JsonNode value) {

    /** Checks for nulls. */
    public SweepValue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }
}
