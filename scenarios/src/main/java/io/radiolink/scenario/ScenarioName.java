package io.radiolink.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule a scenario's name keeps, because {@code radiolink run} writes into {@code results/<name>}:
 * the name must be one safe folder name, never a path ({@code ..}, {@code a/b}), hidden, empty, a control
 * character or too long for a file system; nor one that Windows cannot make (a device name such as
 * {@code NUL}, a trailing {@code .}), so that results can be shared across machines. The rule is a
 * whitelist, stated once in {@link #ALLOWED}.
 */
final class ScenarioName {

    /**
     * The longest name in UTF-8 bytes: file systems allow 255 per folder name, and radiolink's working
     * folders beside the output ({@code .<name>.radiolink-run}) need a few more.
     */
    static final int MAX_UTF8_BYTES = 200;

    /** The device names of Windows, which no file or folder there may have, alone or before a '.'. */
    private static final List<String> WINDOWS_DEVICES = List.of("CON", "PRN", "AUX", "NUL");
    /** The numbered device names of Windows: each with a digit 1 to 9 after it. */
    private static final List<String> NUMBERED_WINDOWS_DEVICES = List.of("COM", "LPT");

    /** A name that is a Windows device name, alone or before a '.' (ASCII letters in any case, ASCII digits). */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(" + String.join("|", WINDOWS_DEVICES)
            + "|(?:" + String.join("|", NUMBERED_WINDOWS_DEVICES) + ")[1-9])(\\..*)?");

    /** What a name may be, in the words of error messages and of FORMAT.md's {@code name} row. */
    static final String ALLOWED = "letters and digits of any script (with their combining marks), '.', '_' and '-',"
            + " starting with a letter or digit and not ending with '.', at most " + MAX_UTF8_BYTES
            + " bytes in UTF-8, and not a device name of Windows (" + String.join(", ", WINDOWS_DEVICES) + ", "
            + String.join(", ", NUMBERED_WINDOWS_DEVICES.stream().map(d -> d + "1 to " + d + "9").toList())
            + "; in any case, alone or before a '.')";

    /** How much of a bad name an error message shows. */
    private static final int SHOWN_CHARACTERS = 40;

    private ScenarioName() {}

    /**
     * Checks the scenario's name: its {@code name} field if it has one ({@code written}), else the name
     * taken from its file name.
     *
     * @throws Invalid at {@code name} if the name breaks the rule
     */
    static void check(String name, boolean written) throws Invalid {
        String problem = problem(name);
        if (problem != null) {
            throw Invalid.at("name", (written ? "" : "no name given, and the file's name without .json ")
                    + problem + " (the name is the output folder results/<name>)", ALLOWED);
        }
    }

    /** What is wrong with {@code name}, or null if nothing. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        String shown = "'" + shown(name) + "'";
        int first = name.codePointAt(0);
        if (!Character.isLetterOrDigit(first)) {
            return shown + " does not start with a letter or digit";
        }
        int position = 1;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i)), position++) {
            int c = name.codePointAt(i);
            if (!allowed(c)) {
                return shown + " has " + character(c) + " at character " + position;
            }
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            return shown + " is " + bytes + " bytes long in UTF-8";
        }
        if (name.endsWith(".")) {
            return shown + " ends with '.', which Windows drops from a folder's name";
        }
        Matcher device = WINDOWS_DEVICE.matcher(name);
        if (device.matches()) {
            String which = device.group(1).toUpperCase(Locale.ROOT);
            return shown + (device.group(2) == null ? " is the device name " + which + " on Windows, which no folder"
                    + " there may have" : " begins with the device name " + which + " and a '.', which Windows"
                    + " reads as the device itself");
        }
        return null;
    }

    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == '.' || c == '_' || c == '-';
    }

    /** {@code U+002F '/'}, or only the code for a character that would not print on one line. */
    private static String character(int c) {
        String code = String.format("U+%04X", c);
        return printable(c) ? code + " '" + Character.toString(c) + "'" : code;
    }

    /** False for control, format, surrogate and separator characters other than the space. */
    private static boolean printable(int c) {
        int type = Character.getType(c);
        return c == ' ' || !(Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED);
    }

    /** The name's start, with every character that would not print written as {@code \}{@code u....}, so it stays one line. */
    private static String shown(String name) {
        StringBuilder s = new StringBuilder();
        int count = 0;
        for (int i = 0; i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            if (++count > SHOWN_CHARACTERS) {
                return s.append("...").toString();
            }
            if (printable(c)) {
                s.appendCodePoint(c);
            } else {
                for (char unit : Character.toChars(c)) {
                    s.append(String.format("\\u%04X", (int) unit));
                }
            }
        }
        return s.toString();
    }
}
