package io.radiolink.protocol;

import io.radiolink.node.PhoneNumber;
import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.DirectionCounts;
import java.util.Objects;

/**
 * A finished flow as its terminal saw it: what it sent, heard and decided. What the station did (its
 * store's changes, its own data frames and what it put on the downlink, its digest check of a backup) is
 * in the {@link StationRecord}; {@link FlowRecord} joins both.
 *
 * @param flowId the flow's number within its {@link BackupService}, from 0 in start order
 * @param kind backup or download
 * @param terminalNumber the phone number of the terminal that ran the flow
 * @param addressedNumber the phone number the data is stored under (the terminal's own for a backup)
 * @param stationId the base station
 * @param outcome the terminal's view of how the flow ended
 * @param endPhase the phase the flow was in when it ended
 * @param startSeconds when the flow started
 * @param endSeconds when it ended (for flows that got a connection: when the connection ended)
 * @param userDataBytes size of the user data transferred or announced, 0 if none was
 * @param integrity the terminal's own digest check of a download, or a backup's check as the station
 *     reported it in an integrity failure; otherwise not checked
 * @param phaseTimes the time spent in each phase the flow entered
 * @param dataSent the terminal's data frames (a backup's), every round and attempt
 * @param control the terminal's control messages, every attempt
 * @param uplink what the terminal put on the air, every attempt (control, data, acknowledgements): the
 *     uplinks' counts, with the terminal's retransmissions (of {@code control} and {@code dataSent})
 * @param attempts connections the flow asked for, >= 1 (more than one only with {@link ResumeConfig}'s
 *     reconnection or access retries); 1 as well for a flow that never asked (no password)
 * @param accessRetries those of the attempts after the first that followed an attempt that got no
 *     connection (blocked or access failed, {@link ResumeConfig#retryAccess}), in [0, attempts - 1]; the
 *     others followed a drop or a timeout ({@link #reconnections})
 * @param bytesNeeded the user data bytes the receiver still lacked when the flow began
 * @param chunksRepaired chunks sent again in repair rounds because their digest failed or frames were
 *     missing ({@link ChunkConfig})
 */
public record TerminalRecord(
        long flowId,
        FlowKind kind,
        PhoneNumber terminalNumber,
        PhoneNumber addressedNumber,
        String stationId,
        FlowOutcome outcome,
        FlowPhase endPhase,
        double startSeconds,
        double endSeconds,
        long userDataBytes,
        IntegrityCheck integrity,
        PhaseTimes phaseTimes,
        TransferCounts dataSent,
        ControlCounts control,
        DirectionCounts uplink,
        int attempts,
        int accessRetries,
        long bytesNeeded,
        long chunksRepaired) {

    /** Checks for nulls and negative counts. */
    public TerminalRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(terminalNumber, "terminalNumber");
        Objects.requireNonNull(addressedNumber, "addressedNumber");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(endPhase, "endPhase");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(phaseTimes, "phaseTimes");
        Objects.requireNonNull(dataSent, "dataSent");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(uplink, "uplink");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
        if (accessRetries < 0 || accessRetries > attempts - 1) {
            throw new IllegalArgumentException("accessRetries must be in [0, attempts - 1 = " + (attempts - 1)
                    + "], was " + accessRetries);
        }
        if (bytesNeeded < 0 || chunksRepaired < 0) {
            throw new IllegalArgumentException("need bytesNeeded (" + bytesNeeded + ") and chunksRepaired ("
                    + chunksRepaired + ") >= 0");
        }
    }

    /** The attempts that followed a drop or a timeout: those after the first that are no access retry. */
    public int reconnections() {
        return attempts - 1 - accessRetries;
    }
}
