package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.StationEffect;

/**
 * The store's changes after their flow ended, by flow kind and effect; counted by the flow's start, as
 * the flows are, so that they join the records of the flows counted (a late effect of a counted flow
 * counts even after the run length, one of a flow started before the warm-up does not).
 */
public final class LateEffectCalculator extends Calculator<LateStoreEffects> implements FlowListener {

    private final long[][] counts = new long[FlowKind.values().length][StationEffect.values().length];

    /** A calculator counting in {@code window}. */
    public LateEffectCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
        requireOpen();
        if (inWindow(record.startSeconds())) {
            counts[record.kind().ordinal()][effect.ordinal()]++;
        }
    }

    @Override
    LateStoreEffects result() {
        return LateStoreEffects.of(counts);
    }
}
