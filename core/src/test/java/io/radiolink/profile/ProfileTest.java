package io.radiolink.profile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.LinkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each {@link Profile} stays within its era's documented range and is self-consistent. */
final class ProfileTest {

    private static void assertBetween(String what, double low, double high, double value) {
        assertTrue(value >= low && value <= high,
                what + " = " + value + ", expected in [" + low + ", " + high + "]");
    }

    @Test
    void circuitSwitchedData_ratesInKilobitsAndSetupOfSeconds() {
        AirInterface air = Profile.CIRCUIT_SWITCHED_DATA.airInterface();
        assertAll(
                () -> assertBetween("uplink rate bit/s", 1_000, 99_999, air.uplink().rateBitsPerSecond()),
                () -> assertBetween("downlink rate bit/s", 1_000, 99_999, air.downlink().rateBitsPerSecond()),
                () -> assertBetween("set-up s", 5.0, 120.0, air.setupDelaySeconds()));
    }

    @Test
    void lte_ratesInMegabitsRoundTripOfTensOfMillisecondsAndSubSecondSetup() {
        AirInterface air = Profile.LTE.airInterface();
        assertAll(
                () -> assertBetween("uplink rate bit/s", 1e6, 1e9, air.uplink().rateBitsPerSecond()),
                () -> assertBetween("downlink rate bit/s", 1e6, 1e9, air.downlink().rateBitsPerSecond()),
                () -> assertBetween("uplink round trip s", 0.01, 0.1,
                        2 * air.uplink().propagationDelaySeconds()),
                () -> assertBetween("downlink round trip s", 0.01, 0.1,
                        2 * air.downlink().propagationDelaySeconds()),
                () -> assertBetween("set-up s", 0.0, 0.999, air.setupDelaySeconds()));
    }

    /** docs/profiles.md: a 20 MHz carrier at Rel-8's average cell spectral efficiency, shared by processor sharing. */
    @Test
    void lte_sharedCellOfTwentyMegahertzBelowTheCategoryPeaks() {
        AirInterface air = Profile.LTE.airInterface();
        CellCapacity.Shared shared = assertInstanceOf(CellCapacity.Shared.class, air.capacity());
        assertAll(
                () -> assertEquals(0.735 * 20e6, shared.uplinkBitsPerSecond(), 1e-6),
                () -> assertEquals(1.69 * 20e6, shared.downlinkBitsPerSecond(), 1e-6),
                () -> assertEquals(new ProcessorSharing(), shared.policy()),
                () -> assertEquals(51_024_000, air.uplink().rateBitsPerSecond()),
                () -> assertEquals(150_752_000, air.downlink().rateBitsPerSecond()),
                () -> assertTrue(air.uplink().rateBitsPerSecond() > shared.uplinkBitsPerSecond(),
                        "a category 4 terminal alone gets the whole uplink"),
                () -> assertTrue(air.downlink().rateBitsPerSecond() > shared.downlinkBitsPerSecond(),
                        "and the whole downlink"));
    }

    @Test
    void circuitSwitchedData_staysDedicated() {
        assertEquals(AirInterface.DEDICATED, Profile.CIRCUIT_SWITCHED_DATA.airInterface().capacity());
    }

    /**
     * A frame's timer starts when its last bit leaves; its acknowledgement arrives after the frame's
     * propagation, the acknowledgement's transmission on the reverse link and its propagation. One
     * full data frame's transmission time is added as a margin (an acknowledgement may wait behind a
     * unit on the reverse link). A timeout shorter than that retransmits on a clean link.
     */
    private static double roundTripSeconds(LinkConfig data, LinkConfig acknowledgement) {
        int fullFrameBytes = data.frameHeaderBytes() + data.framePayloadBytes();
        return data.propagationDelaySeconds() + data.transmissionSeconds(fullFrameBytes)
                + acknowledgement.transmissionSeconds(acknowledgement.controlFrameBytes())
                + acknowledgement.propagationDelaySeconds();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void retransmissionTimeout_exceedsTheRoundTripInBothDirections(Profile profile) {
        AirInterface air = profile.airInterface();
        ArqConfig arq = profile.protocolConfig().arq();
        double backup = roundTripSeconds(air.uplink(), air.downlink());
        double download = roundTripSeconds(air.downlink(), air.uplink());
        double timeout = arq.retransmissionTimeoutSeconds();
        assertAll(
                () -> assertTrue(timeout > backup, "timeout " + timeout + " s, backup round trip " + backup + " s"),
                () -> assertTrue(timeout > download,
                        "timeout " + timeout + " s, download round trip " + download + " s"));
    }
}
