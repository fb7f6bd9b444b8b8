package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.UnitSelection.SelectionException;
import io.radiolink.run.UnitSelection.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** Selecting a part's units: the lists of points and replications, the shard, and their one-line refusals. */
final class UnitSelectionTest {

    private static UnitSelection select(int points, int replications, String pointsList, String replicationsList,
            String shard) throws SelectionException {
        return UnitSelection.of(points, replications, Optional.ofNullable(pointsList), Optional.ofNullable(replicationsList),
                Optional.ofNullable(shard));
    }

    private static String refusal(int points, int replications, String pointsList, String replicationsList, String shard) {
        return assertThrows(SelectionException.class, () -> select(points, replications, pointsList, replicationsList,
                shard)).getMessage();
    }

    private static List<Unit> units(int... pairs) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            units.add(new Unit(pairs[i], pairs[i + 1]));
        }
        return units;
    }

    @Test
    void whole_everyUnitPointMajor() {
        UnitSelection whole = UnitSelection.whole(2, 3);
        assertEquals(units(0, 0, 0, 1, 0, 2, 1, 0, 1, 1, 1, 2), whole.units());
        assertEquals(whole.units(), whole.selected());
        assertTrue(whole.isWhole());
        assertEquals("", whole.text());
    }

    @Test
    void of_listsWithRangesDuplicatesAndAnyOrder_theUnitsInUnitOrder() throws SelectionException {
        UnitSelection selection = select(7, 20, "5,0,3..5,3", "19, 10..11,10", null);
        assertEquals(units(0, 10, 0, 11, 0, 19, 3, 10, 3, 11, 3, 19, 4, 10, 4, 11, 4, 19, 5, 10, 5, 11, 5, 19),
                selection.units());
        assertFalse(selection.isWhole());
        assertEquals("--points 5,0,3..5,3 --replications-range 19, 10..11,10", selection.text());
        assertEquals(units(0, 0, 1, 0), select(2, 1, "0..1", "0", null).units());
        assertEquals(units(0, 0, 1, 0), select(2, 1, "00,1", null, null).units());
    }

    @Test
    void of_optionsThatCoverEverything_whole() throws SelectionException {
        UnitSelection all = select(3, 4, "0..2", "3,0..2", "0/1");
        assertTrue(all.isWhole());
        assertEquals(UnitSelection.whole(3, 4).units(), all.units());
        assertEquals("--points 0..2 --replications-range 3,0..2 --shard 0/1", all.text());
    }

    @Test
    void of_shard_everyNthOfTheSelectedUnits() throws SelectionException {
        UnitSelection shard = select(3, 4, "0,2", null, "1/3");
        assertEquals(units(0, 1, 2, 0, 2, 3), shard.units());
        assertEquals(8, shard.selected().size());
        assertEquals("--points 0,2 --shard 1/3", shard.text());
        assertEquals(List.of(), select(1, 2, null, null, "5/9").units(), "a shard that selects nothing is valid");
    }

    @Test
    void of_beyondTheScenario_refusedNamingTheItemAndWhatIsAllowed() {
        assertEquals("--replications-range: 10..19 beyond the scenario's 10 replications; give --replications 20",
                refusal(6, 10, null, "10..19", null));
        assertEquals("--replications-range: 25 beyond the scenario's 10 replications; give --replications 26",
                refusal(6, 10, null, "3,25,12..13", null));
        assertEquals("--points: 6 beyond the scenario's 6 points (0..5)", refusal(6, 10, "0,6", null, null));
        assertEquals("--points: 1 beyond the scenario's 1 point (0..0)", refusal(1, 1, "1", null, null));
    }

    @Test
    void of_malformedList_refusedNamingTheItem() {
        String allowed = "; allowed: comma-separated 0-based indexes and inclusive ranges a..b, e.g. 0,3..5";
        assertEquals("--points: 3.. is neither an index nor a range a..b" + allowed, refusal(6, 2, "3..", null, null));
        assertEquals("--points: a is neither an index nor a range a..b (given \"0,a\")" + allowed,
                refusal(6, 2, "0,a", null, null));
        assertEquals("--replications-range: 5..3 is an empty range (a range a..b needs a <= b)" + allowed,
                refusal(6, 9, null, "5..3", null));
        assertEquals("--replications-range: -1 is neither an index nor a range a..b" + allowed,
                refusal(6, 9, null, "-1", null));
        assertEquals("--points: an empty item (given \"0,,3\")" + allowed, refusal(6, 9, "0,,3", null, null));
        assertEquals("--points: an empty item (given \"1,\")" + allowed, refusal(6, 9, "1,", null, null));
        assertEquals("--points: an empty list" + allowed, refusal(6, 9, "", null, null));
        assertEquals("--points: 99999999999 is beyond any scenario's size" + allowed,
                refusal(6, 9, "99999999999", null, null));
    }

    @Test
    void of_badShard_refusedWithTheFormAllowed() {
        String allowed = "; allowed: i/n with n >= 1 and 0 <= i < n, e.g. 0/10";
        assertEquals("--shard: 1/0 asks for 0 parts" + allowed, refusal(2, 2, null, null, "1/0"));
        assertEquals("--shard: 3/3 names part 3 of 3 (parts are 0 to 2)" + allowed, refusal(2, 2, null, null, "3/3"));
        assertEquals("--shard: x/2 is not of the form i/n" + allowed, refusal(2, 2, null, null, "x/2"));
        assertEquals("--shard: -1/2 is not of the form i/n" + allowed, refusal(2, 2, null, null, "-1/2"));
        SelectionException e = assertThrows(SelectionException.class, () -> select(2, 2, null, null, "2"));
        assertEquals(UnitSelection.SHARD, e.option());
        assertEquals("2", e.given());
    }

    /**
     * The property proved, for n = 1 to 10 over 200 random selections (a seeded random): the n shards of a
     * selection S are disjoint, each in unit order, and together S; and for every point p with m_p units in S,
     * every shard holds floor(m_p / n) or ceil(m_p / n) of them (a point's units are consecutive in S, so any
     * run of m consecutive positions has floor(m / n) or ceil(m / n) positions k with k mod n = i).
     */
    @Test
    void shards_ofRandomSelections_partitionTheSelectionEvenlyPerPoint() throws SelectionException {
        SplittableRandom random = new SplittableRandom(1402L);
        for (int trial = 0; trial < 200; trial++) {
            int points = 1 + random.nextInt(8);
            int replications = 1 + random.nextInt(40);
            String pointsList = random.nextBoolean() ? null : randomList(random, points);
            String replicationsList = random.nextBoolean() ? null : randomList(random, replications);
            List<Unit> selected = select(points, replications, pointsList, replicationsList, null).units();
            for (int n = 1; n <= 10; n++) {
                Set<Unit> union = new HashSet<>();
                int total = 0;
                for (int i = 0; i < n; i++) {
                    UnitSelection shard = select(points, replications, pointsList, replicationsList, i + "/" + n);
                    assertEquals(selected, shard.selected());
                    List<Unit> units = shard.units();
                    assertInUnitOrder(units);
                    union.addAll(units);
                    total += units.size();
                    for (int p = 0; p < points; p++) {
                        int point = p;
                        long inSelection = selected.stream().filter(u -> u.point() == point).count();
                        long inShard = units.stream().filter(u -> u.point() == point).count();
                        assertTrue(inShard == Math.floorDiv(inSelection, n) || inShard == -Math.floorDiv(-inSelection, n),
                                "point " + p + ": " + inShard + " of " + inSelection + " in shard " + i + "/" + n);
                        assertEquals(inShard, shard.unitsOfPoint()[p], "counted as listed, point " + p);
                    }
                    // What is counted and asked without a list agrees with the list.
                    assertEquals(units.size(), shard.size());
                    assertEquals(units.stream().mapToInt(u -> u.slot(replications)).boxed().toList(),
                            shard.slots().boxed().toList());
                    for (int p = 0; p < points; p++) {
                        for (int r = 0; r < replications; r++) {
                            assertEquals(units.contains(new Unit(p, r)), shard.contains(p, r), p + "/" + r);
                        }
                    }
                    assertEquals(units.size() == points * replications, shard.isWhole());
                }
                assertEquals(selected.size(), total, "the shards are disjoint");
                assertEquals(new HashSet<>(selected), union, "the shards cover the selection");
            }
        }
    }

    private static void assertInUnitOrder(List<Unit> units) {
        for (int k = 1; k < units.size(); k++) {
            Unit a = units.get(k - 1);
            Unit b = units.get(k);
            assertTrue(a.point() < b.point() || a.point() == b.point() && a.replication() < b.replication(), a + ", " + b);
        }
    }

    /** One to four items below {@code size}, each an index or a range. */
    private static String randomList(SplittableRandom random, int size) {
        StringJoiner list = new StringJoiner(",");
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            int first = random.nextInt(size);
            list.add(random.nextBoolean() ? Integer.toString(first) : first + ".." + (first + random.nextInt(size - first)));
        }
        return list.toString();
    }

    /** A selection is counted, not listed: a scenario of 2^30 units (the most there may be) asks for no memory. */
    @Test
    void of_aScenarioOfTheMostUnits_countedWithoutListingThem() throws SelectionException {
        UnitSelection whole = UnitSelection.whole(1 << 10, 1 << 20);
        assertEquals(1L << 30, whole.size());
        assertTrue(whole.isWhole());
        UnitSelection shard = select(1 << 10, 1 << 20, "3", null, "5/7");
        assertEquals((1 << 20) / 7 + ((1 << 20) % 7 > 5 ? 1 : 0) + 0L, shard.size());
        assertTrue(shard.contains(3, 5) && !shard.contains(3, 4) && !shard.contains(2, 5));
        assertEquals(3 * (1 << 20) + 5, shard.slots().findFirst().orElseThrow());
    }

    @Test
    void unit_slot_pointTimesReplicationsPlusReplication() {
        assertEquals(17, new Unit(2, 3).slot(7));
        assertThrows(IllegalArgumentException.class, () -> new Unit(-1, 0));
    }
}
