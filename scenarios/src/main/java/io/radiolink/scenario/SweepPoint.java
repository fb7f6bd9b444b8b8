package io.radiolink.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.simulation.SimulationConfig;
import java.util.List;
import java.util.Objects;

/**
 * One point of a scenario's parameter grid (a scenario without a sweep has exactly one point, with no
 * values): the swept values, the resolved scenario at this point and the simulation it defines.
 *
 * @param index the point's number, from 0, in grid order (the first parameter varies slowest)
 * @param values the swept parameters' values at this point, in the order the sweep lists them
 * @param resolved the whole scenario at this point as JSON, defaults filled in and the values applied
 * @param config the simulation this point runs
 */
public record SweepPoint(int index, List<SweepValue> values, JsonNode resolved, SimulationConfig config) {

    /** Copies the values and checks for nulls. */
    public SweepPoint {
        values = List.copyOf(values);
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(config, "config");
    }
}
