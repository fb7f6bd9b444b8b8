package io.radiolink.report;

import io.radiolink.scenario.ResolvedScenario;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of running a scenario: the resolved scenario and one result per sweep point, in point
 * order. Contains nothing that depends on the wall clock or the thread count.
 *
 * @param scenario what was run
 * @param provenance what the units were computed from: the model and the code
 * @param points one result per sweep point, in point order
 * @param allFlows whether {@code flows} hold every replication's flows (otherwise replication 0's)
 * @param part what the report lacks, if it is not of every unit of the scenario (a part's or a partial
 *     merge's report: each point over the replications present, points with none left out)
 */
public record RunReport(ResolvedScenario scenario, Provenance provenance, List<PointResult> points,
        boolean allFlows, Optional<Part> part) {

    /** Copies the points and checks for nulls. */
    public RunReport {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(provenance, "provenance");
        points = List.copyOf(points);
        Objects.requireNonNull(part, "part");
    }

    /** The report of every unit of {@code scenario}. */
    public RunReport(ResolvedScenario scenario, Provenance provenance, List<PointResult> points, boolean allFlows) {
        this(scenario, provenance, points, allFlows, Optional.empty());
    }
}
