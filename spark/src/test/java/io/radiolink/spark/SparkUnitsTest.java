package io.radiolink.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.UnitComputationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's rule for a second result of a partition (docs/spark.md, section 3): dropped if equal, refused if not. */
final class SparkUnitsTest {

    @Test
    void firstOf_aSecondResultOfAPartition_droppedIfTheSameBytesRefusedIfNot() {
        List<byte[]> taken = new ArrayList<>(Collections.nCopies(2, null));
        SparkUnits.Indexed first = new SparkUnits.Indexed(1, List.of(new SparkUnits.Computed(new byte[] {1, 2}, 5)));

        assertTrue(SparkUnits.firstOf(taken, first));
        assertFalse(SparkUnits.firstOf(taken, new SparkUnits.Indexed(1, List.of(new SparkUnits.Computed(
                new byte[] {1, 2}, 9)))), "the same unit again (a speculative copy): dropped");
        UnitComputationException differs = assertThrows(UnitComputationException.class, () -> SparkUnits.firstOf(taken,
                new SparkUnits.Indexed(1, List.of(new SparkUnits.Computed(new byte[] {1, 3}, 5)))));
        assertEquals("two attempts of Spark partition 1 computed different units: a nondeterminism in the model,"
                + " reported rather than hidden", differs.getMessage());
        assertTrue(SparkUnits.firstOf(taken, new SparkUnits.Indexed(0, List.of())), "another partition");
    }
}
