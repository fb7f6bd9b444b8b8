package io.radiolink.bench;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.UnitResult;
import io.radiolink.run.unit.RecordCodec;
import io.radiolink.run.unit.UnitFormatException;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
 * The unit codec's cost (docs/runs.md, section 1): encoding and decoding one unit of an example scenario,
 * {@code loss-sweep} (the README's example) point 0 at full length, replication 0 (which records its
 * flows, as every run's replication 0 does) or 1 (without flows, as the other replications of a run
 * without {@code --all-flows}). The set-up prints the payload's size (the file adds 100 bytes of header
 * and checksum).
 *
 * <p>Full profile: {@code java -jar bench/target/benchmarks.jar UnitCodecCost -prof gc}. Quick profile:
 * {@code java -jar bench/target/benchmarks.jar UnitCodecCost -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}. Run from
 * the repository's root, which holds {@code scenarios/examples/}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class UnitCodecCost {

    /** The example scenario file. */
    @Param({"scenarios/examples/loss-sweep.json"})
    public String example;

    /** The replication of point 0: 0 records its flows, 1 does not. */
    @Param({"0", "1"})
    public int replication;

    private UnitResult unit;
    private byte[] payload;

    /** Runs the unit once and encodes it. */
    @Setup(Level.Trial)
    public void runUnit() throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(Path.of(example), OptionalLong.empty(), OptionalInt.empty());
        unit = ScenarioRunner.runUnit(scenario.points().get(0), replication, scenario.engine(),
                ScenarioRunner.recordsFlows(replication, false));
        payload = RecordCodec.encode(unit);
        System.out.printf(Locale.ROOT, "%n%s point 0 replication %d: %,d payload bytes, %d flows%n", example,
                replication, payload.length, unit.flows().size());
    }

    /** Encodes the unit. */
    @Benchmark
    public byte[] encode() {
        return RecordCodec.encode(unit);
    }

    /** Decodes the unit's payload. */
    @Benchmark
    public UnitResult decode() throws UnitFormatException {
        return RecordCodec.decode(payload);
    }
}
