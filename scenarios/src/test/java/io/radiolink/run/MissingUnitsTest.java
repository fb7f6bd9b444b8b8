package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The missing units as ranges, in the one line that merge and status print. */
final class MissingUnitsTest {

    /** Every slot of {@code points} x {@code replications} present but {@code missing} (pairs of point, replication). */
    private static MissingUnits without(int points, int replications, int... missing) {
        BitSet present = new BitSet();
        present.set(0, points * replications);
        for (int i = 0; i < missing.length; i += 2) {
            present.clear(missing[i] * replications + missing[i + 1]);
        }
        return MissingUnits.of(points, replications, present);
    }

    @Test
    void of_consecutiveReplicationsOfAPoint_oneRange() {
        MissingUnits missing = without(3, 10, 0, 3, 0, 4, 0, 5, 2, 7, 2, 9);
        assertEquals(List.of(new MissingUnits.Range(0, 3, 5), new MissingUnits.Range(2, 7, 7),
                new MissingUnits.Range(2, 9, 9)), missing.ranges());
        assertEquals(5, missing.count());
        assertEquals("missing 5 units: point 0 replications 3..5, point 2 replication 7, point 2 replication 9",
                missing.message());
        assertEquals("7, 9", missing.replicationsOf(2));
        assertEquals(2, missing.countOf(2));
        assertEquals("", missing.replicationsOf(1));
    }

    @Test
    void of_aRangeDoesNotRunIntoTheNextPoint() {
        MissingUnits missing = without(2, 3, 0, 1, 0, 2, 1, 0, 1, 1);
        assertEquals("missing 4 units: point 0 replications 1..2, point 1 replications 0..1", missing.message());
    }

    @Test
    void of_nothingPresent_eachPointOneRange() {
        MissingUnits missing = MissingUnits.of(2, 1000, new BitSet());
        assertEquals("missing 2,000 units: point 0 replications 0..999, point 1 replications 0..999", missing.message());
    }

    @Test
    void message_moreThanTenRanges_tenThenACount() {
        int[] every = new int[2 * 13];
        for (int k = 0; k < 13; k++) {
            every[2 * k] = 1;
            every[2 * k + 1] = 2 * k;
        }
        assertEquals("missing 13 units: point 1 replication 0, point 1 replication 2, point 1 replication 4, point 1"
                + " replication 6, point 1 replication 8, point 1 replication 10, point 1 replication 12, point 1"
                + " replication 14, point 1 replication 16, point 1 replication 18, and 3 more ranges",
                without(2, 30, every).message());
        assertTrue(without(1, 22, 0, 0, 0, 2, 0, 4, 0, 6, 0, 8, 0, 10, 0, 12, 0, 14, 0, 16, 0, 18, 0, 20).message()
                .endsWith(", and 1 more range"));
    }

    @Test
    void of_nothingMissing_empty() {
        MissingUnits none = without(2, 2);
        assertTrue(none.isEmpty());
        assertEquals(0, none.count());
        assertEquals("missing no units", none.message());
        assertEquals("missing 1 unit: point 1 replication 1", without(2, 2, 1, 1).message());
    }
}
