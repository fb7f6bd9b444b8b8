package io.radiolink.bench;

import io.radiolink.engine.lean.LeanScheduler;
import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.FlowListener;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.FlowRecords;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;
import io.radiolink.workload.WorkloadGenerator;
import io.radiolink.workload.WorkloadListener;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

/**
 * Memory, measured apart from JMH as the heap in use after full collections, before and after, divided
 * by the count:
 * <ul>
 *   <li>per pending event of each {@link HoldCalendar} with {@code pending} events waiting, after 1, 4
 *       and 8 times as many hold steps: everything an event costs the calendar (array slots at the
 *       current capacity, the lean calendar's spare arrays, handles, DSOL's event objects and tree
 *       nodes); the hold action is one object shared by every event, as in the benchmark;
 *   <li>per idle terminal: a workload generator's subscribers, created by the generator's own code
 *       (reached by reflection: it creates a subscriber when an arrival first picks it), with their
 *       terminal, phone number, user data, password and the generator's bookkeeping.
 * </ul>
 *
 * <p>Run: {@code java -Xmx4g -cp bench/target/benchmarks.jar io.radiolink.bench.Footprint [count]}
 * (default 1,000,000).
 */
public final class Footprint {

    /**
     * When the calendars are measured: after as many hold steps as events pending (every event was
     * rescheduled once), and later; the lean calendar's bucket arrays move between buckets and spares
     * as the clock advances, so its figure differs from one moment to the next.
     */
    private static final int[] CHECKPOINTS = {1, 4, 8};

    private Footprint() {}

    /** Prints bytes per pending event for each calendar, then bytes per idle terminal. */
    public static void main(String[] args) throws ReflectiveOperationException {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        calendars(pending);
        terminals(pending);
    }

    private static void terminals(int count) throws ReflectiveOperationException {
        LeanScheduler scheduler = new LeanScheduler();
        RandomStreams streams = new RandomStreams(1, 0);
        BaseStation station = new BaseStation(StationConfig.of("cell-000", 8, 1L << 40, Profile.LTE.airInterface()),
                scheduler, streams);
        BackupService service = new BackupService(scheduler, Profile.LTE.protocolConfig(),
                new FlowRecords(FlowListener.NONE, scheduler::nowSeconds));
        WorkloadGenerator generator = new WorkloadGenerator(new WorkloadConfig(count, 1.0,
                Distribution.LogNormal.ofMeanAndStdDev(150_000, 100_000), 1_000, 0.33,
                new Distribution.Uniform(1_800, 14_400), 0.01, RestoreAfter.ANY), List.of(station), 0, service, scheduler, streams, 86_400,
                WorkloadListener.NONE);
        Method create = WorkloadGenerator.class.getDeclaredMethod("subscriber", int.class);
        create.setAccessible(true);
        long before = usedAfterCollection();
        for (int i = 0; i < count; i++) {
            create.invoke(generator, i);
        }
        long after = usedAfterCollection();
        System.out.printf(Locale.ROOT, "%,d idle terminals (subscribers of a workload generator): %.1f bytes each%n",
                count, (after - before) / (double) count);
        if (generator.hashCode() == 0) {
            System.out.println(); // keeps the generator reachable until after the measurement
        }
    }

    private static void calendars(int pending) {
        for (HoldCalendar.Kind kind : HoldCalendar.Kind.values()) {
            long before = usedAfterCollection();
            HoldCalendar calendar = HoldCalendar.of(kind, pending);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %,d pending, bytes per pending event", kind, pending));
            int done = 0;
            for (int rounds : CHECKPOINTS) {
                calendar.hold((rounds - done) * pending);
                done = rounds;
                long after = usedAfterCollection();
                line.append(String.format(Locale.ROOT, "; after %d× as many steps: %.1f", rounds, (after - before) / (double) pending));
            }
            System.out.println(line);
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
