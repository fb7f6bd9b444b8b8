package io.radiolink.bench;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.Estimate;
import java.util.Locale;

/**
 * The parallel speed-up of replications, measured in pairs: a batch of {@link ReplacementDay}
 * replications on 1 thread and the same batch on 2 threads, back to back, many times, first one order
 * then the other. On a shared VM the speed of a core drifts by ±20 % within seconds, so two runs of a
 * JMH benchmark minutes apart (its {@code threads} parameter) compare different machines; a pair's
 * ratio sees nearly the same one, and the mean of the ratios comes with a Student-t interval. This
 * complements {@link ReplicationBenchmark#replications}, which gives each side's time per replication.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.radiolink.bench.ParallelSpeedUp [terminals]
 * [replications per batch] [pairs]} (defaults 2,000, 32 and 20; two warm-up pairs are not counted;
 * about 5 minutes on 2 cores).
 */
public final class ParallelSpeedUp {

    private static final int WARM_UP_PAIRS = 2;

    private ParallelSpeedUp() {}

    /** Prints each pair's times and ratio, then the mean ratio with its 95 % interval. */
    public static void main(String[] args) {
        int terminals = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int replications = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double[] ratios = new double[pairs];
        double sequentialTotal = 0;
        double parallelTotal = 0;
        for (int pair = -WARM_UP_PAIRS; pair < pairs; pair++) {
            boolean sequentialFirst = pair % 2 == 0;
            double first = secondsPerReplication(terminals, replications, sequentialFirst ? 1 : 2);
            double second = secondsPerReplication(terminals, replications, sequentialFirst ? 2 : 1);
            double sequential = sequentialFirst ? first : second;
            double parallel = sequentialFirst ? second : first;
            if (pair < 0) {
                continue;
            }
            ratios[pair] = sequential / parallel;
            sequentialTotal += sequential;
            parallelTotal += parallel;
            System.out.printf(Locale.ROOT, "pair %2d: 1 thread %.1f ms, 2 threads %.1f ms per replication, ratio %.3f%n",
                    pair + 1, 1e3 * sequential, 1e3 * parallel, ratios[pair]);
        }
        Estimate speedUp = Estimate.of(ratios);
        System.out.printf(Locale.ROOT, "speed-up on 2 threads, %d pairs of %d replications of %,d terminals: "
                        + "mean ratio %.3f ± %.3f (95 %%), ratio of the mean times %.3f%n",
                pairs, replications, terminals, speedUp.mean(), speedUp.halfWidth(), sequentialTotal / parallelTotal);
    }

    private static double secondsPerReplication(int terminals, int replications, int threads) {
        Simulation simulation = ReplacementDay.simulation(terminals, new LeanEngine(), 11, replications);
        long start = System.nanoTime();
        simulation.run(threads);
        return (System.nanoTime() - start) / 1e9 / replications;
    }
}
