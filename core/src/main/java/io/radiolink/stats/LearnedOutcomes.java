package io.radiolink.stats;

import java.io.Serializable;

/**
 * Backups whose terminal, never having heard the station's complete command, learned on its next contact
 * whether the station holds its data, in a replication's window (or summed over replications).
 *
 * @param stored the backups learned to be stored
 * @param notStored the backups learned not to be stored
 */
public record LearnedOutcomes(long stored, long notStored) implements Serializable {

    /** Nothing learned. */
    public static final LearnedOutcomes ZERO = new LearnedOutcomes(0, 0);

    /** Checks that no count is negative. */
    public LearnedOutcomes {
        if (stored < 0 || notStored < 0) {
            throw new IllegalArgumentException("learned outcomes must be >= 0: " + stored + ", " + notStored);
        }
    }

    /** The count-by-count sum. */
    public LearnedOutcomes plus(LearnedOutcomes other) {
        return new LearnedOutcomes(stored + other.stored, notStored + other.notStored);
    }
}
