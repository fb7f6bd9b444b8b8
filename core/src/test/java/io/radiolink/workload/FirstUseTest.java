package io.radiolink.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each variant of the configuration's sealed families can be the first class of its family a JVM
 * initialises. In-process tests cannot show it (the suite has long initialised every class), so each
 * case runs in a fresh JVM. A constant of an interface built from one of its own records was such a
 * cycle: initialising {@code Relocation.SameCell} first initialised {@code Relocation}, which built a
 * {@code SameCell} before the record's range existed, and every later use failed.
 */
final class FirstUseTest {

    /** Initialises the class named by its argument and exits 0, or exits 1 with the error. */
    public static void main(String[] args) {
        try {
            Class.forName(args[0], true, FirstUseTest.class.getClassLoader());
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "io.radiolink.workload.Relocation$SameCell", "io.radiolink.workload.Relocation$Matrix",
        "io.radiolink.workload.Relocation", "io.radiolink.workload.WorkloadConfig",
        "io.radiolink.workload.Distribution$Fixed", "io.radiolink.workload.Distribution$Exponential",
        "io.radiolink.radio.BernoulliLoss", "io.radiolink.radio.GilbertElliottLoss", "io.radiolink.radio.NoLoss",
        "io.radiolink.radio.share.ProcessorSharing", "io.radiolink.radio.share.RoundRobin",
        "io.radiolink.backhaul.BackhaulConfig", "io.radiolink.node.OutageConfig",
        "io.radiolink.protocol.ResumeConfig", "io.radiolink.protocol.StorageMode$Station",
        "io.radiolink.protocol.StorageMode$Network", "io.radiolink.protocol.StorageMode$Attachment",
        "io.radiolink.protocol.StorageMode", "io.radiolink.simulation.SimulationConfig",
        "io.radiolink.radio.CellCapacity$Dedicated", "io.radiolink.radio.CellCapacity$Shared",
        "io.radiolink.radio.CellCapacity", "io.radiolink.radio.AirInterface"})
    void initialise_asTheFirstClassOfAFreshJvm_succeeds(String name) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FirstUseTest.class.getName(), name).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), name + " failed to initialise first:\n" + output);
    }
}
