package io.radiolink.radio;

import java.util.Objects;

/**
 * A configuration record's argument out of its range, as a typed value: the field's name (the record
 * component's), the value given, what is wrong with it and what the field accepts. Its message reads
 * {@code <field> <problem>}, e.g. {@code rateBitsPerSecond must be finite and >= 1, was -5.0}.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String problem;
    private final String allowed;

    /** A field error: {@code problem} says what is wrong with the value, e.g. {@code must be >= 1, was 0}. */
    public InvalidFieldException(String field, String value, String problem, String allowed) {
        this(field + " " + problem, field, value, problem, allowed);
    }

    private InvalidFieldException(String message, String field, String value, String problem, String allowed) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
        this.value = Objects.requireNonNull(value, "value");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.allowed = Objects.requireNonNull(allowed, "allowed");
    }

    /**
     * A field error told as a whole sentence that names the field itself, e.g. {@code lossInGood and
     * lossInBad must not both be 1}; it is the message and the problem alike.
     */
    public static InvalidFieldException stated(String field, String value, String sentence, String allowed) {
        return new InvalidFieldException(sentence, field, value, sentence, allowed);
    }

    /** The record component at fault, e.g. {@code rateBitsPerSecond}. */
    public String field() {
        return field;
    }

    /** The value given, as text. */
    public String value() {
        return value;
    }

    /** What is wrong: {@code must be finite and >= 1, was -5.0}, or a whole sentence naming the field. */
    public String problem() {
        return problem;
    }

    /** What the field accepts, e.g. {@code a finite number >= 1}. */
    public String allowed() {
        return allowed;
    }
}
