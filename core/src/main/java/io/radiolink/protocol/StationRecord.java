package io.radiolink.protocol;

import io.radiolink.protocol.transfer.TransferCounts;
import java.util.Objects;

/**
 * What the station did for one flow, over every session the flow's connections opened: the last change
 * of its store, its digest check of a received object, and its own data frames (a download's).
 *
 * @param effect the last change the flow's sessions made to the store, {@link StationEffect#NONE} if none
 * @param integrity the station's digest check of a backup, or not checked
 * @param dataSent the station's data frames, every session
 */
public record StationRecord(StationEffect effect, IntegrityCheck integrity, TransferCounts dataSent) {

    /** A flow for which the station did nothing (no session, or none that changed or sent anything). */
    public static final StationRecord NONE =
            new StationRecord(StationEffect.NONE, IntegrityCheck.NOT_CHECKED, TransferCounts.ZERO);

    /** Checks for nulls. */
    public StationRecord {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(dataSent, "dataSent");
    }

    /** With {@code changed} as the last change of the store. */
    public StationRecord withEffect(StationEffect changed) {
        return new StationRecord(changed, integrity, dataSent);
    }

    /** With the result of the station's digest check. */
    public StationRecord withIntegrity(boolean matched) {
        return new StationRecord(effect, matched ? IntegrityCheck.VERIFIED : IntegrityCheck.MISMATCHED, dataSent);
    }

    /** With {@code more} data frames sent. */
    public StationRecord plusSent(TransferCounts more) {
        return new StationRecord(effect, integrity, dataSent.plus(more));
    }
}
