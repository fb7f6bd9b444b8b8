package io.radiolink.simulation;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.StationEffect;
import java.util.ArrayList;
import java.util.List;

/** Several flow listeners as one: each event goes to every listener, in the order they were added. */
final class FlowListeners implements FlowListener {

    private final List<FlowListener> listeners = new ArrayList<>();

    FlowListeners(FlowListener... first) {
        listeners.addAll(List.of(first));
    }

    void add(FlowListener listener) {
        listeners.add(listener);
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        for (FlowListener l : listeners) {
            l.flowStarted(flow, timeSeconds);
        }
    }

    @Override
    public void phaseChanged(Flow flow, FlowPhase phase, double timeSeconds) {
        for (FlowListener l : listeners) {
            l.phaseChanged(flow, phase, timeSeconds);
        }
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        for (FlowListener l : listeners) {
            l.flowEnded(flow, record);
        }
    }

    @Override
    public void outcomeLearned(Flow flow, long earlierFlowId, boolean committed, double timeSeconds) {
        for (FlowListener l : listeners) {
            l.outcomeLearned(flow, earlierFlowId, committed, timeSeconds);
        }
    }

    @Override
    public void lateStoreEffect(FlowRecord record, StationEffect effect, double timeSeconds) {
        for (FlowListener l : listeners) {
            l.lateStoreEffect(record, effect, timeSeconds);
        }
    }

    @Override
    public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
        for (FlowListener l : listeners) {
            l.lateCopyAtRequest(record, timeSeconds);
        }
    }
}
