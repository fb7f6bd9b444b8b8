package io.radiolink.scenario;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * One problem with a scenario, before it is placed in its file: the JSON path of the offending value,
 * what is wrong, what is allowed and perhaps a suggestion. {@link ScenarioLoader} turns it into a
 * {@link ScenarioException} with the file's name and the value's line and column.
 */
final class Invalid extends Exception {

    private static final long serialVersionUID = 1L;

    /** Where in the scenario, e.g. {@code stations[0].channels}; empty for the whole file. */
    final String path;
    /** The path of the value or field name to point at: {@link #path}, or a field inside it. */
    final String locatedPath;
    /** What is wrong, e.g. {@code must be >= 1, was 0}. */
    final String problem;
    /** What is allowed instead, or null. */
    final String allowed;
    /** A likely intended value, or null. */
    final String suggestion;
    /** True to point at the field's name rather than its value (an unknown or repeated field). */
    final boolean atName;
    /** Where in the file, when the parser knows it better than the path does; or null. */
    final transient JsonLocation location;

    private Invalid(String path, String locatedPath, String problem, String allowed, String suggestion,
            boolean atName, JsonLocation location) {
        super(path + ": " + problem, null, false, false);
        this.path = path;
        this.locatedPath = locatedPath;
        this.problem = problem;
        this.allowed = allowed;
        this.suggestion = suggestion;
        this.atName = atName;
        this.location = location;
    }

    /** A bad value at {@code path}. */
    static Invalid at(String path, String problem, String allowed) {
        return new Invalid(path, path, problem, allowed, null, false, null);
    }

    /** A bad value at {@code path} that looks like a misspelling of {@code suggestion} (may be null). */
    static Invalid misspelt(String path, String problem, String allowed, String suggestion) {
        return new Invalid(path, path, problem, allowed, suggestion, false, null);
    }

    /**
     * A bad field name (unknown or repeated) in the object at {@code object}, maybe a misspelling of
     * {@code suggestion}; {@code location} is where the name is, if known.
     */
    static Invalid badName(String object, String name, String problem, String allowed, String suggestion,
            JsonLocation location) {
        return new Invalid(object, JsonPaths.field(object, name), problem, allowed, suggestion, true, location);
    }

    /** Unreadable JSON at a location the parser reported. */
    static Invalid malformed(String problem, JsonLocation location) {
        return new Invalid("", "", problem, null, null, false, location);
    }

    /** The same problem, with {@code context} appended to the problem's text. */
    Invalid withContext(String context) {
        return new Invalid(path, locatedPath, problem + " " + context, allowed, suggestion, atName, location);
    }

    /** True if the problem is the same as {@code other}'s (path and text). */
    boolean sameAs(Invalid other) {
        return locatedPath.equals(other.locatedPath) && problem.equals(other.problem);
    }
}
