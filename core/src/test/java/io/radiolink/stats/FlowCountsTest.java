package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.IntegrityCheck;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FlowCounts}: the counts both a replication's and the experiment's flows hold. */
final class FlowCountsTest {

    private static FlowCounts counts(long successes, long drops, long verified, long unfinished, long viewDiffers,
            long bytesSent, long inVain) {
        Map<FlowOutcome, Long> outcomes = new EnumMap<>(ResultMaps.zeros(FlowOutcome.class));
        outcomes.put(FlowOutcome.SUCCESS, successes);
        outcomes.put(FlowOutcome.LINK_DROPPED, drops);
        Map<IntegrityCheck, Long> integrity = new EnumMap<>(ResultMaps.zeros(IntegrityCheck.class));
        integrity.put(IntegrityCheck.VERIFIED, verified);
        integrity.put(IntegrityCheck.NOT_CHECKED, successes + drops - verified);
        // Every flow's request found a copy; the drops failed with it. Each drop reconnected twice, each success
        // was blocked once and retried.
        return new FlowCounts(outcomes, integrity, unfinished, viewDiffers, 100 * successes, bytesSent, inVain, drops,
                successes + drops, drops, 2 * drops, successes);
    }

    @Test
    void plus_twoReplications_everyCountSummed() {
        FlowCounts sum = counts(3, 1, 2, 0, 1, 500, 50).plus(counts(1, 2, 1, 1, 0, 300, 200));
        assertEquals(counts(4, 3, 3, 1, 1, 800, 250), sum);
        assertEquals(7, sum.flows());
        assertEquals(3.0 / 7, sum.failureShare());
        assertEquals(250.0 / 7, sum.bytesInVainPerFlow());
        assertEquals(7, sum.copyAtRequest());
        assertEquals(3.0 / 7, sum.failureShareCopyAtRequest());
        assertEquals(6, sum.reconnections());
        assertEquals(4, sum.accessRetries());
        assertEquals(sum, sum.plus(FlowCounts.ZERO));
    }

    @Test
    void constructor_inconsistentCounts_rejected() {
        Map<FlowOutcome, Long> oneSuccess = new EnumMap<>(ResultMaps.zeros(FlowOutcome.class));
        oneSuccess.put(FlowOutcome.SUCCESS, 1L);
        Map<IntegrityCheck, Long> twoChecks = new EnumMap<>(ResultMaps.zeros(IntegrityCheck.class));
        twoChecks.put(IntegrityCheck.VERIFIED, 2L);
        assertThrows(IllegalArgumentException.class, () -> new FlowCounts(oneSuccess, twoChecks, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> counts(1, 1, 0, 0, 2, 0, 0)); // views differ on 2 of 1 failure
        assertThrows(IllegalArgumentException.class, () -> counts(1, 0, 0, -1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> counts(1, 0, 0, 0, 0, 10, 11)); // more in vain than sent
        assertThrows(IllegalArgumentException.class,
                () -> new FlowCounts(oneSuccess, oneUnchecked(), 0, 0, 0, 0, 0, 0, 0, 0, -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new FlowCounts(oneSuccess, oneUnchecked(), 0, 0, 0, 0, 0, 0, 0, 0, 0, -1));
    }

    private static Map<IntegrityCheck, Long> oneUnchecked() {
        Map<IntegrityCheck, Long> integrity = new EnumMap<>(ResultMaps.zeros(IntegrityCheck.class));
        integrity.put(IntegrityCheck.NOT_CHECKED, 1L);
        return integrity;
    }

    @Test
    void failureShare_noFlowEnded_undefined() {
        assertEquals(Double.NaN, FlowCounts.ZERO.failureShare());
        assertEquals(Double.NaN, FlowCounts.ZERO.bytesInVainPerFlow());
        assertEquals(Double.NaN, FlowCounts.ZERO.failureShareCopyAtRequest());
    }

    @Test
    void failureShareCopyAtRequest_onlyTheFlowsThatFoundACopy() {
        Map<FlowOutcome, Long> outcomes = new EnumMap<>(ResultMaps.zeros(FlowOutcome.class));
        outcomes.put(FlowOutcome.SUCCESS, 6L);
        outcomes.put(FlowOutcome.NO_BACKUP, 3L);
        outcomes.put(FlowOutcome.LINK_DROPPED, 1L);
        Map<IntegrityCheck, Long> integrity = new EnumMap<>(ResultMaps.zeros(IntegrityCheck.class));
        integrity.put(IntegrityCheck.NOT_CHECKED, 10L);
        FlowCounts counts = new FlowCounts(outcomes, integrity, 0, 0, 0, 0, 0, 0, 7, 1, 0, 0);

        assertEquals(0.4, counts.failureShare());
        assertEquals(1.0 / 7, counts.failureShareCopyAtRequest());
        assertThrows(IllegalArgumentException.class,
                () -> new FlowCounts(outcomes, integrity, 0, 0, 0, 0, 0, 0, 3, 4, 0, 0)); // more failed than found
        assertThrows(IllegalArgumentException.class,
                () -> new FlowCounts(outcomes, integrity, 0, 0, 0, 0, 0, 0, 11, 0, 0, 0)); // more than the flows
        assertThrows(IllegalArgumentException.class,
                () -> new FlowCounts(outcomes, integrity, 0, 0, 0, 0, 0, 0, 10, 5, 0, 0)); // more failed than failures
    }
}
