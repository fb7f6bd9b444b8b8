package io.radiolink.cli;

import io.radiolink.scenario.ScenarioException;
import java.io.PrintWriter;

/** What the subcommands share: reporting bad input. */
final class Commands {

    private Commands() {}

    /** Prints {@code error: <message>} (and the stack trace with --debug) and returns the bad-input status. */
    static int badInput(ScenarioException e, PrintWriter err, boolean debug) {
        err.println("error: " + e.getMessage());
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return Main.BAD_INPUT;
    }
}
