package io.radiolink.protocol;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.LinkCounts;
import java.util.Objects;

/**
 * The immutable account of one finished flow.
 *
 * @param flowId the flow's number within its {@link BackupService}, from 0 in start order
 * @param kind backup or download
 * @param terminalNumber the phone number of the terminal that ran the flow
 * @param addressedNumber the phone number the data is stored under (the terminal's own for a backup)
 * @param stationId the base station
 * @param outcome the terminal's view of how the flow ended
 * @param stationEffect what the flow changed in the station's store
 * @param endPhase the phase the flow was in when it ended
 * @param startSeconds when the flow started
 * @param endSeconds when it ended (for flows that got a connection: when the connection ended)
 * @param userDataBytes size of the user data transferred or announced, 0 if none was
 * @param integrity whether the receiver checked the data's digest, and the result
 * @param phaseTimes the time spent in each phase the flow entered
 * @param dataFramesSent data frame transmissions, retransmissions included
 * @param dataFramesRetransmitted data frame retransmissions
 * @param controlMessagesSent the terminal's control message transmissions, retransmissions included
 * @param controlMessagesRetransmitted the terminal's control message retransmissions
 * @param uplinkUnitsSent every unit the terminal transmitted (control, data, acknowledgements)
 * @param uplinkUnitsLost uplink units lost on the air
 * @param downlinkUnitsSent every unit the station transmitted
 * @param downlinkUnitsLost downlink units lost on the air
 * @param uplinkUnitsCorrupted uplink units corrupted on the air (discarded by the frame check, or slipping
 *     through it)
 * @param downlinkUnitsCorrupted downlink units corrupted on the air
 * @param attempts connections the flow asked for, >= 1 (more than one only with {@link ResumeConfig}
 *     reconnection); 1 as well for a flow that never asked (no password)
 * @param dataBytesSent user data bytes carried by the flow's data frame transmissions, retransmissions and
 *     every attempt included
 * @param bytesInVain the part of {@code dataBytesSent} that did not become the receiver's copy: for a
 *     successful flow every byte beyond the ones the receiver still needed when the flow began, for a
 *     failed flow all of them
 * @param chunksRepaired chunks sent again in repair rounds because their digest failed or frames were
 *     missing ({@link ChunkConfig})
 */
public record FlowRecord(
        long flowId,
        FlowKind kind,
        PhoneNumber terminalNumber,
        PhoneNumber addressedNumber,
        String stationId,
        FlowOutcome outcome,
        StationEffect stationEffect,
        FlowPhase endPhase,
        double startSeconds,
        double endSeconds,
        long userDataBytes,
        IntegrityCheck integrity,
        PhaseTimes phaseTimes,
        long dataFramesSent,
        long dataFramesRetransmitted,
        long controlMessagesSent,
        long controlMessagesRetransmitted,
        long uplinkUnitsSent,
        long uplinkUnitsLost,
        long downlinkUnitsSent,
        long downlinkUnitsLost,
        long uplinkUnitsCorrupted,
        long downlinkUnitsCorrupted,
        int attempts,
        long dataBytesSent,
        long bytesInVain,
        long chunksRepaired) {

    /** Checks for nulls. */
    public FlowRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(terminalNumber, "terminalNumber");
        Objects.requireNonNull(addressedNumber, "addressedNumber");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(stationEffect, "stationEffect");
        Objects.requireNonNull(endPhase, "endPhase");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(phaseTimes, "phaseTimes");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        if (dataBytesSent < 0 || bytesInVain < 0 || bytesInVain > dataBytesSent || chunksRepaired < 0) {
            throw new IllegalArgumentException("need 0 <= bytesInVain (" + bytesInVain + ") <= dataBytesSent ("
                    + dataBytesSent + ") and chunksRepaired (" + chunksRepaired + ") >= 0");
        }
    }

    /**
     * The record of a flow that joins what its terminal saw ({@code terminal}) and what the station did
     * ({@code station}): the station's change of its store; the receiver's digest check, which is the
     * station's for a backup that reached it; the data frames of whichever end sent them; and as bytes in
     * vain every byte beyond the ones the receiver needed when the flow began (all of them if it failed).
     */
    public static FlowRecord of(TerminalRecord terminal, StationRecord station) {
        IntegrityCheck integrity = station.integrity() != IntegrityCheck.NOT_CHECKED ? station.integrity()
                : terminal.integrity();
        TransferCounts data = terminal.dataSent().plus(station.dataSent());
        long useful = terminal.outcome().isSuccess() ? terminal.bytesNeeded() : 0;
        LinkCounts up = terminal.uplink();
        LinkCounts down = terminal.downlink();
        return new FlowRecord(terminal.flowId(), terminal.kind(), terminal.terminalNumber(),
                terminal.addressedNumber(), terminal.stationId(), terminal.outcome(), station.effect(),
                terminal.endPhase(), terminal.startSeconds(), terminal.endSeconds(), terminal.userDataBytes(),
                integrity, terminal.phaseTimes(), data.framesSent(), data.framesRetransmitted(),
                terminal.controlMessagesSent(), terminal.controlMessagesRetransmitted(), up.unitsSent(),
                up.unitsLost(), down.unitsSent(), down.unitsLost(), up.unitsCorrupted(), down.unitsCorrupted(),
                terminal.attempts(), data.bytesSent(), data.bytesSent() - useful, terminal.chunksRepaired());
    }

    /** Seconds from start to end. */
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** Retransmissions by the terminal: its control messages, and its data frames in a backup. */
    public long uplinkRetransmissions() {
        return controlMessagesRetransmitted + (kind == FlowKind.BACKUP ? dataFramesRetransmitted : 0);
    }

    /** Retransmissions by the station: its data frames in a download. */
    public long downlinkRetransmissions() {
        return kind == FlowKind.DOWNLOAD ? dataFramesRetransmitted : 0;
    }

    /** True if the terminal saw a failure although the station committed, confirmed or cleared. */
    public boolean stationViewDiffers() {
        return !outcome.isSuccess() && stationEffect != StationEffect.NONE;
    }
}
