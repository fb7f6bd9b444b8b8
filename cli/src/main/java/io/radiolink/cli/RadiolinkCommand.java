package io.radiolink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top-level {@code radiolink} command: options shared by its subcommands. */
@Command(name = "radiolink", mixinStandardHelpOptions = true, versionProvider = RadiolinkCommand.Version.class,
        description = "Discrete-event simulation of radio links: backup and restore of a phone's user data.",
        subcommands = {RunCommand.class, ValidateCommand.class, StatusCommand.class, MergeCommand.class})
final class RadiolinkCommand implements Runnable {

    private final Map<String, String> environment;

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal failures and bad input.")
    private boolean debug;

    private final UnitExecutors executors;

    RadiolinkCommand(Map<String, String> environment, UnitExecutors executors) {
        this.environment = environment;
        this.executors = executors;
    }

    /** What computes the units of a run. */
    UnitExecutors executors() {
        return executors;
    }

    boolean debug() {
        return debug;
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a subcommand is required: run, validate or status");
    }

    /** Reads the version Maven wrote into the jar's resources. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = RadiolinkCommand.class.getResourceAsStream("/radiolink-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"radiolink " + properties.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version")};
        }
    }
}
