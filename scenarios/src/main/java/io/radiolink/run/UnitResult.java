package io.radiolink.run;

import io.radiolink.stats.ReplicationResult;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one unit of work returns: replication {@code replication} at sweep point {@code point}, as a
 * serializable value (so units can later run on other machines).
 *
 * @param point the sweep point index
 * @param replication the replication index
 * @param result the replication's statistics
 * @param flows its flows, if this unit was asked to record them
 */
public record UnitResult(int point, int replication, ReplicationResult result, List<FlowRow> flows) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the flows and checks for nulls and negative indexes. */
    public UnitResult {
        if (point < 0 || replication < 0) {
            throw new IllegalArgumentException("point and replication are >= 0, were " + point + " and " + replication);
        }
        Objects.requireNonNull(result, "result");
        flows = List.copyOf(flows);
    }
}
