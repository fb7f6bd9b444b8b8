package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PasswordVerifier}: matches only its password, salted by the phone number. */
final class PasswordVerifierTest {

    private static final PhoneNumber ALICE = PhoneNumber.of("+491701111111");
    private static final PhoneNumber BOB = PhoneNumber.of("+491702222222");

    @Test
    void matches_rightPassword_true() {
        assertTrue(PasswordVerifier.of(ALICE, "4711").matches(ALICE, "4711"));
        assertTrue(PasswordVerifier.of(ALICE, "").matches(ALICE, ""));
        assertTrue(PasswordVerifier.of(ALICE, "pässwörd €").matches(ALICE, "pässwörd €"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "471", "47111", "4712", " 4711", "4711 ", "4711\0"})
    void matches_wrongPassword_false(String wrong) {
        assertFalse(PasswordVerifier.of(ALICE, "4711").matches(ALICE, wrong));
    }

    @Test
    void matches_samePasswordOtherNumber_noCrossMatch() {
        PasswordVerifier alice = PasswordVerifier.of(ALICE, "4711");
        PasswordVerifier bob = PasswordVerifier.of(BOB, "4711");
        assertFalse(alice.matches(BOB, "4711"));
        assertFalse(bob.matches(ALICE, "4711"));
        assertTrue(alice.matches(ALICE, "4711") && bob.matches(BOB, "4711"));
    }

    @Test
    void matches_digitsMovedBetweenNumberAndPassword_noMatch() {
        // The salt and the password are separated, so "12" + "3x" is not "123" + "x".
        assertFalse(PasswordVerifier.of(PhoneNumber.of("12"), "3x").matches(PhoneNumber.of("123"), "x"));
    }

    @Test
    void toString_neverShowsThePassword() {
        assertFalse(PasswordVerifier.of(ALICE, "secret4711").toString().contains("4711"));
    }

    @Test
    void ofAndMatches_nullArguments_rejected() {
        assertThrows(NullPointerException.class, () -> PasswordVerifier.of(null, "4711"));
        assertThrows(NullPointerException.class, () -> PasswordVerifier.of(ALICE, null));
        assertThrows(NullPointerException.class, () -> PasswordVerifier.of(ALICE, "4711").matches(ALICE, null));
    }
}
