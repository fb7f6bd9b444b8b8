package io.radiolink.node;

import io.radiolink.radio.Checks;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.radio.Nulls;
import io.radiolink.radio.Range;
import java.util.List;

/**
 * When a base station is down, and whether its store survives: scheduled down periods, random
 * up/down periods (exponential), or both.
 *
 * <p>While a station is down, its connections and set-ups end at once and new attempts fail; flows
 * affected end with {@code STATION_DOWN}. A persistent store keeps its copies through an outage; a
 * volatile one loses every copy (counted as lost) when the station goes down.
 *
 * @param scheduled down periods at fixed times, sorted and not overlapping
 * @param meanUpSeconds mean of the exponential time from the start (or the end of a random outage) to
 *     the next random outage; {@link Double#POSITIVE_INFINITY} for no random outages
 * @param meanDownSeconds mean of the exponential length of a random outage, > 0
 * @param persistentStorage whether the store keeps its copies through an outage
 */
public record OutageConfig(List<DownPeriod> scheduled, double meanUpSeconds, double meanDownSeconds,
        boolean persistentStorage) {

    /**
     * A down period at fixed times.
     *
     * @param startSeconds when the station goes down, >= 0
     * @param endSeconds when it comes back, > startSeconds
     */
    public record DownPeriod(double startSeconds, double endSeconds) {
        /** When a down period starts. */
        public static final Range START_SECONDS = Range.seconds();
        /** When it ends (after its start). */
        public static final Range END_SECONDS = Range.positiveSeconds();

        /** Validates the times. */
        public DownPeriod {
            START_SECONDS.check("startSeconds", startSeconds);
            END_SECONDS.check("endSeconds", endSeconds);
            Checks.relation(endSeconds > startSeconds, "endSeconds", endSeconds, ">", "startSeconds", startSeconds,
                    END_SECONDS.describe() + " and > startSeconds");
        }
    }

    /** Mean up times; infinity for no random outages. */
    public static final Range MEAN_UP_SECONDS = Range.positiveSecondsOrNever();
    /** Mean lengths of a random outage. */
    public static final Range MEAN_DOWN_SECONDS = Range.positiveSeconds();

    /** A station that never goes down (its storage is persistent). */
    public static final OutageConfig NONE = new OutageConfig(List.of(), Double.POSITIVE_INFINITY, 1.0, true);

    /** Validates the fields. */
    public OutageConfig {
        scheduled = List.copyOf(Nulls.noneIn(scheduled, "scheduled"));
        for (int i = 1; i < scheduled.size(); i++) {
            if (scheduled.get(i).startSeconds() < scheduled.get(i - 1).endSeconds()) {
                throw InvalidFieldException.stated("scheduled", scheduled.toString(),
                        "scheduled down periods must be sorted and not overlap: period " + i
                                + " starts before period " + (i - 1) + " ends",
                        "a list of down periods, sorted, not overlapping");
            }
        }
        MEAN_UP_SECONDS.check("meanUpSeconds", meanUpSeconds);
        MEAN_DOWN_SECONDS.check("meanDownSeconds", meanDownSeconds);
    }

    /** Scheduled outages only. */
    public static OutageConfig scheduled(List<DownPeriod> periods, boolean persistentStorage) {
        return new OutageConfig(periods, Double.POSITIVE_INFINITY, 1.0, persistentStorage);
    }

    /** Random outages only. */
    public static OutageConfig random(double meanUpSeconds, double meanDownSeconds, boolean persistentStorage) {
        return new OutageConfig(List.of(), meanUpSeconds, meanDownSeconds, persistentStorage);
    }

    /** True if the station can go down at all. */
    public boolean any() {
        return !scheduled.isEmpty() || meanUpSeconds < Double.POSITIVE_INFINITY;
    }
}
