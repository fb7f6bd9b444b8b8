package io.radiolink.radio.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every policy promises, on random plans of queues that open, get units at random times and
 * sometimes close: FIFO order, never faster than a cap, closed queues never depart, every unit of an
 * open queue departs, consistent statistics, a bounded number of events, the same departures bit for
 * bit on a rerun and on either engine; and each policy's departures against a reference written
 * apart, without virtual time or events (a brute-force fluid model for processor sharing, an
 * interval-by-interval loop for round robin).
 */
final class CellDirectionContractTest {

    private static final double C = 1000;
    /** An interval of 1/8 s: budgets of whole or half bits for the caps drawn, so round robin is exact. */
    private static final double TAU = 0.125;
    private static final double[] CAPS = {200, 500, 1000, 4000};

    /** A unit offered: when, and how many bits. */
    record Offer(double atSeconds, double bits) {}

    /** One queue's life: opened, its offers, closed (infinite: never). */
    record Plan(double openSeconds, double capBitsPerSecond, List<Offer> offers, double closeSeconds) {}

    /** A departure of unit {@code unit} of its queue. */
    record Left(int unit, double atSeconds) {}

    /** What a run gave: each queue's departures, statistics, the direction's, and the events posted. */
    record Outcome(List<List<Left>> departures, List<ShareStatistics> queues, ShareStatistics direction, int posted) {}

    static Stream<Named<SchedulingPolicy>> policies() {
        return Stream.of(named("processor sharing", new ProcessorSharing()), named("round robin", new RoundRobin(TAU)));
    }

    static Stream<Arguments> policiesAndSeeds() {
        return policies().flatMap(policy -> IntStream.range(0, 20).mapToObj(seed -> Arguments.of(policy, seed)));
    }

    /**
     * Twelve queues opened in the first 5 s, caps drawn from {@link #CAPS} (or all {@code C} when
     * {@code equalCaps}), 1 to 20 whole-bit units each at exponential gaps, and a third of them closed at
     * a random time.
     */
    static List<Plan> plans(int seed, boolean equalCaps, boolean closes) {
        RandomGenerator random = new RandomStreams(seed, 0).stream(StreamPurpose.ARRIVALS, "share-contract", 0);
        List<Plan> plans = new ArrayList<>();
        for (int q = 0; q < 12; q++) {
            double open = 5 * random.nextDouble();
            double cap = equalCaps ? C : CAPS[random.nextInt(CAPS.length)];
            double close = closes && random.nextDouble() < 1.0 / 3 ? open + 10 * random.nextDouble()
                    : Double.POSITIVE_INFINITY;
            List<Offer> offers = new ArrayList<>();
            double at = open;
            for (int u = 1 + random.nextInt(20); u > 0; u--) {
                at += -0.3 * Math.log(1 - random.nextDouble());
                if (at < close) {
                    offers.add(new Offer(at, Math.rint(Math.exp(Math.log(10) + random.nextDouble() * Math.log(300)))));
                }
            }
            plans.add(new Plan(open, cap, offers, close));
        }
        return plans;
    }

