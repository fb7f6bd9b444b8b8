package io.radiolink.cli;

import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import java.util.Locale;

/**
 * How much work one invocation may take on without {@code --force}: {@value #DEFAULT_SECONDS} s (two
 * hours) of wall clock on the cores this machine has, at {@value #EVENTS_PER_SECOND_PER_CORE} estimated
 * events per second per core, and no more memory than the heap. It applies to the units this invocation
 * runs: every unit of the scenario, or a part's ({@code --points}, {@code --replications-range}, {@code --shard}).
 * {@code docs/budget.md} says where the figures come from; {@code -Dradiolink.budget.seconds} sets
 * another time budget.
 *
 * @param seconds the wall-clock budget
 * @param cores the cores the run may use
 * @param heapBytes the memory budget
 */
record Budget(double seconds, int cores, long heapBytes) {

    /** Two hours. */
    static final double DEFAULT_SECONDS = 7200;
    /**
     * Estimated events a core runs per second: a floor under the 1.8 to 7.2 million counted events per
     * second the examples ran at (their estimates are 1.1 to 2.4 times their counts).
     */
    static final double EVENTS_PER_SECOND_PER_CORE = 1e6;

    /** The budget of this machine: the time budget (or the system property), its cores, its heap. */
    static Budget ofThisMachine(int cores) {
        double seconds = DEFAULT_SECONDS;
        String property = System.getProperty("radiolink.budget.seconds");
        if (property != null) {
            seconds = Double.parseDouble(property);
        }
        return new Budget(seconds, cores, Runtime.getRuntime().maxMemory());
    }

    /** Throws unless {@code work} fits this budget; the message names the estimate and the budget. */
    void check(ResolvedScenario scenario, WorkEstimate work) throws ScenarioException {
        double wall = work.wallSeconds(cores, EVENTS_PER_SECOND_PER_CORE);
        boolean tooLong = !(wall <= seconds);
        boolean tooLarge = !(work.memoryBytes() <= heapBytes);
        if (tooLong || tooLarge) {
            throw new ScenarioException(String.format(Locale.ROOT, "%s: beyond the budget: %s, about %s on %d core(s)"
                    + " (budget %s and a heap of %s); make it smaller (replications, runLengthSeconds, stations, the"
                    + " workload, the sweep) or run it with --force", scenario.source(), work.describe(),
                    duration(wall), cores, duration(seconds), WorkEstimate.bytes(heapBytes)));
        }
    }

    /** {@code 40 s}, {@code 12 min}, {@code 3.5 h}, {@code 2.1e9 h}. */
    static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return WorkEstimate.count(seconds / 3600) + " h";
    }
}
