package io.radiolink.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.radio.InvalidFieldException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The relocation models: which station a restore starts at, what they draw, what they refuse. */
final class RelocationTest {

    /** A stream that fails the test if drawn from. */
    private static final RandomGenerator NEVER_DRAWN = () -> {
        throw new AssertionError("drew from the relocation stream");
    };

    /** A stream whose every draw is {@code u}. */
    private static RandomGenerator always(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only nextDouble is expected");
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    @Test
    void sameCell_default_homeStationAndNothingDrawn() {
        for (int home = 0; home < 5; home++) {
            assertEquals(home, WorkloadConfig.DEFAULT_RELOCATION.restoreStation(home, 5, NEVER_DRAWN));
        }
    }

    @Test
    void sameCell_oneStation_homeStationAndNothingDrawn() {
        assertEquals(0, new Relocation.SameCell(0.0).restoreStation(0, 1, NEVER_DRAWN));
    }

    @Test
    void sameCell_drawBelowProbability_homeStation() {
        assertEquals(2, new Relocation.SameCell(0.25).restoreStation(2, 4, always(0.2499)));
    }

    @Test
    void sameCell_drawAboveProbability_othersInOrderSkippingHome() {
        Relocation.SameCell model = new Relocation.SameCell(0.25);
        // The other stations of home 1 among 4 are 0, 2, 3, each a quarter of [0.25, 1).
        assertEquals(0, model.restoreStation(1, 4, always(0.25)));
        assertEquals(2, model.restoreStation(1, 4, always(0.5)));
        assertEquals(3, model.restoreStation(1, 4, always(0.75)));
        assertEquals(3, model.restoreStation(1, 4, always(Math.nextDown(1.0))));
    }

    @Test
    void sameCell_probabilityZero_neverHome() {
        Relocation.SameCell model = new Relocation.SameCell(0.0);
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 10_000; i++) {
            assertNotEquals(3, model.restoreStation(3, 7, random));
        }
    }

    @Test
    void sameCell_probabilityOutsideUnitInterval_refused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> new Relocation.SameCell(1.5));
        assertEquals("probability", e.field());
    }

    @Test
    void matrix_draw_columnOfTheCumulativeRow() {
        Relocation.Matrix model = new Relocation.Matrix(List.of(List.of(0.5, 0.5, 0.0), List.of(0.0, 0.0, 1.0),
                List.of(0.2, 0.3, 0.5)));
        assertEquals(0, model.restoreStation(0, 3, always(0.4999)));
        assertEquals(1, model.restoreStation(0, 3, always(0.5)));
        assertEquals(2, model.restoreStation(1, 3, always(0.0)));
        assertEquals(0, model.restoreStation(2, 3, always(0.1)));
        assertEquals(1, model.restoreStation(2, 3, always(0.3)));
        assertEquals(2, model.restoreStation(2, 3, always(0.9)));
    }

    @Test
    void matrix_rowSummingToAHairBelowOne_restGoesToItsLastPositiveColumn() {
        double third = 1.0 / 3;
        Relocation.Matrix model = new Relocation.Matrix(List.of(List.of(third, third, third - 1e-12),
                List.of(0.0, 1.0, 0.0), List.of(0.0, 0.0, 1.0)));
        assertEquals(2, model.restoreStation(0, 3, always(Math.nextDown(1.0))));
    }

    @Test
    void matrix_rowNotSummingToOne_refusedNamingRows() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> new Relocation.Matrix(List.of(List.of(0.5, 0.4), List.of(0.0, 1.0))));
        assertEquals("rows", e.field());
        assertTrue(e.problem().contains("row 0 must sum to 1"), e.problem());
    }

    @Test
    void matrix_notSquare_refused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> new Relocation.Matrix(List.of(List.of(1.0), List.of(0.0, 1.0))));
        assertTrue(e.problem().contains("must be square"), e.problem());
    }

    @Test
    void matrix_negativeEntry_refused() {
        assertThrows(InvalidFieldException.class,
                () -> new Relocation.Matrix(List.of(List.of(1.5, -0.5), List.of(0.0, 1.0))));
    }

    @Test
    void matrix_otherNumberOfStations_refused() {
        Relocation.Matrix model = new Relocation.Matrix(List.of(List.of(1.0, 0.0), List.of(0.0, 1.0)));
        model.requireStations(2);
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> model.requireStations(3));
        assertTrue(e.problem().contains("2 rows, 3 stations"), e.problem());
    }
}
