package io.radiolink.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Thread CPU time per call of each function the model takes from {@code StrictMath} (same numbers on any
 * JVM) against {@code Math}'s, as the model calls them: {@code log1p(-u)} (every exponential draw: arrival
 * gaps, outages, cell failures), {@code exp} (a log-normal's mean and quantile), {@code log} (a log-normal
 * from its moments) and {@code pow(m, k)} (a resume back-off). The two are measured in alternation, sample
 * after sample in one JVM, so that a load change on a shared machine falls on both; it prints the median,
 * minimum and maximum ns per call of each and the median of the paired differences (StrictMath - Math).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.radiolink.bench.StrictMathCost [warm-up seconds]
 * [samples] [calls per sample]}. Defaults: 3 s, 21 samples, 2,000,000 calls.
 */
public final class StrictMathCost {

    private StrictMathCost() {}

    /** A function as the model calls it, in its two implementations. */
    private record Function(String name, DoubleUnaryOperator math, DoubleUnaryOperator strict) {}

    private static final Function[] FUNCTIONS = {
        new Function("log1p(-u)", u -> Math.log1p(-u), u -> StrictMath.log1p(-u)),
        new Function("exp(x)", u -> Math.exp(8 * u - 4), u -> StrictMath.exp(8 * u - 4)),
        new Function("log(x)", u -> Math.log(1 + 1e6 * u), u -> StrictMath.log(1 + 1e6 * u)),
        new Function("pow(m, k)", u -> Math.pow(1.5 + u, (int) (8 * u)), u -> StrictMath.pow(1.5 + u, (int) (8 * u))),
    };

    /** Prints the figures; see the class comment. */
    public static void main(String[] args) {
        double warmUpSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        double[] inputs = new SplittableRandom(1).doubles(4096).toArray();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (Function function : FUNCTIONS) {
            long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
            while (System.nanoTime() < warmUpEnd) {
                sink(function.math, inputs, calls / 10);
                sink(function.strict, inputs, calls / 10);
            }
            double[] math = new double[samples];
            double[] strict = new double[samples];
            double[] difference = new double[samples];
            for (int s = 0; s < samples; s++) {
                math[s] = nanosPerCall(cpu, function.math, inputs, calls);
                strict[s] = nanosPerCall(cpu, function.strict, inputs, calls);
                difference[s] = strict[s] - math[s];
            }
            Arrays.sort(math);
            Arrays.sort(strict);
            Arrays.sort(difference);
            System.out.printf(Locale.ROOT, "%s: Math %.2f ns (min %.2f, max %.2f), StrictMath %.2f ns (min %.2f,"
                    + " max %.2f), paired difference %+.2f ns per call (median of %d samples of %d calls)%n",
                    function.name, math[samples / 2], math[0], math[samples - 1], strict[samples / 2], strict[0],
                    strict[samples - 1], difference[samples / 2], samples, calls);
        }
    }

    private static double nanosPerCall(ThreadMXBean cpu, DoubleUnaryOperator f, double[] inputs, int calls) {
        long start = cpu.getCurrentThreadCpuTime();
        double result = sink(f, inputs, calls);
        long used = cpu.getCurrentThreadCpuTime() - start;
        if (Double.isNaN(result)) {
            throw new IllegalStateException("a NaN result");
        }
        return (double) used / calls;
    }

    /** The sum of the calls' results, so that the JIT cannot drop them. */
    private static double sink(DoubleUnaryOperator f, double[] inputs, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            sum += f.applyAsDouble(inputs[i & 4095]);
        }
        return sum;
    }
}
