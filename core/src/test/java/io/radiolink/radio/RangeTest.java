package io.radiolink.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A range says once what a field accepts: its check, its description for errors and its short form for tables agree. */
final class RangeTest {

    @Test
    void check_valueOutside_throwsTypedErrorWithFieldValueAndAllowed() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> Range.above(0).check("rateBitsPerSecond", -5.0));

        assertEquals("rateBitsPerSecond", e.field());
        assertEquals("-5.0", e.value());
        assertEquals("must be finite and > 0, was -5.0", e.problem());
        assertEquals("a finite number > 0", e.allowed());
        assertEquals("rateBitsPerSecond must be finite and > 0, was -5.0", e.getMessage());
    }

    @Test
    void describeAndBrief_eachKind_sayTheSameBounds() {
        assertEquals("a whole number >= 1", Range.wholeAtLeast(1).describe());
        assertEquals(">= 1", Range.wholeAtLeast(1).brief());
        assertEquals("a whole number from 1 to 1000000000", Range.wholeBetween(1, 1_000_000_000).describe());
        assertEquals("a number in [0, 1)", Range.closedOpen(0, 1).describe());
        assertEquals("in [0, 1)", Range.closedOpen(0, 1).brief());
        assertEquals("a finite number >= 0", Range.atLeast(0).describe());
        assertEquals("finite, >= 0", Range.atLeast(0).brief());
        assertEquals("a number in [0.001, 1e12]", Range.closed(0.001, 1e12).describe());
        assertEquals("a number in (0, 1e12], or \"Infinity\"", Range.positiveSecondsOrNever().describe());
        assertEquals("in (0, 1e12], or `\"Infinity\"`", Range.positiveSecondsOrNever().brief());
        assertEquals("a finite number", Range.finite().describe());
    }

    @Test
    void contains_bounds_asWritten() {
        Range seconds = Range.positiveSecondsOrNever();
        assertFalse(seconds.contains(0));
        assertTrue(seconds.contains(Double.MIN_VALUE));
        assertTrue(seconds.contains(Range.MAX_SECONDS));
        assertFalse(seconds.contains(Math.nextUp(Range.MAX_SECONDS)));
        assertTrue(seconds.contains(Double.POSITIVE_INFINITY));
        assertFalse(seconds.contains(Double.NaN));
        assertFalse(Range.atLeast(0).contains(Double.POSITIVE_INFINITY));
        assertFalse(Range.finite().contains(Double.NEGATIVE_INFINITY));
        assertTrue(Range.wholeBetween(0, 4096).contains(4096));
        assertFalse(Range.wholeBetween(0, 4096).contains(4097));
    }
}
