package io.radiolink.simulation;

import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.workload.ScriptedFlow;
import io.radiolink.workload.WorkloadListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Schedules a configuration's scripted flows into a replication. */
final class ScriptedFlows {

    private final ReplicationModel model;
    private final WorkloadListener skipped;
    /** The phones that keep their identity between scripted flows (each backing-up number's), by number. */
    private final Map<PhoneNumber, Terminal> ownPhones = new HashMap<>();

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
            long label = i;
            model.scheduler().postAt(flow.atSeconds(), () -> scripted.start(flow, label));
        }
    }

    /** Starts scripted flow number {@code label} (the label of a backup's synthetic data), unless its phone is busy. */
    private void start(ScriptedFlow flow, long label) {
        Terminal phone = flow.phone(number -> ownPhones.computeIfAbsent(number, Terminal::empty));
        if (!busy(phone, flow)) {
            type(phone, flow.password());
            flow.start(phone, model.station(flow.stationId()), model.service().terminals(), label);
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
