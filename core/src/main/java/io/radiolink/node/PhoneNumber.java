package io.radiolink.node;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscriber's phone number, the address under which the base station stores a backup (claims 5,
 * 10, 14, 18).
 *
 * @param digits an optional leading {@code +} followed by 1 to 20 decimal digits
 */
public record PhoneNumber(String digits) implements Comparable<PhoneNumber> {

    private static final Pattern FORMAT = Pattern.compile("\\+?[0-9]{1,20}");

    /** Validates the format. */
    public PhoneNumber {
        Objects.requireNonNull(digits, "digits");
        if (!FORMAT.matcher(digits).matches()) {
            throw new IllegalArgumentException(
                    "phone number must be an optional '+' and 1 to 20 digits, was '" + digits + "'");
        }
    }

    /** Shorthand for {@code new PhoneNumber(digits)}. */
    public static PhoneNumber of(String digits) {
        return new PhoneNumber(digits);
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
