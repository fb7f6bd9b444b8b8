package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.simulation.Simulation;
import io.radiolink.simulation.SimulationResult;
import io.radiolink.stats.Estimate;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.WorkloadConfig;
import org.junit.jupiter.api.Test;

/**
 * Little's law at the station: the time-average number of channels held (connections and set-ups in
 * progress) equals the arrival rate of admitted connection attempts times their mean holding time,
 * L = lambda W, on a lossy, bursty, congested, dropping link where holding times vary widely.
 *
 * <p>L is integrated over the observation window; lambda counts admitted attempts in the window; W
 * averages the holding times of channels seized in it. Holdings that straddle the window's ends differ
 * between the two sides by at most a few holding times over a window of 4,500 s. Tolerance: the
 * Student-t interval at the family-wise rule's per-check confidence ({@link FamilyWise}) of the per-replication relative difference (L - lambda W) / L across 8
 * replications must contain 0 (and be narrower than 1%, so that containing 0 means something).
 */
final class LittleLawValidationTest {

    @Test
    void station_lossyCongestedLink_meanChannelsHeldEqualsAdmittedRateTimesMeanHolding() {
        // 1 Mbit/s with 10 kB frames: a mean 200 kB backup is ~20 frames, ~1.6 s on the air.
        LinkConfig link = new LinkConfig(1_000_000, 0.02, 10_000, 40, 40, new GilbertElliottLoss(0.01, 0.3, 0.001, 0.5));
        SimulationResult result = Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(8, 0.5, 4), new ControlConfig(1.0, 3)))
                .airInterface(new AirInterface(link, link, 0.3, 0.02, 20, 0.05))
                .station("bs-1", 4, 50_000_000_000L)
                .workload(WorkloadConfig.backupsOnly(10_000, 1.2, Distribution.LogNormal.ofMeanAndStdDev(200_000, 300_000))
                        .withRestores(0.5, new Distribution.Exponential(600)))
                .runLengthSeconds(5_000)
                .warmupSeconds(500)
                .replications(8)
                .seed(1961)
                .build()
                .run(2);
        double[] relative = new double[result.replications().size()];
        for (ReplicationResult r : result.replications()) {
            double l = r.meanBusyChannels();
            double lambdaW = r.admittedArrivalRatePerSecond() * r.meanHoldingSeconds();
            relative[r.replication()] = (l - lambdaW) / l;
            assertTrue(r.cellTotals().blockedAttempts() > 0, "congested enough to block");
        }
        Estimate difference = FamilyWise.estimate(relative);
        assertTrue(difference.contains(0.0), "relative difference (L - lambda W) / L: " + difference);
        assertTrue(difference.halfWidth() < 0.01, "the interval is narrow enough to mean something: " + difference);
    }
}
