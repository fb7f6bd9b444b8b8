package io.radiolink.protocol;

import io.radiolink.backhaul.BackhaulConfig;
import io.radiolink.node.OutageConfig;
import io.radiolink.node.StationConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.Corruption;
import io.radiolink.radio.GilbertElliottLoss;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.LossModel;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicies;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.simulation.Simulation;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.Relocation;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * One randomized scenario of {@link InvariantTest}: every parameter drawn from a {@link Random} seeded
 * with the scenario's seed, which is also the simulation's seed, so a seed names a scenario exactly.
 *
 * <p>The link shape (rates, delays, frame sizes) is shared by all stations so that the protocol's
 * timeouts can be drawn relative to it; loss, set-up failures, radio link failures, channels,
 * capacity, the clearing policy, outages and the retention period are drawn per station. Outages and
 * retention are drawn last, after the run length, so every other parameter of a seed is the same as
 * before they existed.
 *
 * @param seed the scenario's seed
 * @param stations 1 to 3 stations
 * @param protocol ARQ and control settings with small retry limits
 * @param workload few subscribers per station, so numbers are backed up and restored repeatedly
 * @param runLengthSeconds a few hundred seconds
 * @param summary the drawn parameters in one line, for messages
 * @param storage station storage, with peer fetch in about half the multi-station scenarios
 */
