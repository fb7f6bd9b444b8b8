package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.simulation.Simulation;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.WorkloadCounts;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.Relocation;
import io.radiolink.workload.RestoreAfter;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Uniform relocation over N cells: a restore starts at another cell than its backup's with probability
 * 1 - 1/N, whether the uniform choice is {@code sameCell} with probability 1/N or the matrix whose every
 * entry is 1/N. Each restore's station is one independent draw, and whether a restore is counted (its
 * download started in the window; every flow ends, the run drains) does not depend on that draw, so the
 * cross-cell count of the restores pooled over the replications is binomial. A check: the Wilson score
 * interval of that share, at the family's per-check confidence ({@link FamilyWise}), contains 1 - 1/N.
 * Precision condition (not a check): the interval's half-width is below 0.02.
 */
final class RelocationValidationTest {

    /** The statistical checks: one per uniform model. */
    static final int CHECKS = 2;

    private static final LinkConfig LINK = new LinkConfig(1_000_000, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);

    @Test
    void sameCellWithProbabilityOneOverN_fourCells_crossCellShareThreeQuarters() {
        int cells = 4;
        checkCrossCellShare(new Relocation.SameCell(1.0 / cells), cells, 4001);
    }

    @Test
    void matrixOfOneOverN_threeCells_crossCellShareTwoThirds() {
        int cells = 3;
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            rows.add(Collections.nCopies(cells, 1.0 / cells));
        }
        checkCrossCellShare(new Relocation.Matrix(rows), cells, 4002);
    }

    private static void checkCrossCellShare(Relocation model, int cells, long seed) {
        Simulation.Builder builder = Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.2, 5), new ControlConfig(0.5, 3)))
                .airInterface(AIR)
                .workload(WorkloadConfig.backupsOnly(1_000_000, 0.5, new Distribution.Fixed(2_000))
                        .withRestores(1.0, new Distribution.Exponential(20))
                        .withRestoreAfter(RestoreAfter.ANY)
                        .withRelocation(model))
                .runLengthSeconds(2_000)
                .replications(4)
                .seed(seed);
        for (int i = 0; i < cells; i++) {
            builder.station("bs-" + i, 50, Long.MAX_VALUE);
        }
        ExperimentSummary summary = ExperimentSummary.of(builder.build().run(2).replications());
        WorkloadCounts counts = summary.workload();
        long n = counts.sameCellRestores().restores() + counts.crossCellRestores().restores();
        assertEquals(summary.flowsOf(FlowKind.DOWNLOAD).counts().flows(), n, "every download is a counted restore");
        double expected = 1 - 1.0 / cells;
        double[] interval = wilson(counts.crossCellRestores().restores(), n, FamilyWise.perCheckConfidence());
        assertTrue(interval[0] <= expected && expected <= interval[1], "cross-cell share "
                + counts.crossCellShare() + " of " + n + " restores, interval [" + interval[0] + ", " + interval[1]
                + "], expected " + expected);
        assertTrue(interval[1] - interval[0] < 0.04, "the interval is narrow enough to mean something: ["
                + interval[0] + ", " + interval[1] + "]");
    }

    /** The Wilson score interval of a binomial share, {@code successes} of {@code n}, at {@code confidence}. */
    static double[] wilson(long successes, long n, double confidence) {
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = (double) successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
        return new double[] {centre - half, centre + half};
    }
}
