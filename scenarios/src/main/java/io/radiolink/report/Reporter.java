package io.radiolink.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one kind of output of a run (JSON, CSV, plots) into a folder. */
public interface Reporter {

    /** Writes this reporter's files for {@code report} into {@code directory}, which exists. */
    void write(RunReport report, Path directory) throws IOException;
}
