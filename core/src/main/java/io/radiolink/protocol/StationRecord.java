package io.radiolink.protocol;

import io.radiolink.protocol.transfer.TransferCounts;
import io.radiolink.radio.DirectionCounts;
import java.util.Objects;

/**
 * What the station did for one flow, over every session the flow's connections opened: the last change
 * of its store, its digest check of a received object, its own data frames (a download's) and what it
 * put on the downlink.
 *
 * @param effect the last change the flow's sessions made to the store, {@link StationEffect#NONE} if none
 * @param integrity the station's digest check of a backup, or not checked
 * @param dataSent the station's data frames, every session
 * @param downlink what the station put on the air, every session (control, data): the downlinks' counts,
 *     with the station's retransmissions (of {@code dataSent}; it repeats a control answer only when the
 *     terminal asks again, which is a new answer, not a retransmission)
 * @param copyAtRequest true if the store held a committed copy of the number when the station looked it up
 *     for one of the flow's download requests ({@link SessionListener#copyLookedUp}); false for a backup
 */
public record StationRecord(StationEffect effect, IntegrityCheck integrity, TransferCounts dataSent,
        DirectionCounts downlink, boolean copyAtRequest) {

    /** A flow for which the station did nothing (no session, or none that changed or sent anything). */
    public static final StationRecord NONE = new StationRecord(StationEffect.NONE, IntegrityCheck.NOT_CHECKED,
            TransferCounts.ZERO, DirectionCounts.ZERO, false);

    /** Checks for nulls. */
    public StationRecord {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(dataSent, "dataSent");
        Objects.requireNonNull(downlink, "downlink");
    }

    /** With {@code changed} as the last change of the store. */
    public StationRecord withEffect(StationEffect changed) {
        return new StationRecord(changed, integrity, dataSent, downlink, copyAtRequest);
    }

    /** With the result of the station's digest check. */
    public StationRecord withIntegrity(boolean matched) {
        return new StationRecord(effect, matched ? IntegrityCheck.VERIFIED : IntegrityCheck.MISMATCHED, dataSent,
                downlink, copyAtRequest);
    }

    /** With what one more session sent: {@code data} frames, and {@code sent} on the downlink. */
    public StationRecord plusSession(TransferCounts data, DirectionCounts sent) {
        return new StationRecord(effect, integrity, dataSent.plus(data), downlink.plus(sent), copyAtRequest);
    }

    /** With one more look-up of the requested number in the store, which {@code held} a committed copy or not. */
    public StationRecord withCopyLookedUp(boolean held) {
        return new StationRecord(effect, integrity, dataSent, downlink, copyAtRequest || held);
    }
}
