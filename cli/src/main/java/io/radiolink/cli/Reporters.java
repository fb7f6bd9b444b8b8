package io.radiolink.cli;

import io.radiolink.plot.PlotReporter;
import io.radiolink.report.FlowsCsvReporter;
import io.radiolink.report.JsonReporter;
import io.radiolink.report.ReplicationsCsvReporter;
import io.radiolink.report.Reporter;
import io.radiolink.report.SummaryCsvReporter;
import java.util.List;

/** The registry of every reporter a run writes, in a fixed order. */
public final class Reporters {

    private Reporters() {}

    /**
     * {@code report.json}, {@code summary.csv}, {@code replications.csv}, {@code flows.csv}, then the plots: a new
     * list of new reporters.
     */
    public static List<Reporter> all() {
        return List.of(new JsonReporter(), new SummaryCsvReporter(), new ReplicationsCsvReporter(),
                new FlowsCsvReporter(), new PlotReporter());
    }

    /** {@link #all()}, without {@code replications.csv} unless {@code replicationsCsv} ({@code --no-replications-csv}). */
    public static List<Reporter> all(boolean replicationsCsv) {
        return all().stream().filter(reporter -> replicationsCsv || !(reporter instanceof ReplicationsCsvReporter))
                .toList();
    }
}
