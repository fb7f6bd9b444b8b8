package io.radiolink.backhaul;

import java.util.Objects;

/**
 * One object relayed onto a backhaul direction in a {@link RelayMode}: the station hands it the object's
 * pieces as they arrive (each new piece once: repeats on the air are the air's business), then says it
 * has the last; {@code onForwarded} runs once the whole object has arrived at the far end. The relay adds
 * no bits: a piece or object is as many bits on the backhaul as the station hands it.
 */
public final class Relay {

    private final RelayMode mode;
    private final BackhaulLink link;
    private final Runnable onForwarded;
    private long bitsHeld;
    private long piecesSent;
    private long piecesArrived;
    private boolean ended;
    private boolean refused;
    private boolean forwarded;

    /** A relay of one object onto {@code link}. */
    public Relay(RelayMode mode, BackhaulLink link, Runnable onForwarded) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.link = Objects.requireNonNull(link, "link");
        this.onForwarded = Objects.requireNonNull(onForwarded, "onForwarded");
    }

    /**
     * A piece of {@code bits} (at least 1) has arrived at the station.
     *
     * @return false if the backhaul dropped a message of this object (now or before): the object will not
     *     be forwarded
     * @throws IllegalStateException after {@link #end()}
     */
    public boolean receive(long bits) {
        if (ended) {
            throw new IllegalStateException("the object's last piece was already received");
        }
        if (bits < 1) {
            throw new IllegalArgumentException("bits must be >= 1, was " + bits);
        }
        switch (mode) {
            case STORE_AND_FORWARD -> bitsHeld += bits;
            case STREAMED -> send(bits);
        }
        return !refused;
    }

    /**
     * The last piece has arrived at the station: store-and-forward sends the object now.
     *
     * @return false if the backhaul dropped a message of this object: it will not be forwarded
     * @throws IllegalStateException if no piece was received, or called twice
     */
    public boolean end() {
        if (ended) {
            throw new IllegalStateException("end() was already called");
        }
        if (piecesSent == 0 && bitsHeld == 0) {
            throw new IllegalStateException("an object of no piece cannot be relayed");
        }
        ended = true;
        switch (mode) {
            case STORE_AND_FORWARD -> send(bitsHeld);
            case STREAMED -> completeIfAllArrived();
        }
        return !refused;
    }

    /** True once the whole object has arrived at the far end. */
    public boolean isForwarded() {
        return forwarded;
    }

    private void send(long bits) {
        if (refused) {
            return;
        }
        piecesSent++;
        refused = !link.send(bits, this::pieceArrived);
    }

    private void pieceArrived() {
        piecesArrived++;
        completeIfAllArrived();
    }

    private void completeIfAllArrived() {
        if (ended && !refused && piecesArrived == piecesSent) {
            forwarded = true;
            onForwarded.run();
        }
    }
}
