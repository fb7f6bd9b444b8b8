package io.radiolink.bench;

import java.util.Locale;

/**
 * Memory per pending event of each {@link HoldCalendar}, measured apart from JMH: the heap in use after
 * full collections with {@code pending} events waiting, minus the heap in use before the calendar was
 * built, divided by {@code pending}. It counts everything an event costs the calendar (array slots at the
 * heap's current capacity, handles, DSOL's event objects and tree nodes); the hold action is one object
 * shared by every event, as in the benchmark.
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar io.radiolink.bench.Footprint [pending]}
 * (default 1,000,000).
 */
public final class Footprint {

    private Footprint() {}

    /** Prints bytes per pending event for each calendar. */
    public static void main(String[] args) {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        for (HoldCalendar.Kind kind : HoldCalendar.Kind.values()) {
            long before = usedAfterCollection();
            HoldCalendar calendar = HoldCalendar.of(kind, pending);
            calendar.hold(pending); // in steady state: every event has been rescheduled once
            long after = usedAfterCollection();
            System.out.printf(Locale.ROOT, "%-12s %,d pending: %.1f bytes per pending event%n", kind, pending,
                    (after - before) / (double) pending);
            calendar.close();
        }
    }

    private static long usedAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
