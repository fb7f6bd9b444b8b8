package io.radiolink.protocol;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.DirectionCounts;
import java.util.Objects;

/**
 * The immutable account of one finished flow: what its terminal saw joined with what the station did.
 * The terminal's facts are read through to {@code terminal} (their meaning is stated there); the joined
 * facts are the station's change of its store, the receiver's digest check (the station's for a backup
 * that reached it), the data frames of whichever end sent them, each direction as its sender counted it
 * (the uplink by the terminal, the downlink by the station), and the bytes sent in vain.
 *
 * @param terminal the flow as its terminal saw it
 * @param station what the station did for it, over every session of its connections
 */
public record FlowRecord(TerminalRecord terminal, StationRecord station) {

    /** Checks for nulls, and that a successful flow sent at least the bytes its receiver needed. */
    public FlowRecord {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(station, "station");
        if (bytesInVain(terminal, station) < 0) {
            throw new IllegalArgumentException("a successful flow sent " + data(terminal, station).bytesSent()
                    + " data bytes for " + terminal.bytesNeeded() + " needed");
        }
    }

    /** {@link TerminalRecord#flowId}. */
    public long flowId() {
        return terminal.flowId();
    }

    /** {@link TerminalRecord#kind}. */
    public FlowKind kind() {
        return terminal.kind();
    }

    /** {@link TerminalRecord#terminalNumber}. */
    public PhoneNumber terminalNumber() {
        return terminal.terminalNumber();
    }

    /** {@link TerminalRecord#addressedNumber}. */
    public PhoneNumber addressedNumber() {
        return terminal.addressedNumber();
    }

    /** {@link TerminalRecord#stationId}. */
    public String stationId() {
        return terminal.stationId();
    }

    /** {@link TerminalRecord#outcome}: the terminal's view of how the flow ended. */
    public FlowOutcome outcome() {
        return terminal.outcome();
    }

    /** {@link TerminalRecord#endPhase}. */
    public FlowPhase endPhase() {
        return terminal.endPhase();
    }

    /** {@link TerminalRecord#startSeconds}. */
    public double startSeconds() {
        return terminal.startSeconds();
    }

    /** {@link TerminalRecord#endSeconds}. */
    public double endSeconds() {
        return terminal.endSeconds();
    }

    /** {@link TerminalRecord#userDataBytes}. */
    public long userDataBytes() {
        return terminal.userDataBytes();
    }

    /** {@link TerminalRecord#phaseTimes}. */
    public PhaseTimes phaseTimes() {
        return terminal.phaseTimes();
    }

    /** {@link TerminalRecord#control}: the terminal's control messages. */
    public ControlCounts control() {
        return terminal.control();
    }

    /** {@link TerminalRecord#attempts}. */
    public int attempts() {
        return terminal.attempts();
    }

    /** {@link TerminalRecord#accessRetries}. */
    public int accessRetries() {
        return terminal.accessRetries();
    }

    /** {@link TerminalRecord#reconnections}. */
    public int reconnections() {
        return terminal.reconnections();
    }

    /** {@link TerminalRecord#chunksRepaired}. */
    public long chunksRepaired() {
        return terminal.chunksRepaired();
    }

    /** What the flow changed in the station's store ({@link StationRecord#effect}). */
    public StationEffect stationEffect() {
        return station.effect();
    }

    /**
     * {@link StationRecord#copyAtRequest}: a download request found a committed copy in the store, as known
     * at the flow's end (a look-up answered later is told apart: {@link FlowListener#lateCopyAtRequest}).
     */
    public boolean copyAtRequest() {
        return station.copyAtRequest();
    }

    /** The receiver's digest check: the station's if it checked (a backup), else the terminal's. */
    public IntegrityCheck integrity() {
        return station.integrity() != IntegrityCheck.NOT_CHECKED ? station.integrity() : terminal.integrity();
    }

    /**
     * The flow's data frames, of whichever end sent them (the terminal in a backup, the station in a
     * download), every round and attempt; their bytes are the user data bytes they carried.
     */
    public TransferCounts data() {
        return data(terminal, station);
    }

    private static TransferCounts data(TerminalRecord terminal, StationRecord station) {
        return terminal.dataSent().plus(station.dataSent());
    }

    /** Terminal to station, as the terminal counted it ({@link TerminalRecord#uplink}). */
    public DirectionCounts uplink() {
        return terminal.uplink();
    }

    /** Station to terminal, as the station counted it ({@link StationRecord#downlink}). */
    public DirectionCounts downlink() {
        return station.downlink();
    }

    /**
     * The part of {@code data().bytesSent()} that did not become the receiver's copy: for a successful
     * flow every byte beyond the ones the receiver still needed when the flow began, for a failed flow
     * all of them.
     */
    public long bytesInVain() {
        return bytesInVain(terminal, station);
    }

    private static long bytesInVain(TerminalRecord terminal, StationRecord station) {
        return data(terminal, station).bytesSent() - (terminal.outcome().isSuccess() ? terminal.bytesNeeded() : 0);
    }

    /** Seconds from start to end. */
    public double durationSeconds() {
        return endSeconds() - startSeconds();
    }

    /** True if the terminal saw a failure although the station committed, confirmed or cleared. */
    public boolean stationViewDiffers() {
        return !outcome().isSuccess() && stationEffect() != StationEffect.NONE;
    }
}
