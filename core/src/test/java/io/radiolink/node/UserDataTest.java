package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link UserData}'s digests, copies and checks, and the {@link ContentDigest} they rest on. */
final class UserDataTest {

    @Test
    void synthetic_equalArguments_equalDigestsAndEqualData() {
        UserData first = UserData.synthetic(10_000, 250, 7);
        UserData second = UserData.synthetic(10_000, 250, 7);
        assertEquals(first.digest(), second.digest());
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(10_000, first.sizeBytes());
        assertEquals(250, first.recordCount());
        assertEquals(Optional.empty(), first.content());
    }

    @Test
    void synthetic_differentLabelSizeOrRecords_differentDigests() {
        ContentDigest base = UserData.synthetic(10_000, 250, 7).digest();
        assertNotEquals(base, UserData.synthetic(10_000, 250, 8).digest(), "label");
        assertNotEquals(base, UserData.synthetic(10_001, 250, 7).digest(), "size");
        assertNotEquals(base, UserData.synthetic(10_000, 251, 7).digest(), "records");
        assertNotEquals(UserData.synthetic(10_000, 250, 7), UserData.synthetic(10_000, 250, 8));
    }

    @Test
    void synthetic_sizeBelowOneOrNegativeRecords_rejectedNamingTheField() {
        IllegalArgumentException size =
                assertThrows(IllegalArgumentException.class, () -> UserData.synthetic(0, 1, 1));
        assertTrue(size.getMessage().contains("sizeBytes"), size.getMessage());
        IllegalArgumentException records =
                assertThrows(IllegalArgumentException.class, () -> UserData.synthetic(1, -1, 1));
        assertTrue(records.getMessage().contains("recordCount"), records.getMessage());
    }

    @Test
    void ofBytes_inputChangedAfterwards_dataUnchanged() {
        byte[] bytes = "phone book".getBytes(StandardCharsets.UTF_8);
        UserData data = UserData.ofBytes(bytes, 2);
        ContentDigest digest = data.digest();

        bytes[0] = 'X';

        assertArrayEquals("phone book".getBytes(StandardCharsets.UTF_8), data.content().orElseThrow());
        assertEquals(digest, data.digest());
        assertTrue(data.verifiesAgainst(digest));
        assertEquals(10, data.sizeBytes());
        assertEquals(2, data.recordCount());
    }

    @Test
    void content_returnedArrayChanged_dataUnchanged() {
        UserData data = UserData.ofBytes(new byte[] {1, 2, 3}, 1);
        byte[] returned = data.content().orElseThrow();

        returned[0] = 99;

        assertArrayEquals(new byte[] {1, 2, 3}, data.content().orElseThrow());
        assertTrue(data.verifiesAgainst(ContentDigest.of(new byte[] {1, 2, 3})));
    }

    @Test
    void ofBytes_noBytes_rejected() {
        assertThrows(IllegalArgumentException.class, () -> UserData.ofBytes(new byte[0], 0));
    }

    @Test
    void ofBytes_equalBytes_equalData() {
        assertEquals(UserData.ofBytes(new byte[] {4, 5}, 1), UserData.ofBytes(new byte[] {4, 5}, 1));
        assertNotEquals(UserData.ofBytes(new byte[] {4, 5}, 1), UserData.ofBytes(new byte[] {4, 6}, 1));
    }

    @Test
    void verifiesAgainst_ownDigest_trueOtherDigest_false() {
        UserData synthetic = UserData.synthetic(500, 5, 1);
        assertTrue(synthetic.verifiesAgainst(synthetic.digest()));
        assertFalse(synthetic.verifiesAgainst(UserData.synthetic(500, 5, 2).digest()));

        UserData real = UserData.ofBytes("abc".getBytes(StandardCharsets.UTF_8), 1);
        assertTrue(real.verifiesAgainst(ContentDigest.ofText("abc")));
        assertFalse(real.verifiesAgainst(ContentDigest.ofText("abd")));
    }

    @Test
    void matches_announcedSizeRecordsAndDigest_allMustAgree() {
        UserData data = UserData.synthetic(500, 5, 1);
        assertTrue(data.matches(500, 5, data.digest()));
        assertFalse(data.matches(501, 5, data.digest()));
        assertFalse(data.matches(500, 4, data.digest()));
        assertFalse(data.matches(500, 5, UserData.synthetic(500, 5, 2).digest()));
    }

    @Test
    void contentDigest_knownInput_isItsSha256() {
        // FIPS 180-2 test vector for "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ContentDigest.ofText("abc").sha256Hex());
    }

    @Test
    void contentDigest_notSixtyFourLowerCaseHexDigits_rejected() {
        String valid = ContentDigest.ofText("abc").sha256Hex();
        assertThrows(IllegalArgumentException.class, () -> new ContentDigest(valid.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> new ContentDigest(valid.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> new ContentDigest(valid + "0"));
        assertThrows(NullPointerException.class, () -> new ContentDigest(null));
    }
}
