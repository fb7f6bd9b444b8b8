package io.radiolink.cli;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code radiolink validate}: checks a scenario file without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks SCENARIO (format, ranges, sweep) without running it.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private RadiolinkCommand parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (JSON).")
    private Path scenario;

    @Option(names = "--force", description = "Accept a scenario whose estimated work is beyond the budget.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ResolvedScenario resolved = ScenarioLoader.load(scenario, OptionalLong.empty(), OptionalInt.empty());
            int cores = Runtime.getRuntime().availableProcessors();
            WorkEstimate work = WorkEstimate.of(resolved, cores, false);
            if (!force) {
                Budget.ofThisMachine(cores).check(resolved, work);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("ok: %s: %d sweep point(s) x %d replication(s), %d station(s); estimated work: %s, about %s on"
                    + " %d core(s)%n", scenario, resolved.points().size(), resolved.replications(),
                    resolved.points().get(0).config().stations().size(), work.describe(),
                    Budget.duration(work.wallSeconds(cores, Budget.EVENTS_PER_SECOND_PER_CORE)), cores);
            out.flush();
            return Main.OK;
        } catch (ScenarioException e) {
            return Commands.badInput(e, err, parent.debug());
        }
    }
}
