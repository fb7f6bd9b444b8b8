package io.radiolink.stats;

import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The counted flows by kind: their counts, completion and phase times, attempts; counted by start time. A
 * flow's look-up that found a copy after the flow ended ({@link FlowListener#lateCopyAtRequest}) counts with
 * its record's copy at request.
 */
public final class FlowCalculator extends Calculator<Map<FlowKind, FlowStatistics>> implements FlowListener {

    private static final FlowKind[] KINDS = FlowKind.values();
    private static final FlowPhase[] PHASES = FlowPhase.values();

    private final KindAccumulator[] kinds = new KindAccumulator[KINDS.length];

    /** A calculator counting in {@code window}. */
    public FlowCalculator(ObservationWindow window) {
        super(window);
        for (FlowKind kind : KINDS) {
            kinds[kind.ordinal()] = new KindAccumulator();
        }
    }

    @Override
    public void flowStarted(Flow flow, double timeSeconds) {
        requireOpen();
        if (inWindow(timeSeconds)) {
            kinds[flow.kind().ordinal()].started++;
        }
    }

    @Override
    public void flowEnded(Flow flow, FlowRecord record) {
        requireOpen();
        if (inWindow(record.startSeconds())) {
            kinds[record.kind().ordinal()].add(record);
        }
    }

    /**
     * A counted download whose look-up found a copy after it ended joins the flows that found a copy at a
     * request, as if its record said so (the record, final at the flow's end, says none).
     */
    @Override
    public void lateCopyAtRequest(FlowRecord record, double timeSeconds) {
        requireOpen();
        if (inWindow(record.startSeconds())) {
            kinds[record.kind().ordinal()].copyAtRequest(record);
        }
    }

    /** @throws IllegalStateException if more flows of a kind ended than started (flowStarted was not forwarded) */
    @Override
    Map<FlowKind, FlowStatistics> result() {
        Map<FlowKind, FlowStatistics> flows = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : KINDS) {
            flows.put(kind, kinds[kind.ordinal()].toStatistics(kind));
        }
        return flows;
    }

    /** The counted flows of one kind. */
    private static final class KindAccumulator {
        long started;
        long ended;
        final long[] outcomes = new long[FlowOutcome.values().length];
        final long[] integrity = new long[IntegrityCheck.values().length];
        long stationViewDiffers;
        final SummaryStatistics completion = new SummaryStatistics();
        final Histogram completionHistogram = DurationHistogram.newRecorder();
        final SummaryStatistics[] phases = new SummaryStatistics[PHASES.length];
        long successfulUserDataBytes;
        final SummaryStatistics successAttempts = new SummaryStatistics();
        long dataBytesSent;
        long bytesInVain;
        long chunksRepaired;
        long copyAtRequest;
        long failedCopyAtRequest;
        long reconnections;
        long accessRetries;

        KindAccumulator() {
            for (FlowPhase phase : PHASES) {
                phases[phase.ordinal()] = new SummaryStatistics();
            }
        }

        void add(FlowRecord record) {
            ended++;
            outcomes[record.outcome().ordinal()]++;
            integrity[record.integrity().ordinal()]++;
            if (record.stationViewDiffers()) {
                stationViewDiffers++;
            }
            if (record.outcome().isSuccess()) {
                completion.addValue(record.durationSeconds());
                DurationHistogram.record(completionHistogram, record.durationSeconds());
                successfulUserDataBytes += record.userDataBytes();
                successAttempts.addValue(record.attempts());
            }
            dataBytesSent += record.data().bytesSent();
            bytesInVain += record.bytesInVain();
            chunksRepaired += record.chunksRepaired();
            reconnections += record.reconnections();
            accessRetries += record.accessRetries();
            if (record.copyAtRequest()) {
                copyAtRequest(record);
            }
            for (FlowPhase phase : PHASES) {
                if (record.phaseTimes().entered(phase)) {
                    phases[phase.ordinal()].addValue(record.phaseTimes().seconds(phase));
                }
            }
        }

        /** Counts an ended flow among those whose request found a copy, in its record or late. */
        void copyAtRequest(FlowRecord record) {
            copyAtRequest++;
            if (!record.outcome().isSuccess()) {
                failedCopyAtRequest++;
            }
        }

        FlowStatistics toStatistics(FlowKind kind) {
            if (ended > started) {
                throw new IllegalStateException(ended + " counted " + kind + " flows ended but only " + started
                        + " started: forward flowStarted as well as flowEnded to the calculator");
            }
            Map<FlowPhase, StatisticalSummaryValues> phaseSeconds = new EnumMap<>(FlowPhase.class);
            for (FlowPhase phase : PHASES) {
                phaseSeconds.put(phase, summary(phases[phase.ordinal()]));
            }
            FlowCounts counts = new FlowCounts(ResultMaps.counts(FlowOutcome.class, outcomes),
                    ResultMaps.counts(IntegrityCheck.class, integrity), started - ended, stationViewDiffers,
                    successfulUserDataBytes, dataBytesSent, bytesInVain, chunksRepaired, copyAtRequest,
                    failedCopyAtRequest, reconnections, accessRetries);
            return new FlowStatistics(counts, summary(completion), DurationHistogram.copyOf(completionHistogram),
                    phaseSeconds, summary(successAttempts));
        }
    }
}
