package io.radiolink.backhaul;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.node.OutageConfig;
import io.radiolink.radio.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A backhaul's configuration rejects every field out of its range, naming it, and accepts the boundaries. */
final class BackhaulConfigTest {

    private static final BackhaulConfig VALID = BackhaulConfig.lossless(1e6, 0.005);

    private static void assertInvalid(String field, Executable build) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, build);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void constructor_outOfRangeFields_rejectedNamingTheField() {
        assertInvalid("rateBitsPerSecond", () -> new BackhaulConfig(0.5, 0, 1, 0, 1, OutageConfig.NONE));
        assertInvalid("rateBitsPerSecond", () -> new BackhaulConfig(Double.NaN, 0, 1, 0, 1, OutageConfig.NONE));
        assertInvalid("propagationDelaySeconds", () -> new BackhaulConfig(1e6, -1, 1, 0, 1, OutageConfig.NONE));
        assertInvalid("maxQueuedMessages", () -> VALID.withMaxQueuedMessages(-1));
        assertInvalid("lossProbability", () -> VALID.withLoss(1, 1));
        assertInvalid("lossProbability", () -> VALID.withLoss(-0.1, 1));
        assertInvalid("retransmissionTimeoutSeconds", () -> VALID.withLoss(0.1, 0));
        assertInvalid("retransmissionTimeoutSeconds", () -> VALID.withLoss(0.1, Double.POSITIVE_INFINITY));
    }

    @Test
    void constructor_lossyLinkWithTimeoutBelowTheRoundTrip_rejected() {
        assertInvalid("retransmissionTimeoutSeconds", () -> VALID.withLoss(0.1, 0.009));
        assertDoesNotThrow(() -> VALID.withLoss(0.1, 0.01));
        // Without loss the timeout never acts, so it need not cover the round trip.
        assertDoesNotThrow(() -> new BackhaulConfig(1e6, 5, 1, 0, 1, OutageConfig.NONE));
    }

    @Test
    void constructor_volatileOutages_rejected() {
        assertInvalid("outages.persistentStorage", () -> VALID.withOutages(OutageConfig.random(10, 1, false)));
    }

    @Test
    void constructor_boundaries_accepted() {
        assertDoesNotThrow(() -> new BackhaulConfig(1, 0, 0, 0, Double.MIN_VALUE, OutageConfig.NONE));
        assertDoesNotThrow(() -> VALID.withMaxQueuedMessages(BackhaulConfig.UNBOUNDED).withLoss(0.999, 1e12));
    }

    @Test
    void transmissionSeconds_bitsOverRate() {
        assertEquals(0.25, BackhaulConfig.lossless(8000, 0).transmissionSeconds(2000));
    }
}
