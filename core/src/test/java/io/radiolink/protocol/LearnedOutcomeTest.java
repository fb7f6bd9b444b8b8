package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.CLEAN_LINK;
import static io.radiolink.protocol.ModelHarness.losing;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.radio.AirInterface;
import io.radiolink.simulation.FlowRecords;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Complete commands under loss: a terminal whose backup never heard the station's complete command
 * learns on its next contact whether the station holds its data; a terminal that heard it has nothing
 * to learn.
 */
final class LearnedOutcomeTest {

    /** What the listener learned: earlier flow id, stored or not. */
    private record Learned(long earlierFlowId, boolean stored) {}

    /** Two backups of one phone, 500 s apart, over {@code air}; what the second learned of the first. */
    private static List<Learned> run(AirInterface air) {
        List<Learned> learned = new ArrayList<>();
        ModelHarness h = new ModelHarness();
        FlowListener recorder = new FlowListener() {
            @Override
            public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
                learned.add(new Learned(earlierFlowId, committed));
            }
        };
        h.run(m -> {
            BaseStation bs = m.station(StationConfig.of("bs-1", 1, 1_000_000, air));
            BackupService service = new BackupService(m.scheduler(), ModelHarness.PROTOCOL, new FlowRecords(recorder, m.scheduler()::nowSeconds));
            Terminal a = terminalWithData("0100", 1_000, true);
            service.terminals().startBackup(a, bs);
            m.at(500, () -> service.terminals().startBackup(a, bs));
        });
        return learned;
    }

    @Test
    void stationCompleteAlwaysLost_nextBackupLearnsItWasStored() {
        int frames = CLEAN_LINK.framesFor(1_000);
        // On every connection the downlink loses what follows the acknowledgements: the station's
        // complete commands. The next backup's response (downlink unit 0) gets through and tells.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK, CLEAN_LINK.withLossModel(losing(i -> i > frames)));
        assertEquals(List.of(new Learned(0, true)), run(air));
    }

    @Test
    void terminalCompleteAlwaysLost_nextBackupLearnsItWasNotStored() {
        int frames = CLEAN_LINK.framesFor(1_000);
        // On every connection the uplink loses what follows the data: the terminal's complete commands,
        // so the station never commits. The next backup's response says nothing is stored.
        AirInterface air = CLEAN_AIR.withLinks(CLEAN_LINK.withLossModel(losing(i -> i > frames)), CLEAN_LINK);
        assertEquals(List.of(new Learned(0, false)), run(air));
    }

    @Test
    void cleanLink_nothingToLearn() {
        assertTrue(run(CLEAN_AIR).isEmpty());
    }
}
