package io.radiolink.run;

import io.radiolink.protocol.FlowPhase;
import io.radiolink.protocol.FlowRecord;
import java.io.Serializable;

/**
 * One flow as a row of {@code flows.csv}: a serializable copy of a {@link FlowRecord} with the sweep
 * point and replication it belongs to. Phase times are NaN for phases the flow never entered.
 *
 * @param point sweep point index
 * @param replication replication index
 * @param flowId the flow's number within its replication
 * @param kind BACKUP or DOWNLOAD
 * @param terminalNumber the phone that ran the flow
 * @param addressedNumber the number the data is stored under
 * @param stationId the base station
 * @param outcome SUCCESS or the failure reason
 * @param stationEffect what the flow changed at the station
 * @param endPhase the phase the flow ended in
 * @param startSeconds start time
 * @param endSeconds end time
 * @param userDataBytes user-data bytes transferred or announced
 * @param integrity the receiver's digest check
 * @param setupSeconds time in SETUP
 * @param requestSeconds time in REQUEST
 * @param transferSeconds time in TRANSFER
 * @param completeSeconds time in COMPLETE
 * @param releaseSeconds time in RELEASE
 * @param backoffSeconds time in BACKOFF, between a failed connection and the next attempt
 * @param uplinkUnitsSent units the terminal transmitted
 * @param uplinkUnitsLost of those, lost
 * @param uplinkRetransmissions the terminal's retransmissions
 * @param downlinkUnitsSent units the station transmitted
 * @param downlinkUnitsLost of those, lost
 * @param downlinkRetransmissions the station's retransmissions
 * @param uplinkUnitsCorrupted units the terminal transmitted that were corrupted on the air
 * @param downlinkUnitsCorrupted units the station transmitted that were corrupted on the air
 * @param attempts connections the flow asked for
 * @param dataBytesSent user-data bytes its data frames carried, every attempt and retransmission included
 * @param bytesInVain the part of them that did not become the receiver's copy
 * @param chunksRepaired chunks sent again in repair rounds
 * @param dataFramesSent data frames the flow's sender transmitted, every attempt and retransmission included
 * @param dataFramesRetransmitted of those, the ARQ's retransmissions within a round (a repair round's frames
 *     count as sent, not as retransmitted)
 */
public record FlowRow(
        int point, int replication, long flowId, String kind, String terminalNumber, String addressedNumber,
        String stationId, String outcome, String stationEffect, String endPhase, double startSeconds,
        double endSeconds, long userDataBytes, String integrity, double setupSeconds, double requestSeconds,
        double transferSeconds, double completeSeconds, double releaseSeconds, double backoffSeconds,
        long uplinkUnitsSent, long uplinkUnitsLost, long uplinkRetransmissions, long downlinkUnitsSent,
        long downlinkUnitsLost, long downlinkRetransmissions, long uplinkUnitsCorrupted, long downlinkUnitsCorrupted,
        int attempts, long dataBytesSent, long bytesInVain, long chunksRepaired, long dataFramesSent,
        long dataFramesRetransmitted) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The row of {@code record}, of replication {@code replication} at sweep point {@code point}. */
    public static FlowRow of(int point, int replication, FlowRecord record) {
        return new FlowRow(point, replication, record.flowId(), record.kind().name(),
                record.terminalNumber().digits(), record.addressedNumber().digits(), record.stationId(),
                record.outcome().name(), record.stationEffect().name(), record.endPhase().name(),
                record.startSeconds(), record.endSeconds(), record.userDataBytes(), record.integrity().name(),
                record.phaseTimes().seconds(FlowPhase.SETUP), record.phaseTimes().seconds(FlowPhase.REQUEST),
                record.phaseTimes().seconds(FlowPhase.TRANSFER), record.phaseTimes().seconds(FlowPhase.COMPLETE),
                record.phaseTimes().seconds(FlowPhase.RELEASE), record.phaseTimes().seconds(FlowPhase.BACKOFF),
                record.uplink().unitsSent(), record.uplink().unitsLost(), record.uplink().retransmissions(),
                record.downlink().unitsSent(), record.downlink().unitsLost(), record.downlink().retransmissions(),
                record.uplink().unitsCorrupted(), record.downlink().unitsCorrupted(), record.attempts(),
                record.data().bytesSent(), record.bytesInVain(), record.chunksRepaired(), record.data().framesSent(),
                record.data().framesRetransmitted());
    }
}
