package io.radiolink.workload;

import io.radiolink.protocol.FlowOutcome;
import java.util.Locale;

/**
 * Which ended backups a generated user restores after (with the restore share): only those that ended in
 * success as the subscriber's phone saw it, or any. The decision is made when the backup ends, on that
 * backup's outcome: it is then the subscriber's latest.
 */
public enum RestoreAfter {
    /** Only after a backup that ended in {@link FlowOutcome#SUCCESS} as its terminal saw it: the default. */
    SUCCESS,
    /** After any backup, whatever its outcome (the behaviour before issue 13). */
    ANY;

    /** The rule of a workload that names none ({@link WorkloadConfig#backupsOnly}, a scenario file). */
    public static final RestoreAfter DEFAULT = SUCCESS;

    /** True if a backup that ended with {@code outcome} (the terminal's view) may be followed by a restore. */
    public boolean admits(FlowOutcome outcome) {
        return switch (this) {
            case SUCCESS -> outcome.isSuccess();
            case ANY -> true;
        };
    }

    /** The name a scenario file uses, in lower case: {@code success} or {@code any}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
