package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.stats.CellShare;
import io.radiolink.stats.CellShareSummary;
import io.radiolink.stats.DirectionShare;
import io.radiolink.stats.ReplicationResult;
import io.radiolink.workload.ScriptedFlow;
import org.junit.jupiter.api.Test;

/**
 * The per-cell report of a shared cell ({@code stats.ShareCalculator} through {@link StatsConnector}) on
 * scripted backups whose figures follow by hand: a lossless uplink of C = 1 Mbit/s, each terminal capped
 * at C, zero delays, one data frame per object, so a flow's uplink work is its request, its data frame
 * (header and payload) and its complete: S = 8 (20 + 20 + X + 20) bits, served at C when alone and at
 * C / 2 when two flows send alike at once.
 */
final class ShareStatisticsReportTest {

    private static final double C = 1e6;
    private static final double DOWNLINK = 1e9;
    private static final int X = 12_440;
    /** Uplink bits of one backup: request, data frame, complete. */
    private static final double S = 8.0 * (20 + 20 + X + 20);
    private static final double RUN_LENGTH = 100;

    private static AirInterface sharedAir() {
        LinkConfig uplink = new LinkConfig(C, 0, 1_000_000_000, 20, 20, NoLoss.INSTANCE);
        return new AirInterface(uplink, uplink.withRateBitsPerSecond(DOWNLINK), 0, 0, Double.POSITIVE_INFINITY, 0)
                .withCapacity(new CellCapacity.Shared(C, DOWNLINK, new ProcessorSharing()));
    }

    private static Simulation.Builder backups(double warmupSeconds, double... startSeconds) {
        return backups(sharedAir(), warmupSeconds, startSeconds);
    }

