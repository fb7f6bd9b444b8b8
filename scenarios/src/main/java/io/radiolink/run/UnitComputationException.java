package io.radiolink.run;

/**
 * A unit could not be computed where a {@link UnitExecutor} sent it (a Spark job whose task failed every attempt,
 * an executor that computes another model): the run ends, its message the one line that says why; the units
 * finished and told before stay told.
 */
public final class UnitComputationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, in one line, and the failure behind it. */
    public UnitComputationException(String message, Throwable cause) {
        super(message, cause);
    }
}
