package io.radiolink.workload;

import io.radiolink.radio.Range;
import java.util.Objects;

/**
 * The demand on each base station: a population of subscribers, Poisson arrivals of backups, the
 * share of users who later restore onto a replacement phone, their data sizes and their typing.
 *
 * @param subscribersPerStation subscribers (phones) per station, >= 1
 * @param backupArrivalsPerSecond rate of the Poisson process of backup requests at each station, > 0
 * @param userDataBytes distribution of a subscriber's user-data size in bytes (drawn once per
 *     subscriber, rounded up to a whole byte, at least 1)
 * @param bytesPerRecord average record size: a subscriber's record count is its size divided by this,
 *     rounded up, >= 1
 * @param restoreShare chance that a backup {@code restoreAfter} admits is followed by a restore onto a
 *     replacement phone, in [0, 1]
 * @param restoreDelaySeconds distribution of the time from a backup's end to the restore's start
 * @param wrongPasswordProbability chance that a user mistypes the maintenance password in a flow, in [0, 1]
 * @param restoreAfter which ended backups may be followed by a restore: only successful ones
 *     ({@link RestoreAfter#DEFAULT}) or any
 * @param relocation where a restore's replacement phone is, given the station that took the backup
 *     ({@link #DEFAULT_RELOCATION}: the same station)
 */
public record WorkloadConfig(
        int subscribersPerStation,
        double backupArrivalsPerSecond,
        Distribution userDataBytes,
        int bytesPerRecord,
        double restoreShare,
        Distribution restoreDelaySeconds,
        double wrongPasswordProbability,
        RestoreAfter restoreAfter,
        Relocation relocation) {

    /**
     * The relocation of a workload that names none: every restore at the home station, nothing drawn
     * (the behaviour before relocation existed). Held here, not in {@link Relocation}: a constant of the
     * interface would make its first initialisation, from {@code SameCell}, build a {@code SameCell}
     * before that record's own range exists (an initialisation cycle, {@code FirstUseTest}).
     */
    public static final Relocation.SameCell DEFAULT_RELOCATION = new Relocation.SameCell(1.0);

    /** Subscribers per station: a subscriber's index takes 9 digits of its phone number. */
    public static final Range SUBSCRIBERS_PER_STATION = Range.wholeBetween(1, 1_000_000_000);
    /** Backup arrival rates. */
    public static final Range BACKUP_ARRIVALS_PER_SECOND = Range.above(0);
    /** Average record sizes. */
    public static final Range BYTES_PER_RECORD = Range.wholeAtLeast(1);
    /** The restore share and the chance of a mistyped password. */
    public static final Range PROBABILITY = Range.probability();

    /** Validates every field. */
    public WorkloadConfig {
        SUBSCRIBERS_PER_STATION.check("subscribersPerStation", subscribersPerStation);
        BACKUP_ARRIVALS_PER_SECOND.check("backupArrivalsPerSecond", backupArrivalsPerSecond);
        Objects.requireNonNull(userDataBytes, "userDataBytes");
        BYTES_PER_RECORD.check("bytesPerRecord", bytesPerRecord);
        PROBABILITY.check("restoreShare", restoreShare);
        Objects.requireNonNull(restoreDelaySeconds, "restoreDelaySeconds");
        PROBABILITY.check("wrongPasswordProbability", wrongPasswordProbability);
        Objects.requireNonNull(restoreAfter, "restoreAfter");
        Objects.requireNonNull(relocation, "relocation");
    }

    /** A workload whose restores are at the home station ({@link #DEFAULT_RELOCATION}). */
    public WorkloadConfig(int subscribersPerStation, double backupArrivalsPerSecond, Distribution userDataBytes,
            int bytesPerRecord, double restoreShare, Distribution restoreDelaySeconds,
            double wrongPasswordProbability, RestoreAfter restoreAfter) {
        this(subscribersPerStation, backupArrivalsPerSecond, userDataBytes, bytesPerRecord, restoreShare,
                restoreDelaySeconds, wrongPasswordProbability, restoreAfter, DEFAULT_RELOCATION);
    }

    /**
     * Backups only: {@code subscribers} per station, {@code arrivalsPerSecond}, sizes from
     * {@code sizes}, 100-byte records, no restores (restores, once added, only after successful backups),
     * no typos.
     */
    public static WorkloadConfig backupsOnly(int subscribers, double arrivalsPerSecond, Distribution sizes) {
        return new WorkloadConfig(subscribers, arrivalsPerSecond, sizes, 100, 0.0, new Distribution.Fixed(0), 0.0,
                RestoreAfter.DEFAULT);
    }

    /** The same workload with restores: {@code share} of backups, after {@code delaySeconds}. */
    public WorkloadConfig withRestores(double share, Distribution delaySeconds) {
        return new WorkloadConfig(subscribersPerStation, backupArrivalsPerSecond, userDataBytes, bytesPerRecord,
                share, delaySeconds, wrongPasswordProbability, restoreAfter, relocation);
    }

    /** The same workload with restores after the backups {@code after} admits. */
    public WorkloadConfig withRestoreAfter(RestoreAfter after) {
        return new WorkloadConfig(subscribersPerStation, backupArrivalsPerSecond, userDataBytes, bytesPerRecord,
                restoreShare, restoreDelaySeconds, wrongPasswordProbability, after, relocation);
    }

    /** The same workload with restores placed by {@code model}. */
    public WorkloadConfig withRelocation(Relocation model) {
        return new WorkloadConfig(subscribersPerStation, backupArrivalsPerSecond, userDataBytes, bytesPerRecord,
                restoreShare, restoreDelaySeconds, wrongPasswordProbability, restoreAfter, model);
    }

    /** The same workload with another chance of a mistyped password. */
    public WorkloadConfig withWrongPasswordProbability(double probability) {
        return new WorkloadConfig(subscribersPerStation, backupArrivalsPerSecond, userDataBytes, bytesPerRecord,
                restoreShare, restoreDelaySeconds, probability, restoreAfter, relocation);
    }

    /** The same workload with another arrival rate. */
    public WorkloadConfig withBackupArrivalsPerSecond(double rate) {
        return new WorkloadConfig(subscribersPerStation, rate, userDataBytes, bytesPerRecord, restoreShare,
                restoreDelaySeconds, wrongPasswordProbability, restoreAfter, relocation);
    }
}
