package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The accepted format of {@link PhoneNumber}: an optional leading '+' and 1 to 20 ASCII digits. */
final class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "+1", "110", "+491701234567", "0049170123", "12345678901234567890",
            "+12345678901234567890"})
    void constructor_validFormat_keepsTheDigits(String digits) {
        PhoneNumber phone = new PhoneNumber(digits);
        assertEquals(digits, phone.digits());
        assertEquals(digits, phone.toString());
        assertEquals(phone, PhoneNumber.of(digits));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "++49", "49+1", "+49 170 123", "0170-123", " 0170", "0170 ",
            "123456789012345678901", "+123456789012345678901", "abc", "12a", "\u0661\u0662\u0663",
            "\uff11\uff12", "0170\n"})
    void constructor_invalidFormat_rejectedShowingTheInput(String digits) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PhoneNumber(digits));
        assertTrue(e.getMessage().contains("'" + digits + "'"), e.getMessage());
    }

    @Test
    void constructor_null_rejected() {
        assertThrows(NullPointerException.class, () -> new PhoneNumber(null));
    }

    @Test
    void equalsAndCompareTo_byDigitsAsWritten() {
        // No normalisation: "+49..." and "0049..." are different addresses.
        assertNotEquals(PhoneNumber.of("+49170"), PhoneNumber.of("0049170"));
        assertEquals(0, PhoneNumber.of("0170").compareTo(PhoneNumber.of("0170")));
        assertTrue(PhoneNumber.of("0170").compareTo(PhoneNumber.of("0171")) < 0);
        assertTrue(PhoneNumber.of("9").compareTo(PhoneNumber.of("10")) > 0, "text order, not numeric");
    }
}
