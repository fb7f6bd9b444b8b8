package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.backhaul.BackhaulStatistics;
import io.radiolink.backhaul.BackhaulStatistics.Delays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The merge of two replications' backhauls over a window of 100 s, checked by hand (toStore; fromStore
 * carried nothing, 10 s down in each):
 *
 * <pre>
 * replication  station  busy  down  messages  bits    retransmissions  queueing (n, sum, max)  transfer
 * 0            a        20    10    4         8,000   1                4, 2.0, 1.0             4, 4.0, 2.0
 * 0            b        60    0     6         16,000  3                6, 1.0, 0.5             6, 3.0, 1.5
 * 1            a        40    0     2         4,000   0                2, 0.2, 0.15            2, 0.6, 0.4
 * </pre>
 *
 * <p>Replication 1 has no station b.
 */
final class BackhaulSummaryTest {

    private static BackhaulStatistics direction(double busySeconds, double downSeconds, long messages, long bits,
            long retransmissions, Delays queueing, Delays transfer) {
        return new BackhaulStatistics(100, messages, 0, messages, bits, messages + retransmissions, retransmissions,
                retransmissions, 0, busySeconds, downSeconds, queueing, transfer);
    }

    private static BackhaulUsage.Directions toStore(BackhaulStatistics toStore) {
        return new BackhaulUsage.Directions(toStore, direction(0, 10, 0, 0, 0, Delays.NONE, Delays.NONE));
    }

    private static BackhaulUsage usage(Map<String, BackhaulUsage.Directions> stations) {
        return new BackhaulUsage(new TreeMap<>(stations));
    }

    private static List<BackhaulUsage> twoReplications() {
        return List.of(
                usage(Map.of(
                        "a", toStore(direction(20, 10, 4, 8_000, 1, new Delays(4, 2.0, 1.0), new Delays(4, 4.0, 2.0))),
                        "b", toStore(direction(60, 0, 6, 16_000, 3, new Delays(6, 1.0, 0.5), new Delays(6, 3.0, 1.5))))),
                usage(Map.of(
                        "a", toStore(direction(40, 0, 2, 4_000, 0, new Delays(2, 0.2, 0.15), new Delays(2, 0.6, 0.4))))));
    }

    private static Estimate of(double... values) {
        return Estimate.of(values, Estimate.DEFAULT_CONFIDENCE);
    }

    @Test
    void of_twoReplications_allStationsEstimatesEachReplicationsSum() {
        BackhaulDirectionSummary all = BackhaulSummary.of(twoReplications(), Estimate.DEFAULT_CONFIDENCE)
                .allStations().toStore();
        // (20 + 60) / (100 + 100) and 40 / 100: each replication's stations together, not the stations' estimates
        // (0.3 and 0.6) averaged
        assertEquals(of(80.0 / 200, 40.0 / 100), all.utilisation());
        assertEquals(of(10.0 / 200, 0.0), all.downShare());
        assertEquals(of(10, 2), all.messagesDelivered());
        assertEquals(of(24_000 / 8.0, 4_000 / 8.0), all.bytesDelivered());
        assertEquals(of(4, 0), all.retransmissions());
        // over every station's messages: (2.0 + 1.0) / (4 + 6), and the largest of either station
        assertEquals(of(3.0 / 10, 0.2 / 2), all.meanQueueingSeconds());
        assertEquals(of(1.0, 0.15), all.maxQueueingSeconds());
        assertEquals(of(7.0 / 10, 0.6 / 2), all.meanTransferSeconds());
    }

    @Test
    void of_stationMissingInAReplication_leftOutOfItsEstimatesOnly() {
        BackhaulSummary summary = BackhaulSummary.of(twoReplications(), Estimate.DEFAULT_CONFIDENCE);
        assertEquals(List.of("a", "b"), List.copyOf(summary.stations().keySet()));
        BackhaulDirectionSummary a = summary.stations().get("a").toStore();
        assertEquals(of(0.2, 0.4), a.utilisation());
        assertEquals(of(10.0 / 100, 0.0), a.downShare());
        assertEquals(of(2.0 / 4, 0.2 / 2), a.meanQueueingSeconds());
        assertEquals(of(1.0, 0.15), a.maxQueueingSeconds());
        BackhaulDirectionSummary b = summary.stations().get("b").toStore();
        assertEquals(1, b.utilisation().n());
        assertEquals(0.6, b.utilisation().mean());
        assertTrue(Double.isNaN(b.utilisation().halfWidth()));
        assertEquals(of(6), b.messagesDelivered());
        assertEquals(2, summary.allStations().toStore().utilisation().n(), "every replication has a sum");
    }

