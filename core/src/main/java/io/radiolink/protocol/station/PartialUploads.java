package io.radiolink.protocol.station;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.ContentDigest;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.protocol.ResumeConfig;
import io.radiolink.protocol.transfer.TransferReceiver;
import java.util.HashMap;
import java.util.Map;

/**
 * The uploads a station keeps between connections ({@link ResumeConfig#fromOffset()}): per phone number
 * the verified prefix received so far and its staging space, for {@link ResumeConfig#holdSeconds()}.
 */
final class PartialUploads {

    /** A kept upload: the data it is of, its staging space, the frames held. */
    record Partial(ContentDigest digest, Reservation reservation, TransferReceiver receiver) {}

    private final StoreAccess store;
    private final Scheduler scheduler;
    private final double holdSeconds;
    private final Map<PhoneNumber, Held> held = new HashMap<>();

    private record Held(Partial partial, ScheduledAction expiry) {}

    PartialUploads(StoreAccess store, Scheduler scheduler, double holdSeconds) {
        this.store = store;
        this.scheduler = scheduler;
        this.holdSeconds = holdSeconds;
    }

    /**
     * Keeps {@code receiver}'s verified prefix of an upload whose connection ended, with its staging
     * space, for the hold time; replaces an older partial upload of the number.
     */
    void park(PhoneNumber phone, ContentDigest digest, Reservation reservation, TransferReceiver receiver) {
        Held older = held.remove(phone);
        if (older != null) {
            older.expiry().cancel();
            store.release(older.partial().reservation());
        }
        TransferReceiver prefix = receiver.carryVerifiedPrefix();
        store.park(reservation);
        Partial partial = new Partial(digest, reservation, prefix);
        Held[] entry = new Held[1];
        ScheduledAction expiry = scheduler.schedule(holdSeconds, () -> {
            if (held.remove(phone, entry[0])) {
                store.release(reservation);
            }
        });
        entry[0] = new Held(partial, expiry);
        held.put(phone, entry[0]);
    }

    /**
     * Takes the partial upload of {@code digest} kept for {@code phone}, if it still holds its space; a
     * partial upload of other data is dropped and its space released. Null if there is none to resume.
     */
    Partial resume(PhoneNumber phone, ContentDigest digest) {
        Held kept = held.remove(phone);
        if (kept == null) {
            return null;
        }
        kept.expiry().cancel();
        Partial partial = kept.partial();
        if (partial.digest().equals(digest) && store.unpark(partial.reservation())) {
            return partial;
        }
        store.release(partial.reservation());
        return null;
    }
}
