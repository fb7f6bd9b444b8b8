package io.radiolink.bench;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.protocol.FlowKind;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.BinnedSeries;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the time-binned series costs: thread CPU time of one {@link ReplacementDay} replication (lean engine)
 * without a series ({@code seriesBinSeconds} 0), with the default width (500 s, 173 bins) and with 1 s bins
 * (86,400 bins), the three measured in turn sample after sample in one JVM (the order reversed every other
 * sample) so that a load change on a shared machine falls on all; every sample runs the same replication
 * (seed, index 0), so the work is the same but for the series. It prints each variant's median, minimum and
 * maximum ms of CPU per replication, its flows per CPU-second, and the paired differences against no series
 * in percent: their median, minimum, maximum, and mean with its 95 % interval (t, over the samples).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.radiolink.bench.SeriesCost [terminals] [warm-up
 * seconds] [samples]}. Defaults: 10,000 terminals, 10 s, 21 samples.
 */
public final class SeriesCost {

    private SeriesCost() {}

    /** A series width and its name. */
    private record Variant(String name, double binSeconds) {}

    /** Prints the figures; see the class comment. */
    public static void main(String[] args) {
        int terminals = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double warmUpSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        Variant[] variants = {
            new Variant("no series", 0),
            new Variant("default", BinnedSeries.defaultBinSeconds(ReplacementDay.DAY_SECONDS)),
            new Variant("1 s bins", 1),
        };
        Simulation[] simulations = new Simulation[variants.length];
        for (int v = 0; v < variants.length; v++) {
            simulations[v] = ReplacementDay.builder(terminals, new LeanEngine(), 1, 1)
                    .seriesBinSeconds(variants[v].binSeconds).build();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long flows = flows(simulations[0].runReplication(0));
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            for (Simulation simulation : simulations) {
                simulation.runReplication(0);
            }
        }
        double[][] millis = new double[variants.length][samples];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < variants.length; i++) {
                int v = s % 2 == 0 ? i : variants.length - 1 - i;
                long start = cpu.getCurrentThreadCpuTime();
                ReplicationResult result = simulations[v].runReplication(0);
                millis[v][s] = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                if (flows(result) != flows) {
                    throw new IllegalStateException("the series moved the flows: " + flows(result) + " vs " + flows);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d terminals, %d flows per replication, median of %d samples:%n", terminals,
                flows, samples);
        for (int v = 0; v < variants.length; v++) {
            double[] sorted = millis[v].clone();
            Arrays.sort(sorted);
            double median = sorted[samples / 2];
            String paired = "";
            if (v > 0) {
                double[] difference = new double[samples];
                for (int s = 0; s < samples; s++) {
                    difference[s] = 100 * (millis[v][s] - millis[0][s]) / millis[0][s];
                }
                Estimate mean = Estimate.of(difference);
                Arrays.sort(difference);
                paired = String.format(Locale.ROOT, ", paired difference %+.2f %% (min %+.2f, max %+.2f; mean %+.2f"
                        + " ± %.2f %%, 95 %%)", difference[samples / 2], difference[0], difference[samples - 1],
                        mean.mean(), mean.halfWidth());
            }
            System.out.printf(Locale.ROOT, "%s (seriesBinSeconds %s): %.1f ms of CPU per replication (min %.1f, max"
                    + " %.1f), %.0f flows per CPU-second%s%n", variants[v].name, variants[v].binSeconds, median,
                    sorted[0], sorted[samples - 1], flows / (median / 1e3), paired);
        }
    }

    private static long flows(ReplicationResult result) {
        long flows = 0;
        for (FlowKind kind : FlowKind.values()) {
            flows += result.flowsOf(kind).counts().flows();
        }
        return flows;
    }
}
