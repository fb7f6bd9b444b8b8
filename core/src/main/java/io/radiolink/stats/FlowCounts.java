package io.radiolink.stats;

import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.IntegrityCheck;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The counts of the counted flows of one kind: of one replication in {@link FlowStatistics}, summed over
 * the replications in {@link FlowSummary}.
 *
 * @param outcomes the flows that ended, by outcome, every outcome present, in declaration order
 * @param integrity the flows that ended, by the receiver's integrity check, every value present
 * @param unfinished flows that started but never ended (0 after a run that went on until no event was
 *     left); they have no outcome and are not among {@link #flows()}
 * @param stationViewDiffers flows that failed in the terminal's view although the station committed,
 *     confirmed or cleared ({@code FlowRecord.stationViewDiffers()}); they are among the failures
 * @param successfulUserDataBytes the user data bytes of the successful flows
 * @param dataBytesSent user data bytes the flows' data frames carried ({@code FlowRecord.data().bytesSent()})
 * @param bytesInVain the part of them sent in vain ({@code FlowRecord.bytesInVain})
 * @param chunksRepaired chunks the flows sent again in repair rounds
 * @param copyAtRequest flows whose request found a committed copy of the number in the store
 *     ({@code FlowRecord.copyAtRequest()}, or a look-up answered after the flow ended:
 *     {@code FlowListener.lateCopyAtRequest}; downloads only)
 * @param failedCopyAtRequest those of them that did not succeed
 * @param reconnections attempts the flows made after a drop or a timeout ({@code FlowRecord.reconnections()})
 * @param accessRetries attempts the flows made after a blocked or access-failed one
 *     ({@code FlowRecord.accessRetries()}); with the flows, which made one first attempt each, they sum
 *     to the flows' attempts
 */
public record FlowCounts(
        Map<FlowOutcome, Long> outcomes,
        Map<IntegrityCheck, Long> integrity,
        long unfinished,
        long stationViewDiffers,
        long successfulUserDataBytes,
        long dataBytesSent,
        long bytesInVain,
        long chunksRepaired,
        long copyAtRequest,
        long failedCopyAtRequest,
        long reconnections,
        long accessRetries) implements Serializable {

    /** No flows. */
    public static final FlowCounts ZERO = new FlowCounts(ResultMaps.zeros(FlowOutcome.class),
            ResultMaps.zeros(IntegrityCheck.class), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Copies the maps and checks that the counts agree with each other. */
    public FlowCounts {
        outcomes = ResultMaps.counts(FlowOutcome.class, outcomes, "outcomes");
        integrity = ResultMaps.counts(IntegrityCheck.class, integrity, "integrity");
        long flows = ResultMaps.total(outcomes);
        if (ResultMaps.total(integrity) != flows) {
            throw new IllegalArgumentException("integrity checks of " + ResultMaps.total(integrity) + " flows for "
                    + flows + " flows");
        }
        if (unfinished < 0) {
            throw new IllegalArgumentException("unfinished must be >= 0, was " + unfinished);
        }
        if (stationViewDiffers < 0 || stationViewDiffers > flows - outcomes.get(FlowOutcome.SUCCESS)) {
            throw new IllegalArgumentException("stationViewDiffers must be in [0, failures], was " + stationViewDiffers);
        }
        if (successfulUserDataBytes < 0) {
            throw new IllegalArgumentException("successfulUserDataBytes must be >= 0, was " + successfulUserDataBytes);
        }
        if (dataBytesSent < 0 || bytesInVain < 0 || bytesInVain > dataBytesSent || chunksRepaired < 0) {
            throw new IllegalArgumentException("need 0 <= bytesInVain (" + bytesInVain + ") <= dataBytesSent ("
                    + dataBytesSent + ") and chunksRepaired (" + chunksRepaired + ") >= 0");
        }
        if (copyAtRequest < 0 || copyAtRequest > flows || failedCopyAtRequest < 0
                || failedCopyAtRequest > Math.min(copyAtRequest, flows - outcomes.get(FlowOutcome.SUCCESS))) {
            throw new IllegalArgumentException("need 0 <= failedCopyAtRequest (" + failedCopyAtRequest
                    + ") <= copyAtRequest (" + copyAtRequest + ") <= flows, and no more failed than failures");
        }
        if (reconnections < 0 || accessRetries < 0) {
            throw new IllegalArgumentException("need reconnections (" + reconnections + ") and accessRetries ("
                    + accessRetries + ") >= 0");
        }
    }

    /** The number of flows that ended. */
    public long flows() {
        return ResultMaps.total(outcomes);
    }

    /** The flows that ended with {@code outcome}. */
    public long count(FlowOutcome outcome) {
        return outcomes.get(outcome);
    }

    /** The flows that ended and whose receiver's integrity check gave {@code check}. */
    public long integrity(IntegrityCheck check) {
        return integrity.get(check);
    }

    /** The share of these flows that did not succeed, NaN if none ended. */
    public double failureShare() {
        long flows = flows();
        return flows == 0 ? Double.NaN : (double) (flows - count(FlowOutcome.SUCCESS)) / flows;
    }

    /**
     * The share of the flows whose request found a committed copy ({@link #copyAtRequest}) that did not
     * succeed, NaN if there were none.
     */
    public double failureShareCopyAtRequest() {
        return copyAtRequest == 0 ? Double.NaN : (double) failedCopyAtRequest / copyAtRequest;
    }

    /** Bytes sent in vain per flow that ended, NaN if none did. */
    public double bytesInVainPerFlow() {
        long flows = flows();
        return flows == 0 ? Double.NaN : (double) bytesInVain / flows;
    }

    /** The count-by-count sum. */
    public FlowCounts plus(FlowCounts other) {
        return new FlowCounts(ResultMaps.sum(FlowOutcome.class, List.of(outcomes, other.outcomes)),
                ResultMaps.sum(IntegrityCheck.class, List.of(integrity, other.integrity)),
                unfinished + other.unfinished, stationViewDiffers + other.stationViewDiffers,
                successfulUserDataBytes + other.successfulUserDataBytes, dataBytesSent + other.dataBytesSent,
                bytesInVain + other.bytesInVain, chunksRepaired + other.chunksRepaired,
                copyAtRequest + other.copyAtRequest, failedCopyAtRequest + other.failedCopyAtRequest,
                reconnections + other.reconnections, accessRetries + other.accessRetries);
    }
}
