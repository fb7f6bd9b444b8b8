package io.radiolink.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Thread CPU time per simulated data frame of one transfer benchmark, measured in this JVM: the figure
 * bench/RESULTS.md records for the speed targets of the transfer path. On a machine shared with other
 * builds a JMH score in wall-clock time moves with the load (intervals as wide as the score); the CPU time
 * the benchmark's own thread spends per data frame does not. After a warm-up it takes {@code samples}
 * samples of {@code runs} runs each and prints their median, minimum and maximum in ns per data frame,
 * and the data frames per CPU-second of the median.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.radiolink.bench.CpuPerFrame <benchmark> <variant>
 * [warm-up seconds] [samples] [runs per sample]}, where {@code benchmark variant} is {@code transfer clean},
 * {@code transfer lossy} ({@link TransferBenchmark#backupThenDownload}: lean engine, a 1 MiB backup and its
 * download on a dedicated link), {@code shared processorSharing} or {@code shared roundRobin}
 * ({@link SharedAirBenchmark#backups}: 100 backups of 256 KiB at once on one shared cell). Defaults: 6 s,
 * 21 samples, 60 runs (transfer) or 5 runs (shared); one JVM per measurement, several JVMs per figure.
 */
public final class CpuPerFrame {

    private CpuPerFrame() {}

    /** Prints the measurement of the benchmark the arguments name; see the class comment. */
    public static void main(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: CpuPerFrame transfer|shared <variant> [warm-up s] [samples] [runs]");
        }
        ToLongFunction<TransferBenchmark.Frames> run = benchmark(args[0], args[1]);
        double warmUpSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 6;
        int samples = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : args[0].equals("transfer") ? 60 : 5;
        double[] nanosPerFrame = measure(run, warmUpSeconds, samples, runs);
        double median = nanosPerFrame[samples / 2];
        System.out.printf(Locale.ROOT, "%s %s: %.1f ns of CPU per data frame (median of %d samples of %d runs;"
                + " min %.1f, max %.1f), %.2f M data frames per CPU-second%n", args[0], args[1], median, samples,
                runs, nanosPerFrame[0], nanosPerFrame[samples - 1], 1e3 / median);
    }

    private static ToLongFunction<TransferBenchmark.Frames> benchmark(String name, String variant) {
        switch (name) {
            case "transfer": {
                TransferBenchmark transfer = new TransferBenchmark();
                transfer.bytes = 1L << 20;
                transfer.engine = "LEAN";
                transfer.link = variant;
                transfer.configure();
                return transfer::backupThenDownload;
            }
            case "shared": {
                SharedAirBenchmark shared = new SharedAirBenchmark();
                shared.users = 100;
                shared.bytes = 262_144;
                shared.policy = variant;
                shared.configure();
                return shared::backups;
            }
            default:
                throw new IllegalArgumentException("benchmark: transfer or shared, not " + name);
        }
    }

    /** The sorted samples, each the thread CPU ns per data frame of {@code runs} runs after the warm-up. */
    static double[] measure(ToLongFunction<TransferBenchmark.Frames> run, double warmUpSeconds, int samples,
            int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TransferBenchmark.Frames frames = new TransferBenchmark.Frames();
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            run.applyAsLong(frames);
        }
        double[] nanosPerFrame = new double[samples];
        for (int s = 0; s < samples; s++) {
            long sent = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < runs; i++) {
                sent += run.applyAsLong(frames);
            }
            nanosPerFrame[s] = (threads.getCurrentThreadCpuTime() - start) / (double) sent;
        }
        Arrays.sort(nanosPerFrame);
        return nanosPerFrame;
    }
}
