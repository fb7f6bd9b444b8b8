package io.radiolink.report;

import java.util.List;

/** The registry of every reporter a run writes, in a fixed order. */
public final class Reporters {

    private Reporters() {}

    /** {@code report.json}, {@code summary.csv}, {@code flows.csv}, then the plots: a new list of new reporters. */
    public static List<Reporter> all() {
        return List.of(new JsonReporter(), new SummaryCsvReporter(), new FlowsCsvReporter(), new PlotReporter());
    }
}
