package io.radiolink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.StationEffect;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's changes after their flows ended, counted by kind and effect, summed over replications. */
final class LateStoreEffectsTest {

    private static LateStoreEffects committedAndCleared(long committed, long cleared) {
        long[][] counts = new long[FlowKind.values().length][StationEffect.values().length];
        counts[FlowKind.BACKUP.ordinal()][StationEffect.COMMITTED.ordinal()] = committed;
        counts[FlowKind.DOWNLOAD.ordinal()][StationEffect.CLEARED.ordinal()] = cleared;
        return LateStoreEffects.of(counts);
    }

    @Test
    void plus_twoReplications_countByCount() {
        LateStoreEffects sum = committedAndCleared(2, 1).plus(committedAndCleared(3, 0)).plus(LateStoreEffects.ZERO);
        assertEquals(committedAndCleared(5, 1), sum);
        assertEquals(5, sum.of(FlowKind.BACKUP));
        assertEquals(1, sum.count(FlowKind.DOWNLOAD, StationEffect.CLEARED));
        assertEquals(0, sum.count(FlowKind.DOWNLOAD, StationEffect.CONFIRMED));
    }

    @Test
    void constructor_kindOrEffectMissingOrNegative_rejected() {
        Map<FlowKind, Map<StationEffect, Long>> counts = LateStoreEffects.ZERO.counts();
        assertThrows(IllegalArgumentException.class,
                () -> new LateStoreEffects(Map.of(FlowKind.BACKUP, counts.get(FlowKind.BACKUP))));
        assertThrows(IllegalArgumentException.class, () -> new LateStoreEffects(Map.of(
                FlowKind.BACKUP, Map.of(StationEffect.COMMITTED, 1L), FlowKind.DOWNLOAD, counts.get(FlowKind.DOWNLOAD))));
        assertThrows(IllegalArgumentException.class, () -> committedAndCleared(-1, 0));
    }
}
