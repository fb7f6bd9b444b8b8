package io.radiolink.radio;

import io.radiolink.engine.Scheduler;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.util.random.RandomGenerator;

/**
 * One direction of one connection: a transmitter that sends units first-in-first-out at the link's
 * rate, a loss process consulted once per unit, and a propagation delay to the receiving side.
 *
 * <p>The link keeps no transmit queue: a unit handed over while the transmitter is busy starts when
 * the previous one has left, which the link tracks as {@code busyUntilSeconds}. So a unit's departure is
 * known when it is handed over, and the link reports it to the sender's {@link Departure} before
 * {@link #transmit} returns, lost or not. Only units that are not lost cost an event (their arrival). Units arrive in the order they were sent, so the units in
 * flight wait in a ring and every arrival event runs the same action, which takes the ring's head: no
 * allocation per unit beyond the event.
 *
 * <p>A link draws from streams of its own, keyed by its direction and its connection's cell and number:
 * one for its loss and, only if its configuration corrupts, one for its corruption.
 *
 * @param <T> the type of unit carried (the protocol's message type)
 */
public final class Link<T> {

    /** Where arriving units go; the connection decides whether the link is still up then. */
    interface Arrival<T> {
        void arrive(T unit, boolean damaged);
    }

    private final Scheduler scheduler;
    private final LinkConfig config;
    private final LossProcess loss;
    /** Null unless the configuration corrupts. */
    private final RandomGenerator corruptionRandom;
    private final Arrival<T> arrival;
    private final Connection<T> connection;
    private final Side sender;
    private final AirListener listener;
    private double busyUntilSeconds;
    private long unitsSent;
    private long unitsLost;
    private long unitsCorrupted;
    private long bytesSent;
    /** Units in flight, oldest at {@code head}, with whether each carries undetected damage. */
    private Object[] inFlight = new Object[8];
    private boolean[] inFlightDamaged = new boolean[8];
    private int head;
    private int inFlightCount;
    private final Runnable arriveNext = this::arriveNext;

    /**
     * The link {@code sender} sends on, of {@code connection}, whose cell and number must be set: they key
     * the link's streams.
     */
    Link(Connection<T> connection, Side sender, LinkConfig config, RandomStreams streams, Arrival<T> arrival,
            Scheduler scheduler, AirListener listener) {
        String cellId = connection.cell().id();
        long number = connection.sequence();
        this.scheduler = scheduler;
        this.config = config;
        this.loss = config.lossModel().newProcess(streams.stream(lossPurpose(sender), cellId, number));
        this.corruptionRandom = config.corruption().enabled()
                ? streams.stream(corruptionPurpose(sender), cellId, number) : null;
        this.arrival = arrival;
        this.connection = connection;
        this.sender = sender;
        this.listener = listener;
    }

    private static StreamPurpose lossPurpose(Side sender) {
        return switch (sender) {
            case TERMINAL -> StreamPurpose.LOSS_UPLINK;
            case STATION -> StreamPurpose.LOSS_DOWNLINK;
        };
    }

    private static StreamPurpose corruptionPurpose(Side sender) {
        return switch (sender) {
            case TERMINAL -> StreamPurpose.CORRUPTION_UPLINK;
            case STATION -> StreamPurpose.CORRUPTION_DOWNLINK;
        };
    }

    /**
     * Queues {@code unit} of {@code bytes} for transmission and tells {@code departure} when its last bit
     * leaves the transmitter, last (after its arrival is posted), whether the air loses it or not.
     */
    <U extends T> void transmit(int bytes, U unit, Departure<? super U> departure) {
        double now = scheduler.nowSeconds();
        double start = Math.max(now, busyUntilSeconds);
        double end = start + config.transmissionSeconds(bytes);
        busyUntilSeconds = end;
        unitsSent++;
        bytesSent += bytes;
        boolean lost = loss.nextUnitLost();
        listener.unitSent(connection, sender, unit, bytes, end, lost);
        if (lost) {
            unitsLost++;
            tell(departure, unit, end);
            return;
        }
        Corruption corruption = config.corruption();
        boolean damaged = false;
        if (corruption.enabled() && corruptionRandom.nextDouble() < corruption.probability()) {
            unitsCorrupted++;
            damaged = corruptionRandom.nextDouble() < corruption.undetectedProbability();
            if (!damaged) {
                tell(departure, unit, end); // the frame check discards it: for the sender, as good as lost
                return;
            }
        }
        enqueue(unit, damaged);
        scheduler.postAt(end + config.propagationDelaySeconds(), arriveNext);
        tell(departure, unit, end);
    }

    /**
     * Tells {@code departure}, unless it is {@link Departure#NONE}: half the units (acknowledgements) go
     * without one, and skipping the no-op leaves this call two kinds of handler (the data and the control
     * senders'), which the JIT inlines; calling it too cost the transfer benchmark about 5 % more CPU time
     * per frame ({@code bench/RESULTS.md}).
     */
    private static <U> void tell(Departure<? super U> departure, U unit, double atSeconds) {
        if (departure != Departure.NONE) {
            departure.departed(unit, atSeconds);
        }
    }

    private void enqueue(T unit, boolean damaged) {
        if (inFlightCount == inFlight.length) {
            Object[] units = new Object[2 * inFlight.length];
            boolean[] marks = new boolean[units.length];
            for (int i = 0; i < inFlightCount; i++) {
                units[i] = inFlight[(head + i) % inFlight.length];
                marks[i] = inFlightDamaged[(head + i) % inFlight.length];
            }
            inFlight = units;
            inFlightDamaged = marks;
            head = 0;
        }
        int tail = (head + inFlightCount++) % inFlight.length;
        inFlight[tail] = unit;
        inFlightDamaged[tail] = damaged;
    }

    /** The arrival event of the oldest unit in flight (arrival times only grow along a link). */
    @SuppressWarnings("unchecked")
    private void arriveNext() {
        T unit = (T) inFlight[head];
        boolean damaged = inFlightDamaged[head];
        inFlight[head] = null;
        head = (head + 1) % inFlight.length;
        inFlightCount--;
        arrival.arrive(unit, damaged);
    }

    /** This direction's configuration. */
    public LinkConfig config() {
        return config;
    }

    /** Units handed to the transmitter so far (lost ones included). */
    public long unitsSent() {
        return unitsSent;
    }

    /** Units the loss process destroyed so far. */
    public long unitsLost() {
        return unitsLost;
    }

    /** Units corrupted on the air (detected and discarded, or slipped through the frame check). */
    public long unitsCorrupted() {
        return unitsCorrupted;
    }

    /**
     * Everything this direction put on the air so far, without retransmissions (0): the link cannot tell
     * them, the senders count them ({@link DirectionCounts}).
     */
    public DirectionCounts counts() {
        return new DirectionCounts(unitsSent, unitsLost, unitsCorrupted, 0);
    }

    /** Bytes handed to the transmitter so far. */
    public long bytesSent() {
        return bytesSent;
    }
}
