package io.radiolink.profile;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.BernoulliLoss;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.RandomAccessConfig;
import io.radiolink.radio.share.ProcessorSharing;

/**
 * Documented parameter sets for two eras of radio access; {@code docs/profiles.md} says where each
 * number comes from. They are starting points for studies, not measurements of any one network.
 */
public enum Profile {

    /**
     * Circuit-switched data as in the seed patent's time: a GSM full-rate 9.6 kbit/s data call with
     * the Radio Link Protocol's 240-bit frames and selective-reject ARQ, and a call set-up of tens of
     * seconds.
     */
    CIRCUIT_SWITCHED_DATA(
            new AirInterface(
                    new LinkConfig(9_600, 0.200, 25, 5, 30, new BernoulliLoss(0.01)),
                    new LinkConfig(9_600, 0.200, 25, 5, 30, new BernoulliLoss(0.01)),
                    20.0, 0.02, 6_000.0, 1.0),
            new ProtocolConfig(ArqConfig.selectiveRepeat(61, 0.6, 6), new ControlConfig(2.0, 3))),

    /**
     * A modern LTE-like packet cell: a 20 MHz FDD carrier whose capacity (LTE Release 8's average cell
     * spectral efficiency, 14.7 Mbit/s uplink and 33.8 Mbit/s downlink) its active connections share by
     * processor sharing, each terminal of category 4 (peaks 51.024 and 150.752 Mbit/s), a round trip of
     * about 30 ms, IP-sized frames, RLC acknowledged-mode ARQ and an RRC connection set-up of about 100 ms.
     */
    LTE(
            new AirInterface(
                    new LinkConfig(51_024_000, 0.015, 1_400, 40, 64, new BernoulliLoss(0.001)),
                    new LinkConfig(150_752_000, 0.015, 1_400, 40, 64, new BernoulliLoss(0.001)),
                    0.1, 0.005, 7_200.0, 0.05, RandomAccessConfig.NONE,
                    new CellCapacity.Shared(14_700_000, 33_800_000, new ProcessorSharing())),
            new ProtocolConfig(ArqConfig.selectiveRepeat(512, 0.1, 8), new ControlConfig(0.5, 3)));

    private final AirInterface airInterface;
    private final ProtocolConfig protocolConfig;

    Profile(AirInterface airInterface, ProtocolConfig protocolConfig) {
        this.airInterface = airInterface;
        this.protocolConfig = protocolConfig;
    }

    /** The air interface of a base station of this era. */
    public AirInterface airInterface() {
        return airInterface;
    }

    /** The protocol settings suited to this era's link. */
    public ProtocolConfig protocolConfig() {
        return protocolConfig;
    }
}
