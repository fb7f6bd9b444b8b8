package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.AirListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.Side;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.Estimate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gilbert-Elliott loss on the air, observed unit by unit on every link of every connection of a
 * running model: the stationary loss rate is {@code (r k_G + p k_B) / (p + r)}, and for Gilbert's case
 * ({@code k_G = 0}, {@code k_B = 1}) loss bursts have mean length {@code 1 / r}.
 *
 * <p>The mean burst length is estimated as lost units / burst starts (a burst starts at a lost unit
 * that is the first on its link or follows a delivered one). Units within a replication are
 * correlated, so the tolerance is the Student-t interval at the family-wise rule's per-check confidence ({@link FamilyWise}) across 10 independent
 * replications.
 *
 * <p>Each replication is one long backup (100,000 frames), so each link carries one long stretch of the
 * chain. Short connections would not do: a link stops after a number of <em>deliveries</em>, not of
 * units, so its unit count depends on its own losses, and the loss fraction over a connection of D
 * deliveries is biased upward by about {@code P(bad) / (r D)} relative to the stationary rate (9 % for
 * 40-frame connections at p = 0.01, r = 0.25, as a first version of this test found). Over a link of
 * 100,000 units that bias is below 10^-5 of the rate.
 */
final class GilbertElliottValidationTest {

    /** Per replication: units, losses and burst starts, and each link's last loss state. */
    private static final class Observer implements AirListener {
        final Map<Connection<?>, boolean[]> lastLost = new HashMap<>();
        long units;
        long lost;
        long burstStarts;

        @Override
        public void unitSent(Connection<?> connection, Side sender, Object unit, int bytes, double departureSeconds,
                boolean unitLost) {
            boolean[] last = lastLost.computeIfAbsent(connection, c -> new boolean[2]);
            int direction = sender.ordinal();
            units++;
            if (unitLost) {
                lost++;
                if (!last[direction]) {
                    burstStarts++;
                }
            }
            last[direction] = unitLost;
        }
    }

    private static Terminal bigPhone() {
        Terminal phone = new Terminal(PhoneNumber.of("0100"), UserData.synthetic(50_000_000, 1, 1));
        phone.enterMaintenancePassword("m");
        return phone;
    }

    @ParameterizedTest(name = "p={0} r={1} kG={2} kB={3}")
    @CsvSource({"0.01, 0.25, 0.0, 1.0", "0.05, 0.5, 0.0, 1.0", "0.02, 0.2, 0.01, 0.7"})
    void loss_gilbertElliottOnEveryLink_stationaryRateAndBurstLengthMatchTheory(
            double p, double r, double lossInGood, double lossInBad) {
        GilbertElliottLoss model = new GilbertElliottLoss(p, r, lossInGood, lossInBad);
        LinkConfig link = new LinkConfig(1_000_000, 0.005, 500, 0, 10, model);
        AirInterface air = new AirInterface(link, link, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);
        int replications = 10;
        double[] rates = new double[replications];
        double[] bursts = new double[replications];
        for (int rep = 0; rep < replications; rep++) {
            Observer observer = new Observer();
            Simulation.builder()
                    .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(64, 0.1, 100), new ControlConfig(0.1, 100)))
                    .airInterface(air)
                    .station("bs-1", 1, Long.MAX_VALUE)
                    .script(m -> m.service().terminals().startBackup(bigPhone(), m.station("bs-1")))
                    .runLengthSeconds(1)
                    .replications(replications)
                    .seed(7)
                    .airListener(observer)
                    .build()
                    .runReplication(rep);
            rates[rep] = (double) observer.lost / observer.units;
            bursts[rep] = (double) observer.lost / observer.burstStarts;
            assertTrue(observer.units > 200_000, "units per replication: " + observer.units);
        }
        Estimate rate = FamilyWise.estimate(rates);
        assertEquals(model.stationaryLossProbability(), rate.mean(), rate.halfWidth(), "loss rate " + rate);
        if (lossInGood == 0.0 && lossInBad == 1.0) {
            Estimate burst = FamilyWise.estimate(bursts);
            assertEquals(1.0 / r, burst.mean(), burst.halfWidth(), "mean burst length " + burst);
        }
    }
}
