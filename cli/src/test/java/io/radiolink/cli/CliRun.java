package io.radiolink.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One invocation of the command line in-process: its exit status and what it printed. */
record CliRun(int status, String out, String err) {

    /** Runs {@code args} with no CI variable and no terminal. */
    static CliRun of(String... args) {
        return withEnvironment(Map.of(), args);
    }

    static CliRun withEnvironment(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new CliRun(status, out.toString(), err.toString());
    }
}
