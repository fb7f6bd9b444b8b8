package io.radiolink.stats;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;

/** The outcomes unconfirmed backups learned on their terminal's next contact; counted by the time learned. */
public final class LearnedOutcomeCalculator extends Calculator<LearnedOutcomes> implements FlowListener {

    private long stored;
    private long notStored;

    /** A calculator counting in {@code window}. */
    public LearnedOutcomeCalculator(ObservationWindow window) {
        super(window);
    }

    @Override
    public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            if (committed) {
                stored++;
            } else {
                notStored++;
            }
        }
    }

    @Override
    LearnedOutcomes result() {
        return new LearnedOutcomes(stored, notStored);
    }
}
