package io.radiolink.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.StationConfig;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.FlowRecords;
import io.radiolink.validation.FamilyWise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator's demand: Poisson arrivals until the run length, uniform subscriber picks, restores
 * after the configured delay, skipped arrivals for busy phones, per-subscriber data. Statistical checks
 * use 4.5-standard-deviation bounds of the stated distribution (false alarm below 10^-5).
 */
final class WorkloadGeneratorTest {

    private static final LinkConfig LINK = new LinkConfig(1_000_000, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.1, 0, Double.POSITIVE_INFINITY, 0.05);
    private static final ProtocolConfig PROTOCOL =
            new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.2, 5), new ControlConfig(0.5, 3));

    /** What one run left: every record and the number of skipped arrivals. */
    private record Run(List<FlowRecord> records, int skipped) {}

    private static Run run(WorkloadConfig workload, int channels, double runLength, long seed) {
        return run(workload, StationConfig.of("bs-1", channels, Long.MAX_VALUE, AIR), runLength, seed);
    }

    private static Run run(WorkloadConfig workload, StationConfig stationConfig, double runLength, long seed) {
        List<FlowRecord> records = new ArrayList<>();
        int[] skipped = {0};
        new DsolEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            RandomStreams streams = new RandomStreams(seed, 0);
            BaseStation station = new BaseStation(stationConfig, scheduler, streams);
            station.scheduleOutages(runLength);
            List<FlowListener> listeners = new ArrayList<>();
            BackupService service = new BackupService(scheduler, PROTOCOL, new FlowRecords(new FlowListener() {
                @Override
                public void flowEnded(Flow flow, FlowRecord record) {
                    records.add(record);
                    listeners.forEach(l -> l.flowEnded(flow, record));
                }
            }, scheduler::nowSeconds));
            WorkloadGenerator generator = new WorkloadGenerator(workload, List.of(station), 0, service, scheduler, streams,
                    runLength, new WorkloadListener() {
                        @Override
                        public void arrivalSkippedTerminalBusy(String stationId, double timeSeconds) {
                            skipped[0]++;
                        }
                    });
            listeners.add(generator);
            generator.start();
        });
        return new Run(records, skipped[0]);
    }

    private static List<FlowRecord> of(Run run, FlowKind kind) {
        return run.records().stream().filter(r -> r.kind() == kind).toList();
    }

    @Test
    void arrivals_poissonUntilRunLength_countMatchesRateTimesLength() {
        double rate = 0.05;
        double length = 10_000;
        Run run = run(WorkloadConfig.backupsOnly(100_000, rate, new Distribution.Fixed(10_000)), 50, length, 3);
        int arrivals = of(run, FlowKind.BACKUP).size() + run.skipped();
        double expected = rate * length;
        // Poisson: the variance is the mean; the family-wise rule's two-sided quantile of standard deviations.
        assertEquals(expected, arrivals, FamilyWise.twoSidedZ() * Math.sqrt(expected));
        assertTrue(run.records().stream().allMatch(r -> r.startSeconds() <= length), "nothing starts after the run length");
        assertTrue(run.records().stream().allMatch(r -> r.outcome() == FlowOutcome.SUCCESS));
    }

    @Test
    void restores_shareAndDelay_followBackupsOfTheSameNumber() {
        double share = 0.3;
        WorkloadConfig workload = WorkloadConfig.backupsOnly(1_000_000, 0.05, new Distribution.Fixed(5_000))
                .withRestores(share, new Distribution.Fixed(100));
        Run run = run(workload, 50, 10_000, 4);
        List<FlowRecord> backups = of(run, FlowKind.BACKUP);
        List<FlowRecord> downloads = of(run, FlowKind.DOWNLOAD);
        Map<String, List<Double>> backupEnds = new HashMap<>();
        backups.forEach(b -> backupEnds.computeIfAbsent(b.terminalNumber().digits(), k -> new ArrayList<>()).add(b.endSeconds()));
        for (FlowRecord d : downloads) {
            assertEquals("9" + d.addressedNumber().digits(), d.terminalNumber().digits(), "a replacement phone");
            assertTrue(backupEnds.get(d.addressedNumber().digits()).stream().anyMatch(end -> end + 100 == d.startSeconds()),
                    "starts 100 s after a backup of its number ended");
            assertEquals(FlowOutcome.SUCCESS, d.outcome());
        }
        long eligible = backups.stream().filter(b -> b.endSeconds() + 100 <= 10_000).count();
        double expected = share * eligible;
        // Binomial: each eligible backup is followed by a restore with the share.
        assertEquals(expected, downloads.size(),
                FamilyWise.twoSidedZ() * Math.sqrt(eligible * share * (1 - share)));
    }

    /** A station down for the middle third of a 6,000 s run: backups that meet the outage fail. */
    private static final StationConfig DOWN_2000_TO_4000 = StationConfig.of("bs-1", 50, Long.MAX_VALUE, AIR)
            .withOutages(OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(2_000, 4_000)), true));

    /** The backup of {@code download}'s number that ended {@code delay} seconds before it started. */
    private static FlowRecord trigger(List<FlowRecord> backups, FlowRecord download, double delay) {
        List<FlowRecord> matching = backups.stream()
                .filter(b -> b.terminalNumber().equals(download.addressedNumber()))
                .filter(b -> b.endSeconds() + delay == download.startSeconds())
                .toList();
        assertEquals(1, matching.size(), "one backup triggered " + download);
        return matching.get(0);
    }

    @Test
    void restores_afterSuccess_followOnlyBackupsThatSucceeded() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(1_000_000, 0.05, new Distribution.Fixed(5_000))
                .withRestores(0.5, new Distribution.Fixed(100));
        assertEquals(RestoreAfter.SUCCESS, workload.restoreAfter(), "the default");
        Run run = run(workload, DOWN_2000_TO_4000, 6_000, 11);
        List<FlowRecord> backups = of(run, FlowKind.BACKUP);
        List<FlowRecord> downloads = of(run, FlowKind.DOWNLOAD);

        assertTrue(backups.stream().filter(b -> b.outcome() == FlowOutcome.STATION_DOWN).count() > 20,
                "the outage fails backups");
        assertTrue(downloads.size() > 20, "restores ran: " + downloads.size());
        for (FlowRecord d : downloads) {
            assertEquals(FlowOutcome.SUCCESS, trigger(backups, d, 100).outcome(), "restored after a success: " + d);
        }
    }

    @Test
    void restores_afterAny_followFailedBackupsToo() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(1_000_000, 0.05, new Distribution.Fixed(5_000))
                .withRestores(0.5, new Distribution.Fixed(100)).withRestoreAfter(RestoreAfter.ANY);
        Run run = run(workload, DOWN_2000_TO_4000, 6_000, 11);
        List<FlowRecord> backups = of(run, FlowKind.BACKUP);

        assertTrue(of(run, FlowKind.DOWNLOAD).stream().anyMatch(d -> !trigger(backups, d, 100).outcome().isSuccess()),
                "some restores follow a failed backup");
    }

    /**
     * Common random numbers: the restore stream is drawn alike under both rules, so where the backups end
     * alike (here: no loss, no typos, a scheduled outage, channels to spare), the restores under
     * {@code success} are exactly those under {@code any} that follow a successful backup, at the same times.
     */
    @Test
    void restores_successAndAny_successRestoresAreAnysAfterSuccessfulBackups() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(1_000_000_000, 0.05, new Distribution.Fixed(5_000))
                .withRestores(0.5, new Distribution.Exponential(300));
        Run success = run(workload, DOWN_2000_TO_4000, 6_000, 12);
        Run any = run(workload.withRestoreAfter(RestoreAfter.ANY), DOWN_2000_TO_4000, 6_000, 12);
        List<String> backupsSuccess = of(success, FlowKind.BACKUP).stream().map(WorkloadGeneratorTest::key).toList();
        List<String> backupsAny = of(any, FlowKind.BACKUP).stream().map(WorkloadGeneratorTest::key).toList();
        assertEquals(backupsAny, backupsSuccess, "the backups end alike");

        Map<String, FlowOutcome> backupOutcome = new HashMap<>();
        of(any, FlowKind.BACKUP).forEach(b -> assertEquals(null,
                backupOutcome.put(b.terminalNumber().digits(), b.outcome()), "one backup per number"));
        List<String> restoredUnderSuccess = of(success, FlowKind.DOWNLOAD).stream()
                .map(d -> d.addressedNumber().digits() + "@" + d.startSeconds()).sorted().toList();
        List<String> anyAfterSuccess = of(any, FlowKind.DOWNLOAD).stream()
                .filter(d -> backupOutcome.get(d.addressedNumber().digits()).isSuccess())
                .map(d -> d.addressedNumber().digits() + "@" + d.startSeconds()).sorted().toList();
        assertTrue(restoredUnderSuccess.size() > 20, "restores under success: " + restoredUnderSuccess.size());
        assertTrue(of(any, FlowKind.DOWNLOAD).size() > restoredUnderSuccess.size(), "any restores more");
        assertEquals(anyAfterSuccess, restoredUnderSuccess);
    }

    private static String key(FlowRecord r) {
        return r.terminalNumber().digits() + "@" + r.startSeconds() + "-" + r.endSeconds() + ":" + r.outcome();
    }

    @Test
    void arrivals_subscriberStillBusy_skippedAndNeverTwoFlowsAtOnce() {
        // One subscriber, 100 kB per backup (~1 s each), arrivals every 0.5 s on average.
        Run run = run(WorkloadConfig.backupsOnly(1, 2.0, new Distribution.Fixed(100_000)), 4, 200, 5);
        assertTrue(run.skipped() > 0);
        List<FlowRecord> backups = of(run, FlowKind.BACKUP);
        for (int i = 1; i < backups.size(); i++) {
            assertTrue(backups.get(i).startSeconds() >= backups.get(i - 1).endSeconds(), "one flow at a time");
        }
    }

    @Test
    void subscribers_dataDrawnOncePerSubscriber_sameSizeInEveryBackup() {
        Run run = run(WorkloadConfig.backupsOnly(20, 0.5, new Distribution.Exponential(20_000)), 50, 2_000, 6);
        Map<String, Long> sizes = new HashMap<>();
        for (FlowRecord b : of(run, FlowKind.BACKUP)) {
            Long previous = sizes.putIfAbsent(b.terminalNumber().digits(), b.userDataBytes());
            assertTrue(previous == null || previous == b.userDataBytes());
        }
        assertTrue(sizes.size() == 20, "every subscriber was picked in ~1,000 arrivals: " + sizes.size());
        assertTrue(sizes.values().stream().distinct().count() > 15, "sizes differ between subscribers");
    }

    @Test
    void passwords_noTypos_neverRejected_typosRejectSome() {
        WorkloadConfig base = WorkloadConfig.backupsOnly(50, 0.2, new Distribution.Fixed(2_000))
                .withRestores(0.5, new Distribution.Exponential(50));
        Run clean = run(base, 50, 3_000, 7);
        Run typing = run(base.withWrongPasswordProbability(0.2), 50, 3_000, 7);
        assertTrue(clean.records().stream().noneMatch(r -> r.outcome() == FlowOutcome.AUTH_REJECTED));
        assertTrue(typing.records().stream().anyMatch(r -> r.outcome() == FlowOutcome.AUTH_REJECTED));
    }

    @Test
    void run_sameSeed_sameRecords() {
        WorkloadConfig workload = WorkloadConfig.backupsOnly(30, 0.3, new Distribution.LogNormal(8, 1))
                .withRestores(0.4, new Distribution.Uniform(10, 100)).withWrongPasswordProbability(0.1);
        assertEquals(run(workload, 2, 1_000, 9), run(workload, 2, 1_000, 9));
        assertTrue(!run(workload, 2, 1_000, 9).equals(run(workload, 2, 1_000, 10)));
    }
}