    @Test
    void of_noMessage_delayFiguresLeftOutCountsKept() {
        BackhaulSummary summary = BackhaulSummary.of(twoReplications(), Estimate.DEFAULT_CONFIDENCE);
        BackhaulDirectionSummary fromStore = summary.allStations().fromStore();
        assertEquals(0, fromStore.meanQueueingSeconds().n());
        assertTrue(Double.isNaN(fromStore.meanQueueingSeconds().mean()));
        assertEquals(0, fromStore.maxQueueingSeconds().n(), "no wait, so no largest one (not 0)");
        assertEquals(0, fromStore.meanTransferSeconds().n());
        assertEquals(of(0, 0), fromStore.messagesDelivered());
        assertEquals(of(0, 0), fromStore.utilisation());
        assertEquals(of(20.0 / 200, 10.0 / 100), fromStore.downShare());
    }

    @Test
    void of_noBackhaul_noStationAndNoValue() {
        BackhaulSummary summary = BackhaulSummary.of(List.of(BackhaulUsage.NONE, BackhaulUsage.NONE),
                Estimate.DEFAULT_CONFIDENCE);
        assertTrue(summary.stations().isEmpty());
        BackhaulDirectionSummary all = summary.allStations().toStore();
        for (Estimate estimate : List.of(all.utilisation(), all.meanQueueingSeconds(), all.maxQueueingSeconds(),
                all.meanTransferSeconds(), all.messagesDelivered(), all.bytesDelivered(), all.retransmissions(),
                all.downShare())) {
            assertEquals(0, estimate.n(), estimate.toString());
            assertTrue(Double.isNaN(estimate.mean()), estimate.toString());
        }
    }

    @Test
    void of_otherConfidence_usedByEveryEstimate() {
        BackhaulSummary summary = BackhaulSummary.of(twoReplications(), 0.99);
        assertEquals(Estimate.of(new double[] {0.2, 0.4}, 0.99), summary.stations().get("a").toStore().utilisation());
        assertEquals(0.99, summary.allStations().fromStore().downShare().confidence());
    }

    @Test
    void experimentSummary_replicationsWithBackhauls_mergedInReplicationOrder() {
        List<BackhaulUsage> usages = twoReplications();
        List<ReplicationResult> results = new ArrayList<>();
        for (int i = 0; i < usages.size(); i++) {
            results.add(withBackhauls(ConnectorRun.run(i, 0, 100, run -> {}), usages.get(i)));
        }
        ExperimentSummary expected = ExperimentSummary.of(results);
        assertEquals(of(80.0 / 200, 40.0 / 100), expected.backhauls().allStations().toStore().utilisation());
        assertEquals(1, expected.backhauls().stations().get("b").toStore().utilisation().n());
        Collections.reverse(results);
        assertEquals(expected, ExperimentSummary.of(results));
        assertEquals(expected, Serialization.roundTrip(expected, ExperimentSummary.class));
    }

    @Test
    void experimentSummary_stationStorage_noStation() {
        ExperimentSummary summary = ExperimentSummary.of(List.of(ConnectorRun.run(0, 0, 100, run -> {})));
        assertTrue(summary.backhauls().stations().isEmpty());
        assertEquals(0, summary.backhauls().allStations().toStore().utilisation().n());
    }

    private static ReplicationResult withBackhauls(ReplicationResult r, BackhaulUsage backhauls) {
        return new ReplicationResult(r.replication(), r.seed(), r.warmupSeconds(), r.runLengthSeconds(), r.flows(),
                r.traffic(), r.cells(), r.storage(), r.authentication(), r.workload(), r.learnedOutcomes(), backhauls,
                r.shares(), r.lateStoreEffects());
    }
}
