package io.radiolink.cli;

import io.radiolink.report.Reporter;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the commands that write a run's reports ({@code run}, {@code merge}): which reports. */
final class ReportOptions {

    @Option(names = "--no-replications-csv",
            description = "Do not write replications.csv (each replication's value of every metric), for huge sweeps.")
    private boolean noReplicationsCsv;

    /** The reporters the options ask for, in the order they write. */
    List<Reporter> reporters() {
        return Reporters.all(!noReplicationsCsv);
    }
}
