package io.radiolink.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** The {@code radiolink} command's entry point: runs the command line and exits with its status. */
public final class Main {

    /** Success. */
    static final int OK = 0;
    /** An internal failure: a bug or an environment problem, not the user's input. */
    static final int INTERNAL_FAILURE = 1;
    /** Bad input: an unreadable or invalid scenario file, or a bad option. */
    static final int BAD_INPUT = 2;

    private Main() {}

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs the command line with the given streams and environment, and returns the exit status. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new RadiolinkCommand(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, parsed, result) -> {
            boolean debug = ((RadiolinkCommand) commandLine.getCommand()).debug();
            err.println("error: internal failure: " + ex);
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            return INTERNAL_FAILURE;
        });
        return commandLine.execute(args);
    }
}
