package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same scenario and seed give identical results on the DSOL engine and the lean engine: every flow
 * record, in the order the flows ended, and every replication's statistics. The scenarios are the
 * randomized ones of {@link InvariantTest} (lossy and bursty links, blocking, set-up failures, drops,
 * outages, corruption, random access, lock-out, chunks, reconnection), three replications each.
 */
final class EngineEquivalenceTest {

    /** Seeds of the randomized scenarios compared. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 24);
    }

    private record Run(List<FlowRecord> records, SimulationResult result) {}

    private static Run run(InvariantScenario scenario, Engine engine) {
        List<FlowRecord> records = Collections.synchronizedList(new ArrayList<>());
        Simulation.Builder builder = Simulation.builder()
                .protocol(scenario.protocol())
                .workload(scenario.workload())
                .runLengthSeconds(scenario.runLengthSeconds())
                .replications(3)
                .seed(scenario.seed())
                .engine(engine)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                });
        scenario.stations().forEach(builder::station);
        SimulationResult result = builder.build().run();
        return new Run(List.copyOf(records), result);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomizedScenario_dsolAndLean_identicalRecordsAndStatistics(long seed) {
        assertBothEnginesAlike(InvariantScenario.draw(seed));
    }

    private static void assertBothEnginesAlike(InvariantScenario scenario) {
        Run dsol = run(scenario, new DsolEngine());
        Run lean = run(scenario, new LeanEngine());
        assertTrue(dsol.records().size() > 0, "the scenario runs flows");
        assertEquals(dsol.records(), lean.records(), scenario.summary());
        assertEquals(dsol.result().replications(), lean.result().replications());
        assertEquals(dsol.result().summary(), lean.result().summary());
    }

    /**
     * The same on shared cells ({@link InvariantScenario#shared}): processor sharing for even seeds, round
     * robin over 2 ms intervals for odd ones, with every fault of the randomized scenarios.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomizedScenarioOnSharedCells_dsolAndLean_identicalRecordsAndStatistics(long seed) {
        assertBothEnginesAlike(sharedScenario(seed));
    }

    /** Seed {@code seed}'s randomized scenario on shared cells. */
    static InvariantScenario sharedScenario(long seed) {
        return InvariantScenario.draw(seed).shared(seed % 2 == 0 ? new ProcessorSharing() : new RoundRobin(0.002));
    }

    /** The compared scenarios reach the cases that make engines diverge if they order events differently. */
    @Test
    void comparedScenarios_coverLossBlockingFailuresAndReconnection() {
        Set<FlowOutcome> outcomes = EnumSet.noneOf(FlowOutcome.class);
        long reconnected = 0;
        long repaired = 0;
        for (long seed : seeds().toArray()) {
            for (FlowRecord r : run(InvariantScenario.draw(seed), new LeanEngine()).records()) {
                outcomes.add(r.outcome());
                reconnected += r.attempts() > 1 ? 1 : 0;
                repaired += r.chunksRepaired();
            }
        }
        assertTrue(outcomes.containsAll(EnumSet.of(FlowOutcome.SUCCESS, FlowOutcome.BLOCKED, FlowOutcome.SETUP_FAILED,
                FlowOutcome.LINK_DROPPED, FlowOutcome.RETRIES_EXHAUSTED, FlowOutcome.STATION_DOWN,
                FlowOutcome.AUTH_REJECTED, FlowOutcome.INTEGRITY_MISMATCH)), outcomes.toString());
        assertTrue(reconnected > 0 && repaired > 0, reconnected + " reconnected, " + repaired + " chunks repaired");
    }
}
