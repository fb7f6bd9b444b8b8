package io.radiolink.scenario;

/**
 * Bad input in a scenario file or option: its message is the whole one-line explanation a user sees
 * after {@code error: } (file, line:column where known, the field's JSON path, what is allowed).
 */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception whose message is the complete one-line explanation. */
    public ScenarioException(String message) {
        super(message);
    }

    /** An exception whose message is the complete one-line explanation, with its cause for --debug. */
    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
