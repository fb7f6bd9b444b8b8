package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {

    @Test
    void distance_ofClassicPairs_isTheEditCount() {
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "abcd"));
        assertEquals(1, Suggestions.distance("backupArrivalsPerSecnd", "backupArrivalsPerSecond"));
    }

    @Test
    void distance_ignoresCase() {
        assertEquals(0, Suggestions.distance("lte", "LTE"));
    }

    @Test
    void likely_closeName_isSuggested() {
        assertEquals("bernoulli", Suggestions.likely("bernouli", List.of("none", "bernoulli", "gilbertElliott")));
    }

    @Test
    void likely_farName_isNotSuggested() {
        assertNull(Suggestions.likely("colour", List.of("seed", "stations", "workload")));
    }

    @Test
    void nearest_alwaysAnswers_firstOfEquals() {
        assertEquals("ab", Suggestions.nearest("zz", List.of("ab", "cd")));
        assertNull(Suggestions.nearest("zz", List.of()));
    }
}
