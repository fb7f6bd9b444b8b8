package io.radiolink.simulation;

import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Schedules a configuration's scripted flows into a replication. */
final class ScriptedFlows {

    private final ReplicationModel model;
    private final WorkloadListener skipped;
    /** The terminal of each number that backs up, the same one for each of its scripted backups. */
    private final Map<PhoneNumber, Terminal> backupPhones = new HashMap<>();

    private ScriptedFlows(ReplicationModel model, WorkloadListener skipped) {
        this.model = model;
        this.skipped = skipped;
    }

    /**
     * Schedules {@code flows}; a flow whose phone still runs an earlier flow starts nothing and is
     * reported to {@code skipped}, as a workload arrival would be.
     */
    static void schedule(List<ScriptedFlow> flows, ReplicationModel model, WorkloadListener skipped) {
        ScriptedFlows scripted = new ScriptedFlows(model, skipped);
        for (int i = 0; i < flows.size(); i++) {
            ScriptedFlow flow = flows.get(i);
            Start start = scripted.new Start(i);
            model.scheduler().postAt(flow.atSeconds(), () -> flow.accept(start));
        }
    }

    /** Starts scripted flow number {@code label}, the label of a backup's synthetic data. */
    private final class Start implements ScriptedFlow.Visitor<Void> {
        private final long label;

        Start(long label) {
            this.label = label;
        }

        @Override
        public Void backup(ScriptedFlow.Backup flow) {
            Terminal phone = backupPhones.computeIfAbsent(flow.terminalNumber(), Terminal::empty);
            if (!busy(phone, flow)) {
                phone.store(UserData.synthetic(flow.userDataBytes(), flow.recordCount(), label));
                type(phone, flow.password());
                model.service().terminals().startBackup(phone, model.station(flow.stationId()));
            }
            return null;
        }

        @Override
        public Void download(ScriptedFlow.Download flow) {
            Terminal phone = Terminal.empty(flow.terminalNumber());
            if (!busy(phone, flow)) {
                type(phone, flow.password());
                model.service().terminals().startDownload(phone, flow.storedNumber(), model.station(flow.stationId()));
            }
            return null;
        }
    }

    /** True, and reported as skipped, if {@code phone} still runs an earlier flow. */
    private boolean busy(Terminal phone, ScriptedFlow flow) {
        if (model.service().terminals().isBusy(phone)) {
            skipped.arrivalSkippedTerminalBusy(flow.stationId(), model.scheduler().nowSeconds());
            return true;
        }
        return false;
    }

    /** The user enters {@code password} on {@code phone}, or none if it is null. */
    private static void type(Terminal phone, String password) {
        if (password == null) {
            phone.clearMaintenancePassword();
        } else {
            phone.enterMaintenancePassword(password);
        }
    }
}
