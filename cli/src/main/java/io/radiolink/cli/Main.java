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
    /** {@code status} only: the run lacks units, or holds invalid ones (a script may resume it and ask again). */
    static final int INCOMPLETE = 3;

    /** Room set aside so that the line about running out of memory can still be printed. */
    private static byte[] reserve = new byte[4 << 20];

    private Main() {}

    /**
     * Runs the command line and exits with its status. Out of memory, in any thread, it prints one line
     * and halts the JVM with status 1 at once: no stack trace, no worker thread left running.
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                outOfMemory(oom);
            }
            e.printStackTrace();
        });
        int status;
        try {
            status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
        } catch (OutOfMemoryError e) {
            outOfMemory(e);
            return;
        }
        System.exit(status);
    }

    /** Prints the one line about {@code e} to stderr and halts with {@link #INTERNAL_FAILURE}. */
    private static void outOfMemory(OutOfMemoryError e) {
        reserve = null;
        System.err.println("error: out of memory (" + e.getMessage() + ", a heap of "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB): make the scenario smaller or give Java more"
                + " memory (-Xmx; with the radiolink script, e.g. RADIOLINK_JAVA_OPTS=-Xmx8g)");
        System.err.flush();
        Runtime.getRuntime().halt(INTERNAL_FAILURE);
    }

    /** Runs the command line with the given streams and environment, and returns the exit status. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return execute(args, out, err, environment, UnitExecutors.THREADS);
    }

    /**
     * As the command line with the given streams and environment, its runs' units computed by {@code executors}
     * (an embedding application's, e.g. the spark module's); returns the exit status.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            UnitExecutors executors) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new RadiolinkCommand(environment, executors));
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
