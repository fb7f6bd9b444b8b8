package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Same scenario and seed give identical records, in any thread and beside other runs; another seed differs. */
final class DeterminismTest {

    private static List<FlowRecord> run(long seed) {
        return new ModelHarness().seed(seed).run(ScenarioFixture::build).records;
    }

    @Test
    void run_sameSeedTwice_identicalRecords() {
        List<FlowRecord> first = run(42);
        assertEquals(first, run(42));
        assertEquals(ScenarioFixture.SUBSCRIBERS * 3 / 2, first.size());
    }

    @Test
    void run_scenario_exercisesLossFailuresAndBlocking() {
        Set<FlowOutcome> outcomes = EnumSet.noneOf(FlowOutcome.class);
        run(42).forEach(r -> outcomes.add(r.outcome()));
        assertTrue(outcomes.containsAll(EnumSet.of(FlowOutcome.SUCCESS, FlowOutcome.BLOCKED,
                FlowOutcome.SETUP_FAILED, FlowOutcome.LINK_DROPPED)), outcomes.toString());
        assertTrue(run(42).stream().anyMatch(r -> r.uplink().unitsLost() + r.downlink().unitsLost() > 0));
    }

    /** Chunks, repair rounds and reconnection with jittered back-off draw nothing outside the seed. */
    @Test
    void run_withChunksAndResume_sameRecordsOnEveryRunAndThread() throws Exception {
        ProtocolConfig protocol = ModelHarness.PROTOCOL.withChunks(ChunkConfig.of(300, 2))
                .withResume(new ResumeConfig(4, 0.5, 2, 4, 0.5, true, 30));
        java.util.concurrent.Callable<List<FlowRecord>> job =
                () -> new ModelHarness().seed(42).protocol(protocol).run(ScenarioFixture::build).records;
        List<FlowRecord> alone = job.call();
        assertTrue(alone.stream().anyMatch(r -> r.attempts() > 1), "the scenario reconnects");
        assertNotEquals(run(42), alone);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<FlowRecord>>> parallel = List.of(pool.submit(job), pool.submit(job));
            assertEquals(alone, parallel.get(0).get());
            assertEquals(alone, parallel.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void run_otherSeed_differentRecords() {
        assertNotEquals(run(42), run(43));
    }

    @Test
    void run_fourAtOnceOnTwoThreads_sameRecordsAsAlone() throws Exception {
        List<FlowRecord> alone = run(42);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<FlowRecord>>> parallel = List.of(pool.submit(() -> run(42)), pool.submit(() -> run(43)),
                    pool.submit(() -> run(42)), pool.submit(() -> run(43)));
            assertEquals(alone, parallel.get(0).get());
            assertEquals(alone, parallel.get(2).get());
            assertEquals(parallel.get(1).get(), parallel.get(3).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