record InvariantScenario(long seed, List<StationConfig> stations, ProtocolConfig protocol,
        WorkloadConfig workload, double runLengthSeconds, String summary, StorageMode.Station storage) {

    /** A scenario under station storage without peer fetch. */
    InvariantScenario(long seed, List<StationConfig> stations, ProtocolConfig protocol, WorkloadConfig workload,
            double runLengthSeconds, String summary) {
        this(seed, stations, protocol, workload, runLengthSeconds, summary, new StorageMode.Station());
    }

    private static final double[] MEAN_SIZES_BYTES = {1_000, 5_000, 20_000, 60_000};
    private static final double[] RATES_BITS_PER_SECOND = {9_600, 64_000, 384_000, 2_000_000};

    /** Draws the scenario of {@code seed}. */
    static InvariantScenario draw(long seed) {
        Random random = new Random(seed);
        StringBuilder summary = new StringBuilder();

        double meanSizeBytes = MEAN_SIZES_BYTES[random.nextInt(MEAN_SIZES_BYTES.length)];
        Distribution sizes = switch (random.nextInt(4)) {
            case 0 -> new Distribution.Fixed(meanSizeBytes);
            case 1 -> new Distribution.Uniform(0.2 * meanSizeBytes, 1.8 * meanSizeBytes);
            case 2 -> new Distribution.Exponential(meanSizeBytes);
            default -> Distribution.LogNormal.ofMeanAndStdDev(meanSizeBytes, 0.8 * meanSizeBytes);
        };
        // A few to a few dozen frames per transfer keeps every scenario fast whatever the rate.
        int payloadBytes = (int) Math.max(20, Math.ceil(meanSizeBytes / (3 + random.nextInt(40))));
        int headerBytes = random.nextInt(41);
        int controlBytes = 8 + random.nextInt(57);
        double uplinkRate = RATES_BITS_PER_SECOND[random.nextInt(RATES_BITS_PER_SECOND.length)];
        double downlinkRate = RATES_BITS_PER_SECOND[random.nextInt(RATES_BITS_PER_SECOND.length)];
        double propagationSeconds = uniform(random, 0.001, 0.2);
        summary.append(String.format(Locale.ROOT, "data %s mean %.0f B in %d-B frames, up %.0f / down %.0f bit/s",
                sizes.getClass().getSimpleName(), meanSizeBytes, payloadBytes, uplinkRate, downlinkRate));

        double slowest = Math.min(uplinkRate, downlinkRate);
        double frameSeconds = 8.0 * (payloadBytes + headerBytes) / slowest;
        double controlSeconds = 8.0 * controlBytes / slowest;
        boolean stopAndWait = random.nextBoolean();
        int window = stopAndWait ? 1 : 2 + random.nextInt(15);
        double arqTimeout = (2 * propagationSeconds + frameSeconds + controlSeconds) * uniform(random, 1.0, 3.0);
        ArqConfig arq = stopAndWait
                ? ArqConfig.stopAndWait(arqTimeout, random.nextInt(5))
                : ArqConfig.selectiveRepeat(window, arqTimeout, random.nextInt(5));
        // A control answer may queue behind a window of data frames; below that the retries fire early.
        double controlTimeout = (2 * propagationSeconds + 2 * controlSeconds + window * frameSeconds)
                * uniform(random, 0.7, 3.0);
        ProtocolConfig protocol = new ProtocolConfig(arq, new ControlConfig(controlTimeout, random.nextInt(4)));
        summary.append(String.format(Locale.ROOT, "; %s window %d timeout %.3f s retries %d, control %.3f s x%d",
                arq.mode(), arq.windowFrames(), arq.retransmissionTimeoutSeconds(), arq.retryLimit(),
                controlTimeout, protocol.control().retryLimit()));

        int subscribers = 1 + random.nextInt(5);
        List<StationConfig> stations = new ArrayList<>();
        int stationCount = 1 + random.nextInt(3);
        for (int i = 0; i < stationCount; i++) {
            StringBuilder station = new StringBuilder();
            LinkConfig uplink = new LinkConfig(uplinkRate, propagationSeconds, payloadBytes, headerBytes, controlBytes,
                    loss(random, station, "up"));
            LinkConfig downlink = new LinkConfig(downlinkRate, propagationSeconds, payloadBytes, headerBytes,
                    controlBytes, loss(random, station, "down"));
            double setupFailure = random.nextBoolean() ? 0.0 : uniform(random, 0.0, 0.25);
            double meanTimeToFailure = switch (random.nextInt(3)) {
                case 0 -> uniform(random, 5, 40);
                case 1 -> uniform(random, 200, 2_000);
                default -> Double.POSITIVE_INFINITY;
            };
            AirInterface air = new AirInterface(uplink, downlink, uniform(random, 0.0, 2.0), setupFailure,
                    meanTimeToFailure, uniform(random, 0.0, 0.5));
            int channels = 1 + random.nextInt(4);
            long capacityBytes = switch (random.nextInt(3)) {
                case 0 -> (long) Math.ceil(meanSizeBytes * uniform(random, 0.8, 2.5)); // tight: STORAGE_FULL
                case 1 -> (long) Math.ceil(meanSizeBytes * subscribers * uniform(random, 1.0, 2.0));
                default -> 1_000_000_000_000L;
            };
            boolean clear = random.nextInt(4) != 0;
            stations.add(new StationConfig("bs-" + i, channels, capacityBytes, air, clear));
            summary.append(String.format(Locale.ROOT,
                    "; bs-%d: %d ch, %d B, set-up fail %.2f, MTTF %.0f s, clear %b, %s",
                    i, channels, capacityBytes, setupFailure, meanTimeToFailure, clear, station));
        }

        double restoreShare = random.nextInt(5) == 0 ? 1.0 : random.nextDouble();
        double wrongPassword = random.nextInt(4) == 0 ? 0.0 : uniform(random, 0.0, 0.3);
        WorkloadConfig workload = new WorkloadConfig(subscribers, 1.0 / uniform(random, 2, 20), sizes, 100,
                restoreShare, new Distribution.Exponential(uniform(random, 1, 60)), wrongPassword, RestoreAfter.ANY);
        double runLength = uniform(random, 150, 400);
        summary.append(String.format(Locale.ROOT,
                "; %d subscribers/station, %.3f backups/s, restores %.2f, wrong password %.2f, run %.0f s",
                subscribers, workload.backupArrivalsPerSecond(), restoreShare, wrongPassword, runLength));
        for (int i = 0; i < stationCount; i++) {
            StringBuilder station = new StringBuilder();
            OutageConfig outages = outages(random, runLength, station);
            double retention = random.nextBoolean() ? Double.POSITIVE_INFINITY : uniform(random, 10, 300);
            stations.set(i, stations.get(i).withOutages(outages).withRetentionSeconds(retention));
            summary.append(String.format(Locale.ROOT, "; bs-%d: %s, %s", i, station,
                    retention == Double.POSITIVE_INFINITY ? "keeps copies forever"
                            : String.format(Locale.ROOT, "retention %.1f s", retention)));
        }
        // Authentication, corruption and random access are drawn after everything else, so the other
        // parameters of a seed are those it had before the three mechanisms existed.
        AuthMode mode = random.nextBoolean() ? AuthMode.CHALLENGE_RESPONSE : AuthMode.PASSWORD_IN_REQUEST;
        boolean lockout = random.nextBoolean();
        AuthConfig auth = new AuthConfig(mode, lockout ? 1 + random.nextInt(4) : 0,
                lockout ? uniform(random, 10, 90) : 0);
        protocol = protocol.withAuth(auth);
        summary.append(String.format(Locale.ROOT, "; auth %s, lock after %d for %.1f s", mode,
                auth.maxFailedAttempts(), auth.lockoutSeconds()));
        for (int i = 0; i < stationCount; i++) {
            StationConfig station = stations.get(i);
            AirInterface air = station.airInterface();
            Corruption up = corruption(random);
            Corruption down = corruption(random);
            RandomAccessConfig access = random.nextBoolean() ? RandomAccessConfig.NONE
                    // Often a single preamble and a single transmission, so attempts fail with ACCESS_FAILED.
                    : new RandomAccessConfig(uniform(random, 0.01, 0.1), random.nextBoolean() ? 1 : 1 + random.nextInt(8),
                            1 + random.nextInt(8), random.nextBoolean() ? 1 : 1 + random.nextInt(5));
            air = air.withLinks(air.uplink().withCorruption(up), air.downlink().withCorruption(down))
                    .withRandomAccess(access);
            stations.set(i, new StationConfig(station.id(), station.channels(), station.storageCapacityBytes(), air,
                    station.clearAfterDownload(), station.outages(), station.retentionSeconds()));
            summary.append(String.format(Locale.ROOT, "; bs-%d: corruption up %.3f (undetected %.2f) down %.3f"
                    + " (undetected %.2f), %s", i, up.probability(), up.undetectedProbability(), down.probability(),
                    down.undetectedProbability(), access.equals(RandomAccessConfig.NONE) ? "no random access"
                            : String.format(Locale.ROOT, "random access slot %.3f s, %d preambles, back-off %d,"
                                    + " %d transmissions", access.slotSeconds(), access.preambles(),
                                    access.backoffWindowSlots(), access.maxAttempts())));
        }
        // Chunks and resume, drawn last for the same reason.
        ChunkConfig chunks = random.nextBoolean() ? ChunkConfig.WHOLE_OBJECT
                // Sometimes a multiple of the payload, sometimes not (chunks framed on their own).
                : ChunkConfig.of(random.nextBoolean() ? (long) payloadBytes * (1 + random.nextInt(6))
                        : (long) Math.max(1, payloadBytes * uniform(random, 0.3, 5.0)), random.nextInt(4));
        ResumeConfig resume = ResumeConfig.OFF;
        if (random.nextBoolean()) {
            double backoff = uniform(random, 0.0, 5.0);
            resume = new ResumeConfig(2 + random.nextInt(4), backoff, uniform(random, 1.0, 3.0),
                    backoff * uniform(random, 1.0, 4.0), random.nextDouble(), random.nextBoolean(),
                    uniform(random, 0.0, 120.0));
        }
        protocol = protocol.withChunks(chunks).withResume(resume);
        summary.append(String.format(Locale.ROOT, "; chunks %d B repair rounds %d; resume %s", chunks.chunkBytes(),
                chunks.repairRounds(), resume));
        // SIM-keyed proofs for half the challenge-response seeds, drawn last for the same reason.
        if (random.nextBoolean() && mode == AuthMode.CHALLENGE_RESPONSE) {
            protocol = protocol.withAuth(new AuthConfig(AuthMode.SIM_KEYED, auth.maxFailedAttempts(),
                    auth.lockoutSeconds()));
            summary.append("; SIM-keyed proofs");
        }
        // Retries of blocked and access-failed attempts for half the seeds that reconnect, drawn last too.
        if (resume.reconnects() && random.nextBoolean()) {
            protocol = protocol.withResume(resume.withRetryAccess(true));
            summary.append("; blocked and access-failed attempts retried");
        }
        // The network's configuration space (issue 13), drawn last for the same reason: shared cells in
        // about half the stations, relocated restores and the restore rule.
        for (int i = 0; i < stationCount; i++) {
            if (random.nextBoolean()) {
                stations.set(i, shared(random, stations.get(i), frameSeconds, summary));
            }
        }
        if (stationCount > 1 && random.nextBoolean()) {
            workload = workload.withRelocation(new Relocation.SameCell(random.nextDouble()));
        }
        workload = workload.withRestoreAfter(random.nextBoolean() ? RestoreAfter.ANY : RestoreAfter.SUCCESS);
        summary.append(String.format(Locale.ROOT, "; restores %s after %s", workload.relocation(),
                workload.restoreAfter()));
        // Peer fetch in about half the multi-station scenarios, drawn last of all for the same reason.
        StorageMode.Station storage = new StorageMode.Station();
        if (stationCount > 1 && random.nextBoolean()) {
            storage = new StorageMode.Station(Optional.of(peerFetch(random, runLength, summary)));
        }
        return new InvariantScenario(seed, stations, protocol, workload, runLength, summary.toString(), storage);
    }

    /**
     * Every station's backhaul under peer fetch: 100 kbit/s to 1 Gbit/s, a delay of 0.1 ms to 0.1 s, loss
     * (up to 0.2, repaired after 2-6 delays) in half the draws, outages as a station's.
     */
    private static BackhaulConfig peerFetch(Random random, double runLength, StringBuilder summary) {
        double rate = new double[] {1e5, 1e6, 1e8, 1e9}[random.nextInt(4)];
        double delay = uniform(random, 0.0001, 0.1);
        BackhaulConfig backhaul = BackhaulConfig.lossless(rate, delay);
        if (random.nextBoolean()) {
            backhaul = backhaul.withLoss(uniform(random, 0, 0.2), 2 * delay * uniform(random, 1.0, 3.0));
        }
        StringBuilder outages = new StringBuilder();
        OutageConfig drawn = outages(random, runLength, outages); // a link stores nothing: its flag is moot
        backhaul = backhaul.withOutages(new OutageConfig(drawn.scheduled(), drawn.meanUpSeconds(),
                drawn.meanDownSeconds(), true));
        summary.append(String.format(Locale.ROOT, "; peer fetch over %.0f bit/s, %.4f s, loss %.3f, %s", rate, delay,
                backhaul.lossProbability(), outages));
        return backhaul;
    }

    /**
     * {@code station} on a shared cell: processor sharing or round robin over intervals of 0.05 to 2 frame
     * times, each direction's capacity 0.5 to 4 times its links' rate (the links' rate caps one terminal,
     * so below 1 a terminal alone is slowed by the cell), and a cap of 1 to 12 connected terminals.
     */
    private static StationConfig shared(Random random, StationConfig station, double frameSeconds,
            StringBuilder summary) {
        AirInterface air = station.airInterface();
        SchedulingPolicy policy = random.nextBoolean() ? new ProcessorSharing()
                : new RoundRobin(frameSeconds * uniform(random, 0.05, 2.0));
        CellCapacity.Shared capacity = new CellCapacity.Shared(
                air.uplink().rateBitsPerSecond() * uniform(random, 0.5, 4.0),
                air.downlink().rateBitsPerSecond() * uniform(random, 0.5, 4.0), policy);
        int cap = 1 + random.nextInt(12);
        summary.append(String.format(Locale.ROOT, "; %s: shared %.0f / %.0f bit/s by %s, %d terminals", station.id(),
                capacity.uplinkBitsPerSecond(), capacity.downlinkBitsPerSecond(), policy, cap));
        return new StationConfig(station.id(), cap, station.storageCapacityBytes(), air.withCapacity(capacity),
                station.clearAfterDownload(), station.outages(), station.retentionSeconds());
    }

    /** No corruption in about half the links; otherwise up to 0.2, undetected 0 to 1 (sometimes exactly). */
    private static Corruption corruption(Random random) {
        if (random.nextBoolean()) {
            return Corruption.NONE;
        }
        double probability = uniform(random, 0.0, 0.2);
        double undetected = switch (random.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            default -> random.nextDouble();
        };
        return new Corruption(probability, undetected);
    }

    /**
     * No outages in about half the stations; otherwise 1-3 scheduled periods of 10-100 s spread over
     * the run, random outages (mean up time 0.1-1.5 run lengths, mean down time 10-100 s), or both,
     * with persistent or volatile storage.
     */
    private static OutageConfig outages(Random random, double runLength, StringBuilder summary) {
        if (random.nextBoolean()) {
            summary.append("no outages");
            return OutageConfig.NONE;
        }
        int kind = random.nextInt(3); // 0 scheduled, 1 random, 2 both
        boolean persistent = random.nextBoolean();
        List<OutageConfig.DownPeriod> scheduled = new ArrayList<>();
        if (kind != 1) {
            int periods = 1 + random.nextInt(3);
            double from = 0;
            for (int p = 0; p < periods; p++) {
                double start = from + uniform(random, 0, runLength / periods);
                double end = start + uniform(random, 10, 100);
                scheduled.add(new OutageConfig.DownPeriod(start, end));
                from = end;
            }
        }
        double meanUp = kind == 0 ? Double.POSITIVE_INFINITY : runLength * uniform(random, 0.1, 1.5);
        double meanDown = kind == 0 ? 1.0 : uniform(random, 10, 100);
        summary.append("outages");
        scheduled.forEach(p -> summary.append(String.format(Locale.ROOT, " %.1f-%.1f s", p.startSeconds(),
                p.endSeconds())));
        if (kind != 0) {
            summary.append(String.format(Locale.ROOT, " random up %.0f s / down %.0f s", meanUp, meanDown));
        }
        summary.append(persistent ? " persistent" : " volatile");
        return new OutageConfig(scheduled, meanUp, meanDown, persistent);
    }

    private static LossModel loss(Random random, StringBuilder summary, String direction) {
        switch (random.nextInt(3)) {
            case 0 -> {
                summary.append(direction).append(" no loss ");
                return NoLoss.INSTANCE;
            }
            case 1 -> {
                BernoulliLoss loss = new BernoulliLoss(uniform(random, 0.0, 0.3));
                summary.append(String.format(Locale.ROOT, "%s Bernoulli %.3f ", direction, loss.lossProbability()));
                return loss;
            }
            default -> {
                // Bad-state share at most 0.15 / (0.15 + 0.3) = 1/3, so the loss rate stays near 0.3 or below.
                GilbertElliottLoss loss = new GilbertElliottLoss(uniform(random, 0.01, 0.15),
                        uniform(random, 0.3, 0.8), uniform(random, 0.0, 0.05), uniform(random, 0.3, 1.0));
                summary.append(String.format(Locale.ROOT, "%s Gilbert-Elliott %.3f ", direction,
                        loss.stationaryLossProbability()));
                return loss;
            }
        }
    }

    private static double uniform(Random random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /**
     * A calm scenario for checking the checker: one station on a clean link with ample storage that
     * clears after download, two subscribers who back up every few seconds and all restore, no typos.
     */
    static InvariantScenario calm(long seed) {
        StationConfig station = StationConfig.of("bs-0", 4, 1_000_000_000L, ModelHarness.CLEAN_AIR);
        WorkloadConfig workload = new WorkloadConfig(2, 0.5, new Distribution.Fixed(2_000), 100, 1.0,
                new Distribution.Exponential(5), 0.0, RestoreAfter.ANY);
        return new InvariantScenario(seed, List.of(station), ModelHarness.PROTOCOL, workload, 120, "calm");
    }

    /**
     * The {@link #calm} scenario at a station that does not clear, whose volatile store keeps copies
     * {@value #CALM_RETENTION_SECONDS} s and which is down from 60 to 75 s: copies expire and are lost,
     * flows end with STATION_DOWN.
     */
    static InvariantScenario calmWithOutageAndRetention(long seed) {
        InvariantScenario calm = calm(seed);
        StationConfig station = calm.stations().get(0)
                .withOutages(OutageConfig.scheduled(List.of(new OutageConfig.DownPeriod(60, 75)), false))
                .withRetentionSeconds(CALM_RETENTION_SECONDS)
                .withClearAfterDownload(false);
        return new InvariantScenario(seed, List.of(station), calm.protocol(), calm.workload(),
                calm.runLengthSeconds(), "calm, no clearing, down 60-75 s (volatile), retention "
                        + CALM_RETENTION_SECONDS + " s");
    }

    static final double CALM_RETENTION_SECONDS = 6.0;

    /**
     * The {@link #calm} scenario on two such stations under peer fetch over clean 10 Mbit/s backhauls of
     * 5 ms, every restore at the other station: each download fetches its copy from the holder and clears
     * it there after the flow ended.
     */
    static InvariantScenario calmWithPeerFetch(long seed) {
        InvariantScenario calm = calm(seed);
        StationConfig station = calm.stations().get(0);
        StationConfig other = new StationConfig("bs-1", station.channels(), station.storageCapacityBytes(),
                station.airInterface(), true);
        return new InvariantScenario(seed, List.of(station, other), calm.protocol(),
                calm.workload().withRelocation(new Relocation.SameCell(0.0)), calm.runLengthSeconds(),
                "calm, two stations, every restore at the other under peer fetch",
                new StorageMode.Station(Optional.of(BackhaulConfig.lossless(1e7, 0.005))));
    }

    /**
     * The same scenario on shared cells: each station's uplink and downlink share 1.5 times the rate of its
     * links (each terminal capped at that rate) by {@code policy}, so a connection alone runs at its link's
     * rate and two or more slow each other down.
     */
    InvariantScenario shared(SchedulingPolicy policy) {
        List<StationConfig> shared = new ArrayList<>();
        for (StationConfig station : stations) {
            AirInterface air = station.airInterface();
            CellCapacity capacity = new CellCapacity.Shared(1.5 * air.uplink().rateBitsPerSecond(),
                    1.5 * air.downlink().rateBitsPerSecond(), policy);
            shared.add(new StationConfig(station.id(), station.channels(), station.storageCapacityBytes(),
                    air.withCapacity(capacity), station.clearAfterDownload(), station.outages(),
                    station.retentionSeconds()));
        }
        return new InvariantScenario(seed, shared, protocol, workload, runLengthSeconds,
                summary + "; shared by " + SchedulingPolicies.nameOf(policy), storage);
    }

    /** The simulation of this scenario (one replication), observed by {@code checker}. */
    Simulation simulation(InvariantChecker checker) {
        return builder(checker).build();
    }

    /** A builder of {@link #simulation}, for tests that add listeners or scripts of their own. */
    Simulation.Builder builder(InvariantChecker checker) {
        Simulation.Builder builder = Simulation.builder()
                .protocol(protocol)
                .workload(workload)
                .runLengthSeconds(runLengthSeconds)
                .seed(seed)
                .storage(storage)
                .engine(checker.engine())
                .flowListener(checker)
                .airListener(checker)
                .authListener(checker.authListener())
                .script(checker::attach);
        checker.expectProtocol(protocol);
        checker.expectWorkload(workload);
        checker.expectStorage(storage);
        stations.forEach(builder::station);
        return builder;
    }
}
