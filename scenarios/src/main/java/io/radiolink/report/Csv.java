package io.radiolink.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The CSV dialect of the reports: RFC 4180 quoting, "\n" line ends, locale-independent numbers. */
final class Csv {

    private Csv() {}

    /** Writes one record: the fields, quoted where needed, separated by commas, ended by "\n". */
    static void writeRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write('\n');
    }

    /** The field as written: in double quotes, inner quotes doubled, if it holds a comma, quote or line end. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A finite value as {@link Numbers#text} prints it; the empty field for NaN and infinities. */
    static String number(double value) {
        return Double.isFinite(value) ? Numbers.text(value) : "";
    }
}
