package io.radiolink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Engine} and {@link Scheduler}, written against the interfaces only: every
 * engine is one more entry of {@link #engines()}.
 */
final class SchedulerContractTest {

    static Stream<Named<Engine>> engines() {
        return Stream.of(named("dsol", new DsolEngine()), named("lean", new LeanEngine()));
    }

    private static final double FOREVER = Double.POSITIVE_INFINITY;

    // ---- time order and ties ----------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void run_actionsScheduledOutOfTimeOrder_runInTimeOrder(Engine engine) {
        List<Double> times = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            for (double t : new double[] {5.0, 0.25, 3.0, 1e-9, 2.5, 0.0, 4.75}) {
                scheduler.scheduleAt(t, () -> times.add(scheduler.nowSeconds()));
            }
        });
        assertEquals(List.of(0.0, 1e-9, 0.25, 2.5, 3.0, 4.75, 5.0), times);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_manyActionsAtOneTimeScheduledByMixedCalls_runInSchedulingOrder(Engine engine) {
        List<Integer> order = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            for (int i = 0; i < 1000; i++) {
                int id = i;
                // Same time reached five ways (with and without a handle), other times in between so
                // the list is not sorted.
                switch (i % 6) {
                    case 0 -> scheduler.scheduleAt(2.0, () -> order.add(id));
                    case 1 -> scheduler.schedule(2.0, () -> order.add(id));
                    case 2 -> scheduler.scheduleAt(1.0 + 1.0, () -> order.add(id));
                    case 3 -> scheduler.post(2.0, () -> order.add(id));
                    case 4 -> scheduler.postAt(2.0, () -> order.add(id));
                    default -> scheduler.post(1.0 + i % 3, () -> { });
                }
            }
        });
        List<Integer> expected = IntStream.range(0, 1000).filter(i -> i % 6 != 5).boxed().toList();
        assertEquals(expected, order);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_actionsScheduledForNowFromInsideAnAction_runAfterThoseAlreadyDueInSchedulingOrder(Engine engine) {
        List<String> order = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            scheduler.scheduleAt(1.0, () -> {
                order.add("a");
                scheduler.schedule(0.0, () -> order.add("x"));
                scheduler.scheduleAt(scheduler.nowSeconds(), () -> {
                    order.add("y");
                    scheduler.schedule(0.0, () -> order.add("z"));
                });
                scheduler.schedule(0.0, () -> order.add("w"));
            });
            scheduler.schedule(1.0, () -> order.add("b"));
            scheduler.scheduleAt(1.0, () -> order.add("c"));
            scheduler.schedule(0.5, () -> scheduler.schedule(0.5, () -> order.add("d")));
        });
        assertEquals(List.of("a", "b", "c", "d", "x", "y", "w", "z"), order);
    }

    /**
     * Seeded random workload with many ties, actions scheduling more actions by both calls: the
     * execution order must be exactly the order by (time, scheduling sequence number).
     */
    @ParameterizedTest
    @MethodSource("engines")
    void run_randomWorkloadWithTies_runsInOrderOfTimeThenSchedulingSequence(Engine engine) {
        record Ran(double timeSeconds, int sequence) {}
        List<Ran> ran = new ArrayList<>();
        int[] scheduled = {0};
        SplittableRandom random = new SplittableRandom(20240501L);
        RunSummary summary = engine.run(FOREVER, scheduler -> {
            Runnable[] spawn = new Runnable[1];
            spawn[0] = () -> {
                int sequence = scheduled[0]++;
                Runnable action = () -> {
                    ran.add(new Ran(scheduler.nowSeconds(), sequence));
                    if (scheduled[0] < 5000) {
                        for (int k = random.nextInt(4); k > 0; k--) {
                            spawn[0].run();
                        }
                    }
                };
                // Dyadic steps: sums are exact, so ties are frequent and real.
                double step = random.nextInt(4) * 0.25;
                switch (random.nextInt(4)) {
                    case 0 -> scheduler.schedule(step, action);
                    case 1 -> scheduler.scheduleAt(scheduler.nowSeconds() + step, action);
                    case 2 -> scheduler.post(step, action);
                    default -> scheduler.postAt(scheduler.nowSeconds() + step, action);
                }
            };
            for (int i = 0; i < 200; i++) {
                spawn[0].run();
            }
        });
        List<Ran> sorted = new ArrayList<>(ran);
        sorted.sort(Comparator.comparingDouble(Ran::timeSeconds).thenComparingInt(Ran::sequence));
        assertEquals(sorted, ran);
        assertEquals(scheduled[0], ran.size(), "every scheduled action ran");
        assertTrue(ran.size() > 1000, "workload too small to mean anything: " + ran.size());
        assertEquals(new RunSummary(ran.size(), ran.get(ran.size() - 1).timeSeconds()), summary);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void scheduleAt_negativeZeroAtTimeZero_runsAfterActionsAlreadyDueAtZero(Engine engine) {
        List<String> order = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            scheduler.scheduleAt(0.0, () -> order.add("first"));
            scheduler.scheduleAt(-0.0, () -> order.add("second"));
            scheduler.schedule(-0.0, () -> order.add("third"));
        });
        assertEquals(List.of("first", "second", "third"), order);
    }

    // ---- clock ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void nowSeconds_duringBuildAndActions_isZeroThenEachActionsScheduledTime(Engine engine) {
        List<Double> seen = new ArrayList<>();
        double[] atBuild = {Double.NaN};
        engine.run(FOREVER, scheduler -> {
            atBuild[0] = scheduler.nowSeconds();
            scheduler.scheduleAt(0.1, () -> {
                seen.add(scheduler.nowSeconds());
                scheduler.schedule(0.2, () -> seen.add(scheduler.nowSeconds()));
            });
            scheduler.schedule(7.0, () -> seen.add(scheduler.nowSeconds()));
        });
        assertEquals(0.0, atBuild[0]);
        assertEquals(List.of(0.1, 0.1 + 0.2, 7.0), seen);
    }

    // ---- cancellation -----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void cancel_pendingAction_neverRunsAndReturnsTrueOnceThenFalse(Engine engine) {
        List<String> order = new ArrayList<>();
        List<Boolean> results = new ArrayList<>();
        RunSummary summary = engine.run(FOREVER, scheduler -> {
            ScheduledAction doomed = scheduler.scheduleAt(2.0, () -> order.add("doomed"));
            scheduler.scheduleAt(0.5, () -> {
                results.add(doomed.cancel());
                results.add(doomed.cancel());
            });
            // The victim is due at the same time as its canceller, which was scheduled just before it.
            ScheduledAction[] victim = new ScheduledAction[1];
            scheduler.scheduleAt(1.0, () -> {
                order.add("canceller");
                results.add(victim[0].cancel());
            });
            victim[0] = scheduler.scheduleAt(1.0, () -> order.add("victim"));
            scheduler.scheduleAt(1.0, () -> order.add("kept"));
            ScheduledAction atBuild = scheduler.schedule(0.0, () -> order.add("atBuild"));
            results.add(atBuild.cancel());
            results.add(atBuild.cancel());
        });
        assertEquals(List.of(true, false, true, false, true), results);
        assertEquals(List.of("canceller", "kept"), order);
        assertEquals(new RunSummary(3, 1.0), summary);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cancel_afterTheActionRanOrWhileItRuns_returnsFalse(Engine engine) {
        List<Boolean> results = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            ScheduledAction[] self = new ScheduledAction[1];
            ScheduledAction early = scheduler.scheduleAt(1.0, () -> { });
            self[0] = scheduler.scheduleAt(2.0, () -> results.add(self[0].cancel()));
            scheduler.scheduleAt(3.0, () -> {
                results.add(early.cancel());
                results.add(self[0].cancel());
            });
        });
        assertEquals(List.of(false, false, false), results);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cancel_oneOfManyTiedActions_othersKeepTheirOrder(Engine engine) {
        List<Integer> order = new ArrayList<>();
        engine.run(FOREVER, scheduler -> {
            List<ScheduledAction> handles = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int id = i;
                handles.add(scheduler.scheduleAt(4.0, () -> order.add(id)));
            }
            scheduler.scheduleAt(3.0, () -> {
                handles.get(3).cancel();
                handles.get(7).cancel();
            });
        });
        assertEquals(List.of(0, 1, 2, 4, 5, 6, 8, 9), order);
    }

    // ---- validation -------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void scheduleAt_timeBeforeNowFromInsideAnAction_throwsIllegalArgument(Engine engine) {
        List<Throwable> thrown = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        engine.run(FOREVER, scheduler -> scheduler.scheduleAt(2.0, () -> {
            thrown.add(assertThrows(IllegalArgumentException.class,
                    () -> scheduler.scheduleAt(1.0, () -> ran.add("past"))));
            thrown.add(assertThrows(IllegalArgumentException.class,
                    () -> scheduler.scheduleAt(Math.nextDown(2.0), () -> ran.add("justBefore"))));
            thrown.add(assertThrows(IllegalArgumentException.class,
                    () -> scheduler.postAt(Math.nextDown(2.0), () -> ran.add("postedJustBefore"))));
            scheduler.scheduleAt(2.0, () -> ran.add("now"));
        }));
        assertEquals(3, thrown.size());
        assertEquals(List.of("now"), ran);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void scheduleAt_negativeOrNonFiniteTime_throwsIllegalArgument(Engine engine) {
        engine.run(FOREVER, scheduler -> {
            for (double bad : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY}) {
                assertThrows(IllegalArgumentException.class, () -> scheduler.scheduleAt(bad, () -> { }),
                        "time " + bad);
                assertThrows(IllegalArgumentException.class, () -> scheduler.postAt(bad, () -> { }),
                        "posted at " + bad);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void schedule_negativeNanOrInfiniteDelay_throwsIllegalArgument(Engine engine) {
        List<String> ran = new ArrayList<>();
        RunSummary summary = engine.run(FOREVER, scheduler -> {
            assertBadDelaysRejected(scheduler, ran);
            scheduler.scheduleAt(1.0, () -> assertBadDelaysRejected(scheduler, ran));
        });
        assertEquals(List.of(), ran);
        assertEquals(new RunSummary(1, 1.0), summary);
    }

    private static void assertBadDelaysRejected(Scheduler scheduler, List<String> ran) {
        for (double bad : new double[] {-1.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(bad, () -> ran.add("bad")),
                    "delay " + bad);
            assertThrows(IllegalArgumentException.class, () -> scheduler.post(bad, () -> ran.add("bad")),
                    "posted with delay " + bad);
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void schedule_delayOverflowingToInfinity_throwsIllegalArgument(Engine engine) {
        List<Throwable> thrown = new ArrayList<>();
        engine.run(FOREVER, scheduler -> scheduler.scheduleAt(Double.MAX_VALUE, () -> {
            thrown.add(assertThrows(IllegalArgumentException.class, () -> scheduler.schedule(Double.MAX_VALUE, () -> { })));
            thrown.add(assertThrows(IllegalArgumentException.class, () -> scheduler.post(Double.MAX_VALUE, () -> { })));
        }));
        assertEquals(2, thrown.size());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void scheduleAndPost_nullAction_throwNullPointer(Engine engine) {
        engine.run(FOREVER, scheduler -> {
            assertThrows(NullPointerException.class, () -> scheduler.schedule(1.0, null));
            assertThrows(NullPointerException.class, () -> scheduler.scheduleAt(1.0, null));
            assertThrows(NullPointerException.class, () -> scheduler.post(1.0, null));
            assertThrows(NullPointerException.class, () -> scheduler.postAt(1.0, null));
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_nonPositiveOrNanEndTime_throwsIllegalArgument(Engine engine) {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> engine.run(bad, scheduler -> { }), "end " + bad);
        }
    }

    // ---- end time ---------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void run_actionsAtExactlyTheEndTime_runAndLaterOnesDoNot(Engine engine) {
        List<String> ran = new ArrayList<>();
        RunSummary summary = engine.run(10.0, scheduler -> {
            scheduler.scheduleAt(10.0, () -> {
                ran.add("end1");
                scheduler.schedule(0.0, () -> ran.add("end3"));
                scheduler.schedule(Math.ulp(10.0), () -> ran.add("tooLate1"));
            });
            scheduler.scheduleAt(9.0, () -> scheduler.schedule(1.0, () -> ran.add("end2")));
            scheduler.scheduleAt(Math.nextUp(10.0), () -> ran.add("tooLate2"));
            scheduler.scheduleAt(11.0, () -> ran.add("tooLate3"));
            scheduler.scheduleAt(Double.MAX_VALUE, () -> ran.add("tooLate4"));
        });
        assertEquals(List.of("end1", "end2", "end3"), ran);
        assertEquals(new RunSummary(4, 10.0), summary);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_infiniteEndTime_runsUntilNoActionIsLeft(Engine engine) {
        int[] count = {0};
        RunSummary summary = engine.run(FOREVER, scheduler -> {
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> {
                if (++count[0] < 1000) {
                    scheduler.schedule(1e6, tick[0]);
                }
            };
            scheduler.schedule(0.0, tick[0]);
            scheduler.scheduleAt(Double.MAX_VALUE, () -> count[0] += 1000);
        });
        assertEquals(2000, count[0]);
        assertEquals(new RunSummary(1001, Double.MAX_VALUE), summary);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_noActions_reportsZeroActionsAtTimeZero(Engine engine) {
        assertEquals(new RunSummary(0, 0.0), engine.run(FOREVER, scheduler -> { }));
        assertEquals(new RunSummary(0, 0.0), engine.run(5.0, scheduler -> scheduler.scheduleAt(6.0, () -> { })));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_mixOfRunCancelledAndLateActions_countsOnlyThoseThatRan(Engine engine) {
        RunSummary summary = engine.run(100.0, scheduler -> {
            for (int i = 1; i <= 50; i++) {
                scheduler.scheduleAt(i, () -> { });
            }
            scheduler.scheduleAt(60.0, () -> { }).cancel();
            scheduler.scheduleAt(100.5, () -> { });
            scheduler.scheduleAt(99.0, () -> scheduler.schedule(0.5, () -> { }));
        });
        assertEquals(new RunSummary(52, 99.5), summary);
    }

    // ---- failures ---------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("engines")
    void run_actionThrowsRuntimeException_sameInstanceReachesCallerAndEngineRunsAgain(Engine engine) {
        IllegalStateException failure = new IllegalStateException("model failure");
        List<String> ran = new ArrayList<>();
        RuntimeException caught = assertThrows(RuntimeException.class, () -> engine.run(FOREVER, scheduler -> {
            scheduler.scheduleAt(1.0, () -> ran.add("before"));
            scheduler.scheduleAt(2.0, () -> {
                throw failure;
            });
            scheduler.scheduleAt(3.0, () -> ran.add("after"));
        }));
        assertSame(failure, caught);
        assertEquals(List.of("before"), ran);

        assertEquals(new RunSummary(3, 3.0), engine.run(FOREVER, scheduler -> {
            for (int i = 1; i <= 3; i++) {
                scheduler.scheduleAt(i, () -> { });
            }
        }));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_actionThrowsError_sameInstanceReachesCaller(Engine engine) {
        AssertionError failure = new AssertionError("model error");
        Error caught = assertThrows(Error.class, () -> engine.run(FOREVER,
                scheduler -> scheduler.schedule(0.5, () -> {
                    throw failure;
                })));
        assertSame(failure, caught);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_modelBuilderThrows_sameInstanceReachesCallerAndEngineRunsAgain(Engine engine) {
        UnsupportedOperationException failure = new UnsupportedOperationException("bad model");
        RuntimeException caught = assertThrows(RuntimeException.class, () -> engine.run(FOREVER, scheduler -> {
            scheduler.schedule(1.0, () -> { });
            throw failure;
        }));
        assertSame(failure, caught);
        assertEquals(new RunSummary(1, 1.0), engine.run(FOREVER, scheduler -> scheduler.schedule(1.0, () -> { })));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void run_sameModelTwice_givesIdenticalResults(Engine engine) {
        List<List<Double>> results = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<Double> times = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(7L);
            engine.run(50.0, scheduler -> {
                Runnable[] arrival = new Runnable[1];
                arrival[0] = () -> {
                    times.add(scheduler.nowSeconds());
                    scheduler.schedule(-Math.log(1.0 - random.nextDouble()), arrival[0]);
                };
                scheduler.schedule(0.0, arrival[0]);
            });
            results.add(times);
        }
        assertEquals(results.get(0), results.get(1));
        assertFalse(results.get(0).isEmpty());
    }
}
