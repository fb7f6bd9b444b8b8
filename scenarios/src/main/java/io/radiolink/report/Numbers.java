package io.radiolink.report;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How the reports print a double, on any JDK: the shortest decimal that reads back as the same double,
 * by Jackson's Schubfach writer, the algorithm {@link Double#toString(double)} uses from JDK 19 on
 * (JDK-4511638). JDK 17's own {@code Double.toString} prints a longer decimal for some values (about one
 * double in eighty of random bit patterns), so using it would make report bytes depend on the JDK.
 */
final class Numbers {

    /** The JSON mapper of the reports: doubles written as {@link #text}. */
    static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private Numbers() {}

    /** The shortest decimal of a finite {@code value} that reads back as {@code value}, as JDK 19+ prints it. */
    static String text(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not finite: " + value);
        }
        return NumberOutput.toString(value, true);
    }
}
