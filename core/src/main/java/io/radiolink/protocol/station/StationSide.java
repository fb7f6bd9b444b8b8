package io.radiolink.protocol.station;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.AuthenticationGuard;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.SimKey;
import io.radiolink.protocol.Message;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.protocol.SessionId;
import io.radiolink.protocol.SessionListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.Endpoint;
import io.radiolink.random.StreamPurpose;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * One base station's end of the protocol: it accepts the connections its cell establishes, opens and
 * owns a session on each, and keeps what the station keeps across sessions (partial uploads held for
 * resumption, its stream of challenge nonces); it counts failed authentication attempts and lock-outs in
 * its store's count ({@link StoreAccess#guard}: its own under station storage without peer fetch; one
 * shared by every station with peer fetch, and under network storage the subscriber store's). It knows
 * a terminal only through the messages on a connection and the SIM the radio layer authenticated.
 */
public final class StationSide {

    private final BaseStation station;
    private final Scheduler scheduler;
    private final ProtocolConfig config;
    private final SessionListener listener;
    private final LongSupplier sessionNumbers;
    private final AuthenticationGuard guard;
    private final StoreAccess store;
    private final PartialUploads partialUploads;
    private final Set<Session> open = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * Ended sessions whose data sender was still waiting for acknowledgements when their connection ended
     * (a broken protocol: a session's sender stops with its connection); kept so that checks see them.
     */
    private final List<Session> endedSending = new ArrayList<>();
    private RandomGenerator nonces;

    /**
     * {@code station}'s protocol end, telling {@code listener} what it does; sessions are numbered by
     * {@code sessionNumbers} (shared by every station of the network, so that a session's number is its own).
     */
    public StationSide(BaseStation station, Scheduler scheduler, ProtocolConfig config, SessionListener listener,
            LongSupplier sessionNumbers) {
        this(station, StoreAccess.own(station), scheduler, config, listener, sessionNumbers);
    }

    /** As {@link #StationSide(BaseStation, Scheduler, ProtocolConfig, SessionListener, LongSupplier)}, reaching user data through {@code store}. */
    public StationSide(BaseStation station, StoreAccess store, Scheduler scheduler, ProtocolConfig config,
            SessionListener listener, LongSupplier sessionNumbers) {
        this.store = Objects.requireNonNull(store, "store");
        this.station = Objects.requireNonNull(station, "station");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sessionNumbers = Objects.requireNonNull(sessionNumbers, "sessionNumbers");
        this.guard = store.guard(config.auth());
        this.partialUploads = new PartialUploads(store, scheduler, config.resume().holdSeconds());
    }

    /**
     * Accepts {@code connection}, which the radio layer set up for the SIM of {@code subscriber}, and opens
     * a session on it; returns the session, the connection's station side.
     */
    public Endpoint<Message> accept(Connection<Message> connection, PhoneNumber subscriber) {
        Session session = new Session(new SessionId(sessionNumbers.getAsLong()), this, connection, subscriber);
        open.add(session);
        listener.sessionOpened(session.id(), connection);
        return session;
    }

    /** True while a session is open on {@code connection} (its connection has not ended). */
    public boolean servesSessionOn(Connection<?> connection) {
        for (Session session : open) {
            if (session.connection() == connection) {
                return true;
            }
        }
        return false;
    }

    /**
     * True while a session on {@code connection}, open or ended, has a data sender waiting for
     * acknowledgements: its timers can still act. Once the connection ended this must be false.
     */
    public boolean sendingOn(Connection<?> connection) {
        for (Session session : open) {
            if (session.connection() == connection && session.sending()) {
                return true;
            }
        }
        for (Session session : endedSending) {
            if (session.connection() == connection && session.sending()) {
                return true;
            }
        }
        return false;
    }

    /** Sessions whose connection has not ended yet. */
    public int openSessions() {
        return open.size();
    }

    /** How many downloads this station's store access keeps something for ({@link StoreAccess#keptForDownloads}). */
    public int keptForDownloads() {
        return store.keptForDownloads();
    }

    /** True while any session, open or ended, has a data sender waiting for acknowledgements. */
    public boolean sending() {
        for (Session session : open) {
            if (session.sending()) {
                return true;
            }
        }
        for (Session session : endedSending) {
            if (session.sending()) {
                return true;
            }
        }
        return false;
    }

    void sessionEnded(Session session) {
        open.remove(session);
        if (session.sending()) {
            endedSending.add(session);
        }
        listener.sessionEnded(session.id(), session.dataSent(), session.downlink());
    }

    /**
     * The station's next challenge nonce: the first 64 bits of the SHA-256 of the next draw of its stream
     * {@code nonce}. Never the draw itself: the generator's first output and its seeding, and the chain from
     * the scenario seed to the stream's seed, are bijections ({@code docs/design.md}), so one nonce on the air
     * would give the scenario seed, hence every SIM's key and every later nonce.
     */
    long nextNonce() {
        if (nonces == null) {
            nonces = station.streams().stream(StreamPurpose.NONCE, station.id(), 0);
        }
        long draw = nonces.nextLong();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return ByteBuffer.wrap(sha.digest(ByteBuffer.allocate(Long.BYTES).putLong(draw).array())).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /**
     * The key provisioned in the SIM of {@code phone}, as the network's authentication centre holds it
     * ({@link SimKey}); it never travels in a message.
     */
    SimKey simKey(PhoneNumber phone) {
        return SimKey.provisioned(station.streams(), phone);
    }

    BaseStation station() {
        return station;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ProtocolConfig config() {
        return config;
    }

    SessionListener listener() {
        return listener;
    }

    AuthenticationGuard guard() {
        return guard;
    }

    /** Where this station's sessions find, reserve, commit and clear copies. */
    StoreAccess store() {
        return store;
    }

    PartialUploads partialUploads() {
        return partialUploads;
    }
}
