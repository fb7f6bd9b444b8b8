package io.radiolink.stats;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;
import io.radiolink.protocol.ControlCounts;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.IntegrityCheck;
import io.radiolink.protocol.PhaseTimes;
import io.radiolink.protocol.StationEffect;
import io.radiolink.protocol.StationRecord;
import io.radiolink.protocol.TerminalRecord;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.DirectionCounts;
import java.util.EnumMap;
import java.util.Map;

/** Hand-made flow records: a builder with neutral defaults (no data, no units, only SETUP entered). */
final class Records {

    private final FlowKind kind;
    private final FlowOutcome outcome;
    private final double startSeconds;
    private final double endSeconds;
    private StationEffect effect = StationEffect.NONE;
    private boolean copyAtRequest;
    private IntegrityCheck integrity = IntegrityCheck.NOT_CHECKED;
    private long userDataBytes;
    private final Map<FlowPhase, Double> phases = new EnumMap<>(FlowPhase.class);
    private long dataFramesSent;
    private long dataFramesRetransmitted;
    private long controlMessagesSent;
    private long controlMessagesRetransmitted;
    private long uplinkUnitsSent;
    private long uplinkUnitsLost;
    private long downlinkUnitsSent;
    private long downlinkUnitsLost;
    private int attempts = 1;
    private int accessRetries;
    private long dataBytesSent;
    private long bytesInVain;
    private long chunksRepaired;

    private Records(FlowKind kind, FlowOutcome outcome, double startSeconds, double endSeconds) {
        this.kind = kind;
        this.outcome = outcome;
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
        phases.put(FlowPhase.SETUP, endSeconds - startSeconds);
    }

    static Records flow(FlowKind kind, FlowOutcome outcome, double startSeconds, double endSeconds) {
        return new Records(kind, outcome, startSeconds, endSeconds);
    }

    Records copyAtRequest(boolean value) {
        copyAtRequest = value;
        return this;
    }

    Records effect(StationEffect value) {
        effect = value;
        return this;
    }

    Records integrity(IntegrityCheck value) {
        integrity = value;
        return this;
    }

    Records bytes(long value) {
        userDataBytes = value;
        return this;
    }

    /** Seconds in SETUP, REQUEST, TRANSFER, COMPLETE, RELEASE, BACKOFF; NaN or missing: not entered. */
    Records phases(double... secondsByOrdinal) {
        phases.clear();
        for (FlowPhase phase : FlowPhase.values()) {
            double seconds = phase.ordinal() < secondsByOrdinal.length ? secondsByOrdinal[phase.ordinal()] : Double.NaN;
            if (!Double.isNaN(seconds)) {
                phases.put(phase, seconds);
            }
        }
        return this;
    }

    Records frames(long sent, long retransmitted) {
        dataFramesSent = sent;
        dataFramesRetransmitted = retransmitted;
        return this;
    }

    Records control(long sent, long retransmitted) {
        controlMessagesSent = sent;
        controlMessagesRetransmitted = retransmitted;
        return this;
    }

    Records uplink(long sent, long lost) {
        uplinkUnitsSent = sent;
        uplinkUnitsLost = lost;
        return this;
    }

    Records downlink(long sent, long lost) {
        downlinkUnitsSent = sent;
        downlinkUnitsLost = lost;
        return this;
    }

    Records attempts(int value) {
        attempts = value;
        return this;
    }

    /** {@code value} of the attempts followed a refused one (blocked or access failed). */
    Records accessRetries(int value) {
        accessRetries = value;
        return this;
    }

    /** User data bytes sent, and the part of them sent in vain (all of them for a failed flow). */
    Records dataBytes(long sent, long inVain) {
        dataBytesSent = sent;
        bytesInVain = inVain;
        return this;
    }

    Records chunksRepaired(long value) {
        chunksRepaired = value;
        return this;
    }

    /**
     * The record, with each end's part as the model makes it: a backup's data frames are the terminal's, a
     * download's the station's, and each direction's retransmissions are its sender's (the terminal's
     * control messages, and the data frames of the end that sends them).
     */
    FlowRecord build() {
        PhoneNumber number = PhoneNumber.of("0100");
        boolean backup = kind == FlowKind.BACKUP;
        TransferCounts data = new TransferCounts(dataFramesSent, dataFramesRetransmitted, dataBytesSent);
        TerminalRecord terminal = new TerminalRecord(0, kind, number, number, "cell-a", outcome, FlowPhase.RELEASE,
                startSeconds, endSeconds, userDataBytes, integrity, PhaseTimes.of(phases),
                backup ? data : TransferCounts.ZERO,
                new ControlCounts(controlMessagesSent, controlMessagesRetransmitted),
                new DirectionCounts(uplinkUnitsSent, uplinkUnitsLost, 0,
                        controlMessagesRetransmitted + (backup ? dataFramesRetransmitted : 0)),
                attempts, accessRetries, outcome.isSuccess() ? dataBytesSent - bytesInVain : 0, chunksRepaired);
        StationRecord station = new StationRecord(effect, IntegrityCheck.NOT_CHECKED,
                backup ? TransferCounts.ZERO : data,
                new DirectionCounts(downlinkUnitsSent, downlinkUnitsLost, 0, backup ? 0 : dataFramesRetransmitted),
                copyAtRequest);
        return new FlowRecord(terminal, station);
    }

    /** Tells {@code listener} of the flow's start and end, as {@code BackupService} would. */
    static void report(FlowListener listener, FlowRecord record) {
        Flow flow = of(record.kind());
        listener.flowStarted(flow, record.startSeconds());
        listener.flowEnded(flow, record);
    }

    /** A flow of {@code kind} that knows nothing else: the statistics read a started flow's kind only. */
    static Flow of(FlowKind kind) {
        return new Flow() {
            @Override
            public FlowKind kind() {
                return kind;
            }

            @Override
            public long id() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Terminal terminal() {
                throw new UnsupportedOperationException();
            }

            @Override
            public BaseStation station() {
                throw new UnsupportedOperationException();
            }

            @Override
            public PhoneNumber addressedNumber() {
                throw new UnsupportedOperationException();
            }

            @Override
            public FlowPhase phase() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean isEnded() {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean timersArmed() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
