package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.radio.GilbertElliottLoss;

/**
 * A busy, lossy scenario touching every random purpose (loss per link, set-up failures, radio link
 * failures) and blocking: 60 subscribers back up, half of them restore onto a new phone later.
 */
final class ScenarioFixture {

    static final int SUBSCRIBERS = 60;

    private ScenarioFixture() {}

    static void build(ModelHarness h) {
        BaseStation station = h.station(StationConfig.of("bs-1", 3, 3_000_000,
                ModelHarness.CLEAN_AIR
                        .withLossModel(new GilbertElliottLoss(0.02, 0.3, 0.01, 0.6))
                        .withSetup(0.5, 0.05)
                        .withMeanTimeToFailureSeconds(60)));
        for (int i = 0; i < SUBSCRIBERS; i++) {
            PhoneNumber number = PhoneNumber.of(String.format("0100%04d", i));
            Terminal phone = new Terminal(number, UserData.synthetic(5_000 + 997L * i, 10 + i, i));
            phone.enterMaintenancePassword("pw" + i);
            h.at(1.5 * i, () -> h.service().terminals().startBackup(phone, station));
            if (i % 2 == 0) {
                Terminal replacement = Terminal.empty(PhoneNumber.of(String.format("0199%04d", i)));
                replacement.enterMaintenancePassword("pw" + i);
                h.at(200 + 1.5 * i, () -> h.service().terminals().startDownload(replacement, number, station));
            }
        }
    }
}
