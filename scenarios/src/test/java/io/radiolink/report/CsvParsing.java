package io.radiolink.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: "\n" line ends only, quoted fields with doubled quotes. */
final class CsvParsing {

    private CsvParsing() {}

    /** The records of {@code text}, which must end with a line end. */
    static List<List<String>> parse(String text) {
        if (text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("carriage return in CSV");
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("CSV must end with a line end");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        return records;
    }
}