    private static Simulation.Builder backups(AirInterface air, double warmupSeconds, double... startSeconds) {
        Simulation.Builder builder = Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(1, 1.0, 3), new ControlConfig(1.0, 3)))
                .airInterface(air)
                .station("bs-1", 10, Long.MAX_VALUE)
                .warmupSeconds(warmupSeconds)
                .runLengthSeconds(RUN_LENGTH)
                .replications(1);
        for (int i = 0; i < startSeconds.length; i++) {
            builder.scriptedFlow(new ScriptedFlow.Backup(startSeconds[i], "bs-1", PhoneNumber.of("10" + i), X, 1, "pw"));
        }
        return builder;
    }

    private static ReplicationResult only(Simulation.Builder builder) {
        ReplicationResult result = builder.build().run(1).replications().get(0);
        assertEquals(result.flowsOf(FlowKind.BACKUP).counts().flows(), result.count(FlowKind.BACKUP, FlowOutcome.SUCCESS));
        return result;
    }

    @Test
    void oneBackupAlone_throughputIsTheCapacityAndUtilisationItsWork() {
        DirectionShare uplink = only(backups(0, 1.0)).shares().get("bs-1").uplink();

        assertEquals(1, uplink.counts().connections());
        assertEquals(C, uplink.meanThroughputBitsPerSecond(), 1e-6);
        assertEquals(C, uplink.throughputP5BitsPerSecond(), 1e-6);
        assertEquals(C, uplink.throughputP95BitsPerSecond(), 1e-6);
        assertEquals(1.0, uplink.fairnessIndex(), 1e-12);
        assertEquals(S / C / RUN_LENGTH, uplink.utilisation(), 1e-12);
        assertEquals(S / C / RUN_LENGTH, uplink.carriedLoad(), 1e-12);
        assertEquals(S / C / RUN_LENGTH, uplink.meanActiveUsers(), 1e-12);
    }

    /**
     * Under round robin over 1 ms the same backup carries the same bits (the carried load is its work over
     * C and the window), but each of its three units waits for an interval's start and leaves at the end of
     * the interval holding its last bit, busy meanwhile: the utilisation exceeds the carried load, by at most
     * two intervals per unit (a wait of less than one, and the last interval).
     */
    @Test
    void oneBackupAlone_roundRobin_carriedLoadIsItsWorkAndUtilisationMore() {
        AirInterface air = sharedAir().withCapacity(new CellCapacity.Shared(C, DOWNLINK, new RoundRobin(0.001)));
        DirectionShare uplink = only(backups(air, 0, 1.0)).shares().get("bs-1").uplink();

        assertEquals(S / C / RUN_LENGTH, uplink.carriedLoad(), 1e-12);
        assertTrue(uplink.utilisation() > uplink.carriedLoad(), uplink.utilisation() + " busy");
        assertTrue(uplink.utilisation() < (S / C + 3 * 2 * 0.001) / RUN_LENGTH, uplink.utilisation() + " busy");
    }

    @Test
    void twoBackupsAlike_eachGetsHalfAndBothCountAsActive() {
        DirectionShare uplink = only(backups(0, 1.0, 1.0)).shares().get("bs-1").uplink();

        assertEquals(2, uplink.counts().connections());
        assertEquals(C / 2, uplink.throughputP5BitsPerSecond(), 1e-6);
        assertEquals(C / 2, uplink.throughputP95BitsPerSecond(), 1e-6);
        assertEquals(1.0, uplink.fairnessIndex(), 1e-12);
        // Busy while the two send together, 2 S bits at C; two active meanwhile.
        assertEquals(2 * S / C / RUN_LENGTH, uplink.utilisation(), 1e-12);
        assertEquals(2 * 2 * S / C / RUN_LENGTH, uplink.meanActiveUsers(), 1e-12);
    }

    @Test
    void warmup_connectionsOpenedBeforeItAndTheirBusyTimeLeftOut() {
        double warmup = 10;
        DirectionShare uplink = only(backups(warmup, 1.0, 50.0)).shares().get("bs-1").uplink();

        assertEquals(1, uplink.counts().connections(), "only the backup at 50 s");
        assertEquals(S / C / (RUN_LENGTH - warmup), uplink.utilisation(), 1e-12);
    }

    /**
     * A backup's downlink carries only the station's response, acknowledgement and complete: no data frame,
     * so it is not counted (before, such a direction, a few control bits sent alone, counted at the full rate);
     * a download's downlink carries the data and counts, its uplink (request, acknowledgement, complete) not.
     */
    @Test
    void directionsWithoutDataFrames_notCounted() {
        Simulation.Builder builder = backups(0, 1.0)
                .scriptedFlow(new ScriptedFlow.Download(10.0, "bs-1", PhoneNumber.of("200"), PhoneNumber.of("100"), "pw"));
        CellShare cell = only(builder).shares().get("bs-1");

        assertEquals(1, cell.uplink().counts().connections(), "the backup's uplink only");
        assertEquals(1, cell.downlink().counts().connections(), "the download's downlink only");
        // Each departure rounded up by at most a double's step at 10 s (1.8e-15 s) over 1e-4 s of busy time.
        assertEquals(DOWNLINK, cell.downlink().meanThroughputBitsPerSecond(), 1e-9 * DOWNLINK);
    }

    /**
     * Far from time 0 (a backup at 10^6 s, where a double's step is 1.2e-10 s) a connection alone still reads
     * a throughput of at most C: departures are never rounded before their bits are served
     * (radio.share.ProcessorSharingTest, which fails on departures rounded to the nearest time). The report's
     * end of it: this backup's request, data frame and complete, summed.
     */
    @Test
    void oneBackupAlone_farFromTimeZero_throughputAtMostTheCapacity() {
        double start = 1e6;
        DirectionShare uplink = only(backups(0, start).runLengthSeconds(start + RUN_LENGTH)).shares().get("bs-1")
                .uplink();

        assertEquals(1, uplink.counts().connections());
        assertTrue(uplink.meanThroughputBitsPerSecond() <= C, uplink.meanThroughputBitsPerSecond() + " bit/s");
        // Below it by the rounding up: three departures, at most a step each, over 0.1 s of busy time.
        assertEquals(C, uplink.meanThroughputBitsPerSecond(), 1e-8 * C);
    }

    @Test
    void dedicatedCell_noEntry() {
        ReplicationResult result = only(backups(sharedAir().withCapacity(AirInterface.DEDICATED), 0, 1.0));

        assertTrue(result.shares().isEmpty());
    }

    @Test
    void summary_mergesTheReplicationsOfEachSharedCell() {
        SimulationResult result = backups(0, 1.0).replications(3).build().run(1);
        CellShareSummary summary = result.summary().shares().get("bs-1");

        assertEquals(3, summary.uplink().counts().connections());
        assertEquals(C, summary.uplink().throughputP50BitsPerSecond().mean(), 1e-6);
        assertEquals(3, summary.uplink().utilisation().n());
        CellShare first = result.replications().get(0).shares().get("bs-1");
        assertEquals(first.downlink().utilisation(), summary.downlink().utilisation().mean(), 1e-15);
    }
}
