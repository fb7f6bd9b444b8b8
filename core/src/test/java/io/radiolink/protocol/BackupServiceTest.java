package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BaseStation;
import io.radiolink.node.Terminal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service's own rules: one flow per terminal at a time, data needed for a backup, ids in start order. */
final class BackupServiceTest {

    @Test
    void startBackup_terminalWithoutData_rejected() {
        new ModelHarness().run(h -> assertThrows(IllegalStateException.class,
                () -> h.service().terminals().startBackup(replacementPhone("0100", "pw"), h.station(CLEAN_AIR))));
    }

    @Test
    void startBackup_terminalAlreadyRunningAFlow_rejectedUntilItEnds() {
        List<Boolean> busyDuringFlow = new ArrayList<>();
        ModelHarness h = new ModelHarness().run(m -> {
            Terminal a = terminalWithData("0100", 1_000, true);
            BaseStation station = m.station(CLEAN_AIR);
            m.service().terminals().startBackup(a, station);
            busyDuringFlow.add(m.service().terminals().isBusy(a));
            assertThrows(IllegalStateException.class, () -> m.service().terminals().startBackup(a, station));
            m.at(100, () -> {
                busyDuringFlow.add(m.service().terminals().isBusy(a));
                m.service().terminals().startBackup(a, station);
            });
        });
        assertEquals(List.of(true, false), busyDuringFlow);
        assertEquals(2, h.records.size());
        assertTrue(h.records.stream().allMatch(r -> r.outcome().isSuccess()));
    }

    @Test
    void flowIds_countFromZeroInStartOrder_andEveryStartedFlowEndsOnce() {
        ModelHarness h = new ModelHarness().run(ScenarioFixture::build);
        assertEquals(h.started.size(), h.records.size());
        List<Long> ids = h.records.stream().map(FlowRecord::flowId).sorted().toList();
        assertEquals(h.started.stream().sorted().toList(), ids);
        assertEquals(0L, ids.get(0));
        assertEquals(ids.size() - 1L, ids.get(ids.size() - 1));
        assertFalse(h.records.stream().anyMatch(r -> r.endSeconds() < r.startSeconds()));
    }
}