    static Outcome run(Engine engine, SchedulingPolicy policy, List<Plan> plans) {
        List<List<Left>> departures = new ArrayList<>();
        List<ShareStatistics> queues = new ArrayList<>();
        @SuppressWarnings("unchecked")
        ConnectionQueue<Integer>[] opened = new ConnectionQueue[plans.size()];
        CountingScheduler[] counting = new CountingScheduler[1];
        CellDirection[] direction = new CellDirection[1];
        engine.run(Double.POSITIVE_INFINITY, scheduler -> {
            // The plan's own events go straight to the engine; only the direction's are counted.
            counting[0] = new CountingScheduler(scheduler);
            direction[0] = new CellDirection(counting[0], C, policy);
            for (int q = 0; q < plans.size(); q++) {
                int index = q;
                Plan plan = plans.get(q);
                List<Left> log = new ArrayList<>();
                departures.add(log);
                scheduler.postAt(plan.openSeconds(), () -> {
                    opened[index] = direction[0].open(plan.capBitsPerSecond(),
                            (unit, at) -> log.add(new Left(unit, at)));
                    for (int u = 0; u < plan.offers().size(); u++) {
                        int unit = u;
                        Offer offer = plan.offers().get(u);
                        scheduler.postAt(offer.atSeconds(), () -> opened[index].offer(unit, offer.bits()));
                    }
                    if (plan.closeSeconds() != Double.POSITIVE_INFINITY) {
                        scheduler.postAt(plan.closeSeconds(), opened[index]::close);
                    }
                });
            }
        });
        for (ConnectionQueue<Integer> queue : opened) {
            queues.add(queue.statistics());
        }
        return new Outcome(departures, queues, direction[0].statistics(), counting[0].posted);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("policiesAndSeeds")
    void randomPlans_fifoCappedClosedQueuesSilentAllOthersDepart(SchedulingPolicy policy, int seed) {
        List<Plan> plans = plans(seed, false, true);
        Outcome outcome = run(new LeanEngine(), policy, plans);
        double departedBits = 0;
        long departedUnits = 0;
        double queueSeconds = 0;
        for (int q = 0; q < plans.size(); q++) {
            Plan plan = plans.get(q);
            List<Left> left = outcome.departures().get(q);
            String where = "queue " + q + " " + plan;
            boolean closed = plan.closeSeconds() != Double.POSITIVE_INFINITY;
            if (!closed) {
                assertEquals(plan.offers().size(), left.size(), "every unit of an open queue departs: " + where);
            }
            double rate = Math.min(C, plan.capBitsPerSecond());
            int periodStart = 0;
            double bitsInPeriod = 0;
            for (int k = 0; k < left.size(); k++) {
                Left departure = left.get(k);
                assertEquals(k, departure.unit(), "FIFO: " + where);
                assertTrue(departure.atSeconds() < plan.closeSeconds(), "none after the close: " + where);
                Offer offer = plan.offers().get(k);
                if (k > 0 && left.get(k - 1).atSeconds() < offer.atSeconds()) {
                    periodStart = k; // offered to an empty queue: a busy period begins
                    bitsInPeriod = 0;
                }
                bitsInPeriod += offer.bits();
                double elapsed = departure.atSeconds() - plan.offers().get(periodStart).atSeconds();
                assertTrue(bitsInPeriod <= rate * elapsed * (1 + 1e-12),
                        "never faster than min(C, cap): " + bitsInPeriod + " bits in " + elapsed + " s, " + where);
                departedBits += offer.bits();
            }
            ShareStatistics own = outcome.queues().get(q);
            assertEquals(left.size(), own.departedUnits(), where);
            departedUnits += left.size();
            queueSeconds += own.busySeconds();
            assertTrue(own.servedBits() <= plan.capBitsPerSecond() * own.busySeconds() * (1 + 1e-12),
                    "served no faster than its cap over its busy time: " + own + ", " + where);
        }
        ShareStatistics all = outcome.direction();
        assertEquals(departedBits, all.servedBits(), 1e-9 * departedBits);
        assertEquals(departedUnits, all.departedUnits());
        assertEquals(queueSeconds, all.queueSeconds(), 1e-9 * queueSeconds, "the direction's integral is its queues'");
        assertTrue(all.busySeconds() <= all.queueSeconds() && all.busySeconds() <= all.elapsedSeconds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void rerunAndOtherEngine_sameDeparturesBitForBit(SchedulingPolicy policy) {
        List<Plan> plans = plans(99, false, true);
        Outcome lean = run(new LeanEngine(), policy, plans);
        assertEquals(lean, run(new LeanEngine(), policy, plans), "a rerun");
        assertEquals(lean, run(new DsolEngine(), policy, plans), "the DSOL engine");
    }

    /**
     * Processor sharing posts at most one event per departure and per change of the set of busy queues
     * (a queue becoming busy or closing busy), plus one: no residue ever brings a second event at the
     * same instant for the same unit.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void processorSharing_eventsAtMostOnePerDepartureAndPerChange(int seed) {
        List<Plan> plans = plans(seed, false, true);
        Outcome outcome = run(new LeanEngine(), new ProcessorSharing(), plans);
        long changes = 0;
        for (int q = 0; q < plans.size(); q++) {
            List<Offer> offers = plans.get(q).offers();
            List<Left> left = outcome.departures().get(q);
            for (int k = 0; k < offers.size(); k++) {
                if (k == 0 || k - 1 >= left.size() || left.get(k - 1).atSeconds() < offers.get(k).atSeconds()) {
                    changes++; // became busy (or may have: a closed queue's last offers count too)
                }
            }
            if (plans.get(q).closeSeconds() != Double.POSITIVE_INFINITY) {
                changes++;
            }
        }
        long bound = outcome.direction().departedUnits() + changes + 1;
        assertTrue(outcome.posted() <= bound, outcome.posted() + " events for " + outcome.direction().departedUnits()
                + " departures and " + changes + " changes");
    }

    /**
     * Round robin posts one event per interval in which a queue is served, plus one per start of a busy
     * stretch of the direction: each interval sends something of at least one unit, so at most
     * {@code ceil(bits / budget) + 1} intervals touch a unit.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundRobin_eventsAtMostOnePerIntervalServed(int seed) {
        List<Plan> plans = plans(seed, false, false);
        Outcome outcome = run(new LeanEngine(), new RoundRobin(TAU), plans);
        long bound = 0;
        for (Plan plan : plans) {
            double budget = Math.min(C, plan.capBitsPerSecond()) * TAU;
            for (Offer offer : plan.offers()) {
                bound += (long) Math.ceil(offer.bits() / budget) + 1 + 1;
            }
        }
        assertTrue(outcome.posted() <= bound, outcome.posted() + " events, bound " + bound);
    }

    /** With every cap at least C, processor sharing serves at C whenever a queue is busy. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void processorSharing_capsAtLeastC_workConserving(int seed) {
        Outcome outcome = run(new LeanEngine(), new ProcessorSharing(), plans(seed, true, false));
        ShareStatistics all = outcome.direction();
        assertEquals(C * all.busySeconds(), all.servedBits(), 1e-9 * all.servedBits(), all.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void processorSharing_againstABruteForceFluidModel(int seed) {
        List<Plan> plans = plans(seed, false, true);
        Outcome outcome = run(new LeanEngine(), new ProcessorSharing(), plans);
        List<List<Double>> expected = fluidReference(plans);
        for (int q = 0; q < plans.size(); q++) {
            List<Left> left = outcome.departures().get(q);
            assertEquals(expected.get(q).size(), left.size(), "queue " + q);
            for (int k = 0; k < left.size(); k++) {
                double want = expected.get(q).get(k);
                assertEquals(want, left.get(k).atSeconds(), 1e-9 * Math.max(1, want), "queue " + q + " unit " + k);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundRobin_againstAnIntervalByIntervalLoop(int seed) {
        List<Plan> plans = plans(seed, false, true);
        Outcome outcome = run(new LeanEngine(), new RoundRobin(TAU), plans);
        List<List<Double>> expected = intervalReference(plans);
        for (int q = 0; q < plans.size(); q++) {
            List<Double> times = outcome.departures().get(q).stream().map(Left::atSeconds).toList();
            assertEquals(expected.get(q), times, "queue " + q + " " + plans.get(q));
        }
    }

    static Stream<Integer> seeds() {
        return IntStream.range(0, 20).boxed();
    }

    /** The plan's opens, offers and closes in time order. */
    private record Step(double atSeconds, int queue, double bits, boolean close) {}

    private static List<Step> steps(List<Plan> plans) {
        List<Step> steps = new ArrayList<>();
        for (int q = 0; q < plans.size(); q++) {
            for (Offer offer : plans.get(q).offers()) {
                steps.add(new Step(offer.atSeconds(), q, offer.bits(), false));
            }
            if (plans.get(q).closeSeconds() != Double.POSITIVE_INFINITY) {
                steps.add(new Step(plans.get(q).closeSeconds(), q, 0, true));
            }
        }
        steps.sort(Comparator.comparingDouble(Step::atSeconds));
        return steps;
    }

    /**
     * Processor sharing the slow way: between steps and departures the rates are the max-min fair shares
     * of C, found by sorting the busy queues by cap; each unit's remaining bits fall at its queue's rate.
     */
    static List<List<Double>> fluidReference(List<Plan> plans) {
        int n = plans.size();
        List<Deque<double[]>> queued = new ArrayList<>();
        List<List<Double>> departures = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            queued.add(new ArrayDeque<>());
            departures.add(new ArrayList<>());
        }
        List<Step> steps = steps(plans);
        int next = 0;
        double now = 0;
        while (true) {
            List<Integer> busy = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                if (!queued.get(q).isEmpty()) {
                    busy.add(q);
                }
            }
            double[] rate = new double[n];
            busy.sort(Comparator.comparingDouble(q -> plans.get(q).capBitsPerSecond()));
            double left = C;
            for (int i = 0; i < busy.size(); i++) {
                double equal = left / (busy.size() - i);
                double cap = plans.get(busy.get(i)).capBitsPerSecond();
                rate[busy.get(i)] = Math.min(cap, equal);
                left -= rate[busy.get(i)];
            }
            double untilDeparture = Double.POSITIVE_INFINITY;
            int first = -1;
            for (int q : busy) {
                double t = queued.get(q).peekFirst()[0] / rate[q];
                if (t < untilDeparture) {
                    untilDeparture = t;
                    first = q;
                }
            }
            double stepAt = next < steps.size() ? steps.get(next).atSeconds() : Double.POSITIVE_INFINITY;
            if (first < 0 && next == steps.size()) {
                return departures;
            }
            boolean departureFirst = first >= 0 && now + untilDeparture <= stepAt;
            double until = departureFirst ? now + untilDeparture : stepAt;
            for (int q : busy) {
                queued.get(q).peekFirst()[0] -= rate[q] * (until - now);
            }
            now = until;
            if (departureFirst) {
                queued.get(first).peekFirst()[0] = 0;
                for (int q : busy) {
                    if (queued.get(q).peekFirst()[0] <= 1e-9) {
                        queued.get(q).pollFirst();
                        departures.get(q).add(now);
                    }
                }
            } else {
                Step step = steps.get(next++);
                if (step.close()) {
                    queued.get(step.queue()).clear();
                } else {
                    queued.get(step.queue()).addLast(new double[] {step.bits()});
                }
            }
        }
    }

    /**
     * Round robin the slow way: every interval in turn, its start handling the steps before it, then the
     * departures of the interval that ended, then the turn of the ring's front queue.
     */
    static List<List<Double>> intervalReference(List<Plan> plans) {
        int n = plans.size();
        List<Deque<double[]>> queued = new ArrayList<>(); // {bits, bits sent}
        List<List<Double>> departures = new ArrayList<>();
        int[] sentUnits = new int[n];
        for (int q = 0; q < n; q++) {
            queued.add(new ArrayDeque<>());
            departures.add(new ArrayList<>());
        }
        Deque<Integer> ring = new ArrayDeque<>();
        List<Step> steps = steps(plans);
        int next = 0;
        int serving = -1;
        for (long k = 0; next < steps.size() || serving >= 0 || !ring.isEmpty(); k++) {
            double start = k * TAU;
            while (next < steps.size() && steps.get(next).atSeconds() < start) {
                Step step = steps.get(next++);
                int q = step.queue();
                if (step.close()) {
                    queued.get(q).clear();
                    sentUnits[q] = 0;
                    ring.remove(q);
                    if (serving == q) {
                        serving = -1;
                    }
                } else {
                    queued.get(q).addLast(new double[] {step.bits(), 0});
                    if (!ring.contains(q)) {
                        ring.addLast(q);
                    }
                }
            }
            if (serving >= 0) {
                for (; sentUnits[serving] > 0; sentUnits[serving]--) {
                    queued.get(serving).pollFirst();
                    departures.get(serving).add(start);
                }
            }
            serving = -1;
            if (!ring.isEmpty()) {
                int q = ring.pollFirst();
                double budget = Math.min(C, plans.get(q).capBitsPerSecond()) * TAU;
                List<double[]> units = new ArrayList<>(queued.get(q));
                for (int u = sentUnits[q]; u < units.size() && budget > 0; u++) {
                    double[] unit = units.get(u);
                    double send = Math.min(budget, unit[0] - unit[1]);
                    unit[1] += send;
                    budget -= send;
                    if (unit[1] == unit[0]) {
                        sentUnits[q]++;
                    }
                }
                if (sentUnits[q] < units.size()) {
                    ring.addLast(q);
                }
                serving = q;
            }
        }
        return departures;
    }
}
