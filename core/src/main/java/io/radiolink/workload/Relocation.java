package io.radiolink.workload;

import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where a generated user's replacement phone restores, as configuration: the closed set of relocation
 * models a scenario can name. A model maps the index of the station that took the backup (the home
 * station) to the index of the station the restore starts at, drawing from the workload's
 * {@code relocation} stream at most once per restore decided.
 */
public sealed interface Relocation {

    /**
     * The index of the station a restore of a backup taken at station {@code home} starts at.
     *
     * @param home the home station's index, in [0, {@code stations})
     * @param stations the number of stations of the model, >= 1
     * @param random the stream to draw from; a model that needs no draw leaves it untouched
     */
    int restoreStation(int home, int stations, RandomGenerator random);

    /**
     * Checks that the model can place restores among {@code stations} stations.
     *
     * @throws InvalidFieldException if it cannot (a matrix of another size)
     */
    default void requireStations(int stations) {}

    /**
     * The home station with probability {@code probability}, else one of the other stations, uniformly;
     * with one station, always the home station. Draws nothing if {@code probability} is 1 (or there is one
     * station), else one uniform number per restore.
     *
     * @param probability the chance of restoring at the home station, in [0, 1]
     */
    record SameCell(double probability) implements Relocation {
        /** The probabilities. */
        public static final Range PROBABILITY = Range.probability();

        /** Validates the probability. */
        public SameCell {
            PROBABILITY.check("probability", probability);
        }

        @Override
        public int restoreStation(int home, int stations, RandomGenerator random) {
            if (probability == 1.0 || stations == 1) {
                return home;
            }
            // One draw decides both: below q the home station, above it one of the N - 1 others, uniformly.
            double u = random.nextDouble();
            if (u < probability) {
                return home;
            }
            int other = Math.min(stations - 2, (int) ((u - probability) / (1.0 - probability) * (stations - 1)));
            return other < home ? other : other + 1;
        }
    }

    /**
     * A given matrix: row {@code i} is the distribution of the restore's station given home station
     * {@code i}, column {@code j} the chance of station {@code j}. Draws one uniform number per restore.
     *
     * @param rows square, one row per station; every entry in [0, 1], every row summing to 1 within
     *     {@value #ROW_SUM_TOLERANCE}
     */
    record Matrix(List<List<Double>> rows) implements Relocation {
        /** How far a row's sum may be from 1. */
        public static final double ROW_SUM_TOLERANCE = 1e-9;
        /** The entries. */
        public static final Range ENTRY = Range.probability();
        /** What {@code rows} accepts. */
        public static final String ALLOWED = "a square matrix of numbers in [0, 1], one row per station, each row"
                + " summing to 1 within " + ROW_SUM_TOLERANCE;

        /** Copies the rows and validates them. */
        public Matrix {
            List<List<Double>> copy = new ArrayList<>();
            if (rows.isEmpty()) {
                throw new InvalidFieldException("rows", "[]", "must hold at least one row", ALLOWED);
            }
            for (int i = 0; i < rows.size(); i++) {
                List<Double> row = List.copyOf(rows.get(i));
                if (row.size() != rows.size()) {
                    throw new InvalidFieldException("rows", String.valueOf(row), "must be square: row " + i + " has "
                            + row.size() + " entries, there are " + rows.size() + " rows", ALLOWED);
                }
                double sum = 0;
                for (int j = 0; j < row.size(); j++) {
                    ENTRY.check("rows", row.get(j));
                    sum += row.get(j);
                }
                if (!(Math.abs(sum - 1.0) <= ROW_SUM_TOLERANCE)) {
                    throw new InvalidFieldException("rows", String.valueOf(row), "row " + i + " must sum to 1 within "
                            + ROW_SUM_TOLERANCE + ", sums to " + sum, ALLOWED);
                }
                copy.add(row);
            }
            rows = List.copyOf(copy);
        }

        @Override
        public void requireStations(int stations) {
            if (rows.size() != stations) {
                throw new InvalidFieldException("rows", rows.size() + " rows", "must have one row and one column per"
                        + " station: " + rows.size() + " rows, " + stations + " stations", ALLOWED);
            }
        }

        @Override
        public int restoreStation(int home, int stations, RandomGenerator random) {
            List<Double> row = rows.get(home);
            double u = random.nextDouble();
            double cumulative = 0;
            int last = home;
            for (int j = 0; j < row.size(); j++) {
                if (row.get(j) > 0) {
                    cumulative += row.get(j);
                    last = j;
                    if (u < cumulative) {
                        return j;
                    }
                }
            }
            // A row summing to a hair below 1: the rest goes to its last station with a positive chance.
            return last;
        }
    }
}
