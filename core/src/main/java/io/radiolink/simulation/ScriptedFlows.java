package io.radiolink.simulation;

import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.protocol.FlowKind;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Schedules a configuration's scripted flows into a replication. */
final class ScriptedFlows {

    private ScriptedFlows() {}

    /**
     * Schedules {@code flows}; a flow whose phone still runs an earlier flow starts nothing and is
     * reported to {@code skipped}, as a workload arrival would be.
     */
    static void schedule(List<ScriptedFlow> flows, ReplicationModel model, WorkloadListener skipped) {
        Map<PhoneNumber, Terminal> backupPhones = new HashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            ScriptedFlow flow = flows.get(i);
            long label = i;
            model.scheduler().postAt(flow.atSeconds(), () -> start(flow, label, backupPhones, model, skipped));
        }
    }

    private static void start(ScriptedFlow flow, long label, Map<PhoneNumber, Terminal> backupPhones,
            ReplicationModel model, WorkloadListener skipped) {
        Terminal phone = flow.kind() == FlowKind.BACKUP
                ? backupPhones.computeIfAbsent(flow.terminalNumber(), Terminal::empty)
                : Terminal.empty(flow.terminalNumber());
        if (model.service().isBusy(phone)) {
            skipped.arrivalSkippedTerminalBusy(flow.stationId(), model.scheduler().nowSeconds());
            return;
        }
        if (flow.kind() == FlowKind.BACKUP) {
            phone.store(UserData.synthetic(flow.userDataBytes(), flow.recordCount(), label));
        }
        if (flow.password() == null) {
            phone.clearMaintenancePassword();
        } else {
            phone.enterMaintenancePassword(flow.password());
        }
        if (flow.kind() == FlowKind.BACKUP) {
            model.service().startBackup(phone, model.station(flow.stationId()));
        } else {
            model.service().startDownload(phone, flow.storedNumber(), model.station(flow.stationId()));
        }
    }
}
