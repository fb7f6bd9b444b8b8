package io.radiolink.bench;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.BackupService;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.NoLoss;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.random.RandomStreams;
import io.radiolink.simulation.FlowRecords;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transfer path on a shared cell, end to end: {@code users} backups of {@code bytes} each started at once
 * at one station whose cell shares 50 Mbit/s uplink and 150 Mbit/s downlink by processor sharing or round
 * robin over 1 ms intervals, on the lean engine: the LTE profile's links and protocol, made clean, never
 * failing a set-up and never dropping, and each terminal capped at the cell's capacity (with the
 * profile's 5 Mbit/s, round robin, which gives each interval to one terminal, would leave nine tenths of
 * every uplink interval unused and the run would mostly measure idle turns). Every data frame, acknowledgement and control
 * message goes through the cell's directions; with 100 users each is served at a hundredth of the
 * uplink, and the LTE window (512 frames) puts each whole object in its queue at once. One invocation is
 * one whole run; the secondary score {@code dataFrames} ({@link TransferBenchmark.Frames}) is the simulated data frames per wall-clock second
 * (the target: 1 M with 100 active users).
 *
 * <p>(Not named {@code SharedTransferBenchmark}: JMH's include is a pattern, and {@code TransferBenchmark}
 * would run it too.)
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar SharedAirBenchmark -prof gc}. Quick
 * profile: {@code java -jar bench/target/benchmarks.jar SharedAirBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class SharedAirBenchmark {

    /** The cell's uplink capacity, and each terminal's cap. */
    static final double UPLINK_BITS_PER_SECOND = 50e6;
    /** The cell's downlink capacity, and each terminal's cap. */
    static final double DOWNLINK_BITS_PER_SECOND = 150e6;

    /** Active users: backups started at once. */
    @Param({"100"})
    public int users;

    /** Bytes of user data per backup (256 KiB: 188 frames of 1,400 bytes). */
    @Param({"262144"})
    public long bytes;

    /** {@code processorSharing} or {@code roundRobin} (1 ms intervals). */
    @Param({"processorSharing", "roundRobin"})
    public String policy;

    private StationConfig station;

    /** Builds the configuration. */
    @Setup(Level.Trial)
    public void configure() {
        AirInterface profile = Profile.LTE.airInterface();
        AirInterface lte = profile.withMeanTimeToFailureSeconds(Double.POSITIVE_INFINITY).withLossModel(NoLoss.INSTANCE)
                .withSetup(profile.setupDelaySeconds(), 0.0)
                .withLinks(profile.uplink().withRateBitsPerSecond(UPLINK_BITS_PER_SECOND),
                        profile.downlink().withRateBitsPerSecond(DOWNLINK_BITS_PER_SECOND));
        CellCapacity shared = new CellCapacity.Shared(UPLINK_BITS_PER_SECOND, DOWNLINK_BITS_PER_SECOND,
                policy.equals("roundRobin") ? new RoundRobin(0.001) : new ProcessorSharing());
        station = StationConfig.of("bs", users, Long.MAX_VALUE, lte.withCapacity(shared));
    }

    /** {@code users} backups at once, to their ends. */
    @Benchmark
    public long backups(TransferBenchmark.Frames frames) {
        long[] sent = {0};
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            BaseStation bs = new BaseStation(station, scheduler, new RandomStreams(7, 0));
            BackupService service = new BackupService(scheduler, Profile.LTE.protocolConfig(),
                    new FlowRecords(new FlowListener() {
                        @Override
                        public void flowEnded(Flow flow, FlowRecord record) {
                            sent[0] += TransferBenchmark.dataFramesOfSuccess(record);
                        }
                    }, scheduler::nowSeconds));
            for (int i = 0; i < users; i++) {
                Terminal phone = new Terminal(PhoneNumber.of(String.format("0100%04d", i)),
                        UserData.synthetic(bytes, 100, i));
                phone.enterMaintenancePassword("4711");
                service.terminals().startBackup(phone, bs);
            }
        });
        frames.dataFrames += sent[0];
        return sent[0];
    }
}
