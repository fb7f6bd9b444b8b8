package io.radiolink.protocol.station;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.Relay;
import io.radiolink.backhaul.RelayMode;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PasswordVerifier;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Reservation;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.SubscriberStore;
import io.radiolink.node.UserData;
import io.radiolink.protocol.AuthConfig;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.transfer.Framing;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Network storage: one station's way to the subscriber store across its backhaul ({@code docs/design.md},
 * "Where user data lives"). Every call is a request up {@code toStore()}, done at the store when it is up
 * (in arrival order), and, where the station needs an answer, an answer down {@code fromStore()}. A
 * request is one control message of the station's uplink, an answer one of its downlink; a copy going
 * down is its data; a backup's object goes up in the station's {@link RelayMode}: whole after the commit
 * was asked for (store-and-forward) or as each data frame arrives (streamed), and the store commits when
 * all of it has arrived. Only a look-up fails fast: with the backhaul down it is not sent, and a store
 * that is down when it arrives answers that it is unavailable; everything else waits.
 */
final class NetworkStore implements StoreAccess {

    /** A backup's object on its way up: its relay and, streamed, the frames of the current round relayed. */
    private static final class Upload {
        private final Relay relay;
        private final BitSet relayed = new BitSet();
        private int round;

        private Upload(Relay relay) {
            this.relay = relay;
        }
    }

    private final Backhaul backhaul;
    private final RelayMode relayMode;
    private final SubscriberStore store;
    private final long requestBits;
    private final long answerBits;
    /** Uploads in progress, by reservation; looked up only, never iterated. */
    private final Map<Reservation, Upload> uploads = new IdentityHashMap<>();
    /** Where each upload's commit goes once its object arrived whole; set by {@link #commit}. */
    private final Map<Reservation, Runnable> commits = new IdentityHashMap<>();

    NetworkStore(BaseStation station, Backhaul backhaul, RelayMode relayMode, SubscriberStore store) {
        this.backhaul = Objects.requireNonNull(backhaul, "backhaul");
        this.relayMode = Objects.requireNonNull(relayMode, "relayMode");
        this.store = Objects.requireNonNull(store, "store");
        this.requestBits = 8L * station.config().airInterface().uplink().controlFrameBytes();
        this.answerBits = 8L * station.config().airInterface().downlink().controlFrameBytes();
    }

    /** Sends a request up; at the store, when it is up, {@code atStore} runs. */
    private void request(Runnable atStore) {
        backhaul.toStore().send(requestBits, () -> store.whenUp(atStore));
    }

    /** Sends an answer of {@code bits} down; at the station {@code atStation} runs. */
    private void answer(long bits, Runnable atStation) {
        backhaul.fromStore().send(bits, atStation);
    }

    private BackupStore copies() {
        return store.store();
    }

    /**
     * The store's one count: the station checks a proof once the look-up brought the verifier, and every
     * station sees the count it changed at once (docs/protocol.md: the timing model).
     */
    @Override
    public AuthenticationGuard guard(AuthConfig auth) {
        return store.guard(auth.maxFailedAttempts(), auth.lockoutSeconds());
    }

    @Override
    public void find(PhoneNumber phone, Consumer<Lookup> result) {
        if (!backhaul.isUp()) {
            result.accept(Lookup.UNREACHED); // fail fast: the station knows its own backhaul is down
            return;
        }
        backhaul.toStore().send(requestBits, () -> {
            Lookup lookup = store.isUp() ? Lookup.found(copies().find(phone)) : Lookup.UNREACHED;
            answer(answerBits, () -> result.accept(lookup));
        });
    }

    @Override
    public void findForDownload(PhoneNumber phone, Consumer<Lookup> result) {
        find(phone, result); // one store: a download's copy is a backup's
    }

    /**
     * The store hands over the copy current at the fetch's arrival if it is of the same enrolment as the
     * one authenticated against (its verifier: a backup that replaces a copy keeps its verifier), so a
     * download gets the latest backup of the subscriber it authenticated; none if the copy was cleared,
     * lost or expired since.
     */
    @Override
    public void fetch(StoredBackup copy, Consumer<Lookup> result) {
        request(() -> {
            Optional<StoredBackup> current = copies().find(copy.phoneNumber())
                    .filter(found -> found.verifier() == copy.verifier());
            long bits = current.map(found -> 8L * found.data().sizeBytes()).orElse(answerBits);
            answer(Math.max(1L, bits), () -> result.accept(Lookup.found(current)));
        });
    }

    @Override
    public void reserve(long bytes, Consumer<Optional<Reservation>> result) {
        request(() -> {
            Optional<Reservation> reservation = copies().reserve(bytes);
            answer(answerBits, () -> result.accept(reservation));
        });
    }

    @Override
    public void received(Reservation reservation, DataFrame frame, Framing framing) {
        if (relayMode != RelayMode.STREAMED) {
            return;
        }
        Upload upload = upload(reservation);
        if (frame.round() < upload.round) {
            return; // a late frame of an earlier round: its round's piece went up already
        }
        if (frame.round() > upload.round) {
            upload.round = frame.round();
            upload.relayed.clear();
        }
        if (!upload.relayed.get(frame.sequence())) {
            upload.relayed.set(frame.sequence());
            long bytes = framing.bytesBefore(frame.sequence() + 1) - framing.bytesBefore(frame.sequence());
            upload.relay.receive(8L * Math.max(1L, bytes));
        }
    }

    private Upload upload(Reservation reservation) {
        return uploads.computeIfAbsent(reservation,
                r -> new Upload(new Relay(relayMode, backhaul.toStore(), () -> arrivedWhole(r))));
    }

    /** The upload's object arrived whole at the store: its commit goes ahead when the store is up. */
    private void arrivedWhole(Reservation reservation) {
        uploads.remove(reservation);
        store.whenUp(commits.remove(reservation));
    }

    @Override
    public void commit(Reservation reservation, PhoneNumber phone, UserData data, PasswordVerifier verifier,
            Consumer<StoredBackup> committed) {
        commits.put(reservation, () -> {
            StoredBackup copy = store.commit(reservation, phone, data, verifier);
            answer(answerBits, () -> committed.accept(copy));
        });
        Upload upload = upload(reservation);
        if (relayMode == RelayMode.STORE_AND_FORWARD || upload.relayed.isEmpty()) {
            upload.relay.receive(8L * Math.max(1L, data.sizeBytes()));
        }
        upload.relay.end();
    }

    @Override
    public void release(Reservation reservation) {
        uploads.remove(reservation);
        request(() -> copies().release(reservation));
    }

    @Override
    public void park(Reservation reservation) {
        copies().park(reservation);
    }

    @Override
    public boolean unpark(Reservation reservation) {
        return copies().unpark(reservation);
    }

    @Override
    public void clear(StoredBackup handedOver, Consumer<Boolean> cleared) {
        request(() -> {
            boolean removed = copies().clear(handedOver.phoneNumber(), handedOver.version());
            answer(answerBits, () -> cleared.accept(removed));
        });
    }

    @Override
    public void forget(StoredBackup copy) {
        // The store keeps nothing per download: a fetch names its copy by number, version and enrolment.
    }

    @Override
    public int keptForDownloads() {
        return 0;
    }
}
