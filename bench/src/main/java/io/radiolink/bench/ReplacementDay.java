package io.radiolink.bench;

import io.radiolink.engine.Engine;
import io.radiolink.node.StationConfig;
import io.radiolink.profile.Profile;
import io.radiolink.simulation.Simulation;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;

/**
 * A device-replacement day for a city: {@code terminals} subscribers over 100 LTE base stations (8
 * channels each), every subscriber backing up about once a day (Poisson arrivals), data of 150 kB on
 * average (log-normal, sd 100 kB), a third of them restoring onto a new phone 0.5 to 4 hours later, 1 %
 * mistyped passwords: the shape of {@code scenarios/examples/city-replacement-day.json}, scaled by
 * the number of terminals.
 */
final class ReplacementDay {

    static final int STATIONS = 100;
    static final double DAY_SECONDS = 86_400;

    private ReplacementDay() {}

    /** The simulation of one such day (one replication) on {@code engine}. */
    static Simulation simulation(int terminals, Engine engine, long seed) {
        return simulation(terminals, engine, seed, 1);
    }

    /** The simulation of {@code replications} such days on {@code engine}. */
    static Simulation simulation(int terminals, Engine engine, long seed, int replications) {
        return builder(terminals, engine, seed, replications).build();
    }

    /** The builder of {@link #simulation(int, Engine, long, int)}, for a setting more. */
    static Simulation.Builder builder(int terminals, Engine engine, long seed, int replications) {
        int perStation = Math.max(1, terminals / STATIONS);
        Simulation.Builder builder = Simulation.builder()
                .profile(Profile.LTE)
                .workload(new WorkloadConfig(perStation, perStation / DAY_SECONDS,
                        Distribution.LogNormal.ofMeanAndStdDev(150_000, 100_000), 1_000, 0.33,
                        new Distribution.Uniform(1_800, 14_400), 0.01, RestoreAfter.ANY))
                .runLengthSeconds(DAY_SECONDS)
                .warmupSeconds(0)
                .seed(seed)
                .replications(replications)
                .engine(engine);
        for (int i = 0; i < STATIONS; i++) {
            builder.station(StationConfig.of(String.format("cell-%03d", i), 8, 1L << 40,
                    Profile.LTE.airInterface()));
        }
        return builder;
    }
}
