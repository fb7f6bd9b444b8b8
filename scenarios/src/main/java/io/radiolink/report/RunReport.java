package io.radiolink.report;

import io.radiolink.scenario.ResolvedScenario;
import java.util.List;
import java.util.Objects;

/**
 * The results of running a scenario: the resolved scenario and one result per sweep point, in point
 * order. Contains nothing that depends on the wall clock or the thread count.
 *
 * @param scenario what was run
 * @param provenance what the units were computed from: the model and the code
 * @param points one result per sweep point, in point order
 * @param allFlows whether {@code flows} hold every replication's flows (otherwise replication 0's)
 */
public record RunReport(ResolvedScenario scenario, Provenance provenance, List<PointResult> points,
        boolean allFlows) {

    /** Copies the points and checks for nulls. */
    public RunReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(provenance, "provenance");
        points = List.copyOf(points);
    }
}
