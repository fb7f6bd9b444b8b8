package io.radiolink.radio;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.radio.share.ConnectionQueue;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import java.lang.reflect.Array;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * One direction of one connection: a transmitter that sends units first-in-first-out, a loss process
 * consulted once per unit, and a propagation delay to the receiving side.
 *
 * <p>In a dedicated cell the link sends at its own rate and keeps no transmit queue: a unit handed over
 * while the transmitter is busy starts when the previous one has left, which the link tracks as
 * {@code busyUntilSeconds}. So a unit's departure is known when it is handed over, and the link puts it
 * on the air (counts it, draws its loss, tells the {@link AirListener}, posts its arrival) and reports it
 * to the sender's {@link Departure} before {@link #transmit} returns, lost or not.
 *
 * <p>In a shared cell ({@link CellCapacity.Shared}) the link offers each unit, with 8 × its bytes, to
 * its {@link ConnectionQueue} in the cell's {@link CellDirection} for its direction, opened with the
 * link's rate as the terminal's cap; the units wait there, FIFO, and the link puts each on the air, as
 * above, when the direction tells its departure: so it counts it and draws its loss at its departure,
 * in departure order (which is hand-over order), and tells the listener then, with that time. When the
 * connection stops sending, {@link #stopSending} closes the queue and reports every unit still waiting
 * to its sender as departed at that moment: discarded, never on the air (not counted, no loss drawn).
 *
 * <p>Only units that are not lost cost an event (their arrival). Units arrive in the order they left,
 * so the units in flight wait in a ring and every arrival event runs the same action, which takes the
 * ring's head: no allocation per unit beyond the event. A shared link's waiting units' senders and sizes
 * wait in a second ring, in step with its queue.
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
    private long dataFramesSent;
    /** Units in flight, oldest at {@code head}, with whether each carries undetected damage. */
    private Object[] inFlight = new Object[8];
    private boolean[] inFlightDamaged = new boolean[8];
    private int head;
    private int inFlightCount;
    private final Runnable arriveNext = this::arriveNext;
    /** Null in a dedicated cell. */
    private final ConnectionQueue<T> queue;
    /**
     * The senders' departures, the sizes of the units waiting in {@code queue} and whether each is a data
     * frame, oldest at {@code waitingHead}.
     */
    private Object[] waitingDepartures;
    private int[] waitingBytes;
    private boolean[] waitingData;
    private int waitingHead;
    private int waitingCount;

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
        this.queue = connection.cell().share(sender)
                .map(direction -> direction.<T>open(config.rateBitsPerSecond(), this::departed))
                .orElse(null);
        if (queue != null) {
            waitingDepartures = new Object[8];
            waitingBytes = new int[8];
            waitingData = new boolean[8];
        }
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
     * leaves the transmitter, last (after its arrival is posted), whether the air loses it or not;
     * {@code data} if the unit is a data frame of a transfer (counted in {@link #dataFramesSent}).
     */
    <U extends T> void transmit(int bytes, U unit, Departure<? super U> departure, boolean data) {
        if (queue != null) {
            await(bytes, unit, departure, data);
            return;
        }
        double now = scheduler.nowSeconds();
        double start = Math.max(now, busyUntilSeconds);
        double end = start + config.transmissionSeconds(bytes);
        busyUntilSeconds = end;
        putOnAir(bytes, unit, departure, end, data);
    }

    /**
     * The unit's last bit leaves at {@code end} (now or, on a dedicated link, ahead): counts it, draws its
     * loss and corruption, tells the listener, posts its arrival, and tells its sender last.
     */
    private <U extends T> void putOnAir(int bytes, U unit, Departure<? super U> departure, double end, boolean data) {
        unitsSent++;
        bytesSent += bytes;
        if (data) {
            dataFramesSent++;
        }
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

    /** A shared link: the unit waits in the cell's direction; its sender, size and kind wait here, in step. */
    private <U extends T> void await(int bytes, U unit, Departure<? super U> departure, boolean data) {
        if (waitingCount == waitingDepartures.length) {
            waitingDepartures = doubled(waitingDepartures, waitingHead, Object[]::new);
            waitingBytes = doubled(waitingBytes, waitingHead, int[]::new);
            waitingData = doubled(waitingData, waitingHead, boolean[]::new);
            waitingHead = 0;
        }
        int tail = (waitingHead + waitingCount++) % waitingDepartures.length;
        waitingDepartures[tail] = departure;
        waitingBytes[tail] = bytes;
        waitingData[tail] = data;
        queue.offer(unit, 8.0 * bytes);
    }

    /** The oldest waiting unit's sender, taken off the ring (read its size and kind first). */
    @SuppressWarnings("unchecked")
    private Departure<? super T> takeWaiting() {
        Departure<? super T> departure = (Departure<? super T>) waitingDepartures[waitingHead];
        waitingDepartures[waitingHead] = null;
        waitingHead = (waitingHead + 1) % waitingDepartures.length;
        waitingCount--;
        return departure;
    }

    /** The cell's direction served {@code unit}, the oldest waiting one: it goes on the air now. */
    private void departed(T unit, double atSeconds) {
        int bytes = waitingBytes[waitingHead];
        boolean data = waitingData[waitingHead];
        putOnAir(bytes, unit, takeWaiting(), atSeconds, data);
    }

    /** The connection stopped sending: {@code unit}, still waiting, is discarded and departs now. */
    private void discarded(T unit, double atSeconds) {
        tell(takeWaiting(), unit, atSeconds);
    }

    /**
     * The connection stops sending (a release starts, the link dropped, the station went down): on a
     * shared link, its queue closes, every unit still waiting is reported to its sender as departed now
     * (discarded), and the cell's listener learns the queue's figures. Does nothing on a dedicated link,
     * or the second time.
     */
    void stopSending() {
        if (queue != null && queue.isOpen()) {
            queue.close(this::discarded);
            connection.cell().shareClosed(connection, sender, queue.statistics());
        }
    }

    private void enqueue(T unit, boolean damaged) {
        if (inFlightCount == inFlight.length) {
            inFlight = doubled(inFlight, head, Object[]::new);
            inFlightDamaged = doubled(inFlightDamaged, head, boolean[]::new);
            head = 0;
        }
        int tail = (head + inFlightCount++) % inFlight.length;
        inFlight[tail] = unit;
        inFlightDamaged[tail] = damaged;
    }

    /** A full ring's elements, its head first, in a new ring of twice the length whose head is 0. */
    private static <A> A doubled(A ring, int head, IntFunction<A> newRing) {
        int length = Array.getLength(ring);
        A grown = newRing.apply(2 * length);
        System.arraycopy(ring, head, grown, 0, length - head);
        System.arraycopy(ring, 0, grown, length - head, head);
        return grown;
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

    /**
     * Units put on the air so far (lost ones included): on a shared link, those that departed (not the
     * ones waiting, nor the ones discarded when the connection stopped sending).
     */
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

    /** Bytes of the units put on the air so far ({@link #unitsSent}). */
    public long bytesSent() {
        return bytesSent;
    }

    /**
     * Data frames of a transfer put on the air so far ({@link Connection#sendUplinkData}), first sends and
     * repairs alike; acknowledgements and control messages are not data frames.
     */
    public long dataFramesSent() {
        return dataFramesSent;
    }
}
