package io.radiolink.report;

import io.radiolink.run.MissingUnits;
import java.util.Objects;

/**
 * What a report of some of a scenario's units holds (docs/runs.md, section 4): a part's report (a run with
 * {@code --points}, {@code --replications-range} or {@code --shard}) or a partial merge. report.json states it
 * as {@code "part"}; a report of every unit has none.
 *
 * @param units the units the report is made of
 * @param missing the scenario's units it lacks, at least one
 */
public record Part(long units, MissingUnits missing) {

    /** Checks that some unit is missing and that the counts add up to at most the scenario's units. */
    public Part {
        Objects.requireNonNull(missing, "missing");
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("a report missing no unit is not a part");
        }
        if (units < 0 || units + missing.count() != of(missing)) {
            throw new IllegalArgumentException(units + " units and " + missing.count() + " missing are not the scenario's "
                    + of(missing));
        }
    }

    /** The scenario's units: points times replications. */
    public long of() {
        return of(missing);
    }

    private static long of(MissingUnits missing) {
        return (long) missing.points() * missing.replications();
    }
}
