package io.radiolink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.profile.Profile;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import org.junit.jupiter.api.Test;

/** Random access switched off and on, and its effect growing with load: set-up delay and failures. */
final class RandomAccessTest {

    private static ExperimentSummary run(double arrivalsPerSecond, RandomAccessConfig access) {
        return Simulation.builder()
                .profile(Profile.LTE)
                .airInterface(Profile.LTE.airInterface().withRandomAccess(access))
                .station("bs-1", 200, Long.MAX_VALUE)
                .workload(WorkloadConfig.backupsOnly(1_000_000, arrivalsPerSecond, new Distribution.Fixed(2_000)))
                .runLengthSeconds(60)
                .warmupSeconds(5)
                .replications(2)
                .seed(5)
                .build()
                .run(2)
                .summary();
    }

    @Test
    void randomAccess_moreLoad_longerSetupAndMoreFailures_offNone() {
        RandomAccessConfig access = new RandomAccessConfig(0.01, 8, 10, 4);
        ExperimentSummary light = run(20, access);
        ExperimentSummary heavy = run(300, access);
        ExperimentSummary off = run(300, RandomAccessConfig.NONE);

        double lightSetup = light.flowsOf(FlowKind.BACKUP).phaseSeconds().get(FlowPhase.SETUP).mean();
        double heavySetup = heavy.flowsOf(FlowKind.BACKUP).phaseSeconds().get(FlowPhase.SETUP).mean();
        double offSetup = off.flowsOf(FlowKind.BACKUP).phaseSeconds().get(FlowPhase.SETUP).mean();
        assertTrue(heavySetup > lightSetup, "set-up delay grows with load: " + lightSetup + " -> " + heavySetup);
        assertTrue(lightSetup > offSetup, "contention adds the wait for a slot: " + offSetup + " -> " + lightSetup);
        long lightFailed = light.flowsOf(FlowKind.BACKUP).counts().count(FlowOutcome.ACCESS_FAILED);
        long heavyFailed = heavy.flowsOf(FlowKind.BACKUP).counts().count(FlowOutcome.ACCESS_FAILED);
        assertTrue(heavyFailed > 10 * Math.max(1, lightFailed), "failures grow with load: " + lightFailed + " -> "
                + heavyFailed);
        assertEquals(0, off.flowsOf(FlowKind.BACKUP).counts().count(FlowOutcome.ACCESS_FAILED));
        assertEquals(0, off.cellTotals().preambleTransmissions());
        assertTrue(heavy.cellTotals().preambleCollisions() > light.cellTotals().preambleCollisions());
    }
}
