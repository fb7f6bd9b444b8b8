package io.radiolink.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * report.json as the golden files hold it and as every comparison across builds reads it: the object
 * {@code provenance.code} (version, commit, dirty flag, classes hash), which changes with every commit,
 * replaced by the string {@value #LEFT_OUT}; every other byte as written. The one rule for Java tests;
 * {@code scripts/without-provenance-code.awk} applies it for the scripts, and
 * {@code GoldenReportTest} checks that the two agree.
 */
final class GoldenReport {

    /** What stands in place of {@code provenance.code}. */
    static final String LEFT_OUT = "(left out)";

    private static final String PROVENANCE = "  \"provenance\": {";
    private static final String CODE = "    \"code\": {";
    private static final String CODE_END = "    }";

    private GoldenReport() {}

    /**
     * {@code reportJson} (as {@code JsonReporter} prints it: two-space indents, "\n" line ends) with the
     * object {@code provenance.code} replaced by {@value #LEFT_OUT}.
     *
     * @throws IllegalArgumentException unless the report has exactly one {@code provenance} holding a
     *     {@code code} object
     */
    static String withoutCode(String reportJson) {
        List<String> lines = new ArrayList<>(List.of(reportJson.split("\n", -1)));
        int provenance = lines.indexOf(PROVENANCE);
        if (provenance < 0 || lines.lastIndexOf(PROVENANCE) != provenance) {
            throw new IllegalArgumentException("not one top-level \"provenance\" object in the report");
        }
        int code = -1;
        for (int i = provenance + 1; i < lines.size() && !lines.get(i).startsWith("  }"); i++) {
            if (lines.get(i).equals(CODE)) {
                code = i;
                break;
            }
        }
        if (code < 0) {
            throw new IllegalArgumentException("no \"code\" object in the report's \"provenance\"");
        }
        int end = code + 1;
        while (end < lines.size() && !lines.get(end).equals(CODE_END) && !lines.get(end).equals(CODE_END + ",")) {
            end++;
        }
        if (end == lines.size()) {
            throw new IllegalArgumentException("the \"code\" object of the report's \"provenance\" does not end");
        }
        String comma = lines.get(end).endsWith(",") ? "," : "";
        lines.subList(code, end + 1).clear();
        lines.add(code, "    \"code\": \"" + LEFT_OUT + "\"" + comma);
        return String.join("\n", lines);
    }
}
