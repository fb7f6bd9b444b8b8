package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.random.RandomStreams;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PasswordVerifier}: matches only its password, salted by the phone number; its proofs, unkeyed and
 * SIM-keyed; its sealing for enrolment.
 */
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

    private static final RandomStreams STREAMS = new RandomStreams(1, 0);
    private static final SimKey ALICE_SIM = SimKey.provisioned(STREAMS, ALICE);
    private static final SimKey BOB_SIM = SimKey.provisioned(STREAMS, BOB);

    @Test
    void proof_unkeyed_dependsOnNonceAndPasswordOnly() {
        PasswordVerifier verifier = PasswordVerifier.of(ALICE, "4711");
        assertEquals(verifier.proof(5), PasswordVerifier.of(ALICE, "4711").proof(5));
        assertNotEquals(verifier.proof(5), verifier.proof(6));
        assertNotEquals(verifier.proof(5), PasswordVerifier.of(ALICE, "4712").proof(5));
        assertEquals(64, verifier.proof(5).length());
    }

    @Test
    void proof_simKeyed_dependsOnTheKey() {
        PasswordVerifier verifier = PasswordVerifier.of(ALICE, "4711");
        assertEquals(verifier.proof(ALICE_SIM, 5), verifier.proof(SimKey.provisioned(new RandomStreams(1, 0), ALICE), 5),
                "the key is a function of the streams and the number");
        assertNotEquals(verifier.proof(ALICE_SIM, 5), verifier.proof(BOB_SIM, 5));
        assertNotEquals(verifier.proof(ALICE_SIM, 5), verifier.proof(SimKey.provisioned(new RandomStreams(2, 0), ALICE), 5));
        assertNotEquals(verifier.proof(ALICE_SIM, 5), verifier.proof(ALICE_SIM, 6));
        assertNotEquals(verifier.proof(ALICE_SIM, 5), verifier.proof(5));
    }

    @Test
    void sealed_unsealedWithTheSameKeyAndNonce_isTheVerifier() {
        PasswordVerifier verifier = PasswordVerifier.of(ALICE, "4711");
        String sealed = verifier.sealed(ALICE_SIM, 9);
        Optional<PasswordVerifier> unsealed = PasswordVerifier.unsealed(sealed, ALICE_SIM, 9);
        assertTrue(unsealed.orElseThrow().matches(ALICE, "4711"));
        assertEquals(verifier.proof(9), unsealed.orElseThrow().proof(9));
    }

    @Test
    void sealed_otherKeyOrNonce_unsealsToAnotherVerifier() {
        String sealed = PasswordVerifier.of(ALICE, "4711").sealed(ALICE_SIM, 9);
        assertFalse(PasswordVerifier.unsealed(sealed, BOB_SIM, 9).orElseThrow().matches(ALICE, "4711"));
        assertFalse(PasswordVerifier.unsealed(sealed, ALICE_SIM, 10).orElseThrow().matches(ALICE, "4711"));
        assertNotEquals(sealed, PasswordVerifier.of(ALICE, "4711").sealed(ALICE_SIM, 10), "a new pad per nonce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "zz00000000000000000000000000000000000000000000000000000000000000"})
    void unsealed_malformed_empty(String sealed) {
        assertTrue(PasswordVerifier.unsealed(sealed, ALICE_SIM, 1).isEmpty());
        assertTrue(PasswordVerifier.unsealed(null, ALICE_SIM, 1).isEmpty());
    }

    @Test
    void sameProof_comparesWholeStrings() {
        assertTrue(PasswordVerifier.sameProof("ab12", "ab12"));
        assertFalse(PasswordVerifier.sameProof("ab12", "ab13"));
        assertFalse(PasswordVerifier.sameProof("ab12", "ab1"));
        assertFalse(PasswordVerifier.sameProof("ab12", null));
    }

    @Test
    void simKey_toString_showsNothing() {
        assertEquals("SimKey[***]", ALICE_SIM.toString());
    }
}
