package io.radiolink.backhaul;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;
import io.radiolink.node.Availability;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One direction of a station's backhaul: a transmitter that sends messages of any size one at a time,
 * first come first served, over a link with a rate and a propagation delay, repairing losses by
 * retransmission after a timeout (see {@link BackhaulConfig} and docs/design.md, "The backhaul").
 *
 * <p>Messages are pipelined: the next one starts as soon as the last bit of the previous one left. Each
 * message is its own stop-and-wait: a lost transmission is repeated once the timeout after its end has
 * passed, ahead of the messages waiting for their first transmission (repeats among themselves in the
 * order their timeouts fell due). Messages are delivered each on its own, so a repeated message may arrive
 * after one offered later. While the backhaul is down the transmitter sends nothing; a transmission it cut
 * short is repeated from its first bit when the backhaul is up again, first of all; messages already sent
 * arrive, and offered ones are queued (within the bound).
 */
public final class BackhaulLink {

    private final Direction direction;
    private final BackhaulConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator loss;
    private final ArrayDeque<Message> waiting = new ArrayDeque<>();
    private final ArrayDeque<Message> repeats = new ArrayDeque<>();
    private Availability availability;
    private Message sending;
    private ScheduledAction sendingEnds;
    private double sendingSince;

    private long messagesOffered;
    private long messagesDropped;
    private long messagesDelivered;
    private long bitsDelivered;
    private long transmissions;
    private long retransmissions;
    private long transmissionsLost;
    private long transmissionsAborted;
    private double busySeconds;
    private BackhaulStatistics.Delays queueing = BackhaulStatistics.Delays.NONE;
    private BackhaulStatistics.Delays transfer = BackhaulStatistics.Delays.NONE;

    BackhaulLink(Direction direction, BackhaulConfig config, Scheduler scheduler, RandomGenerator loss) {
        this.direction = direction;
        this.config = config;
        this.scheduler = scheduler;
        this.loss = loss;
    }

    /** Called once by the backhaul that owns this direction, before any message is offered. */
    void attach(Availability owner) {
        this.availability = owner;
    }

    /** Which direction this is. */
    public Direction direction() {
        return direction;
    }

    /**
     * Offers a message of {@code sizeBits}; unless it is dropped, {@code onArrival} runs when it has
     * arrived whole at the far end (after its last bit and the propagation delay).
     *
     * @param sizeBits at least 1
     * @return false if the message was dropped because {@link BackhaulConfig#maxQueuedMessages} messages
     *     were already waiting for their first transmission ({@code onArrival} then never runs)
     * @throws IllegalArgumentException if {@code sizeBits} is below 1
     */
    public boolean send(long sizeBits, Runnable onArrival) {
        if (sizeBits < 1) {
            throw new IllegalArgumentException("sizeBits must be >= 1, was " + sizeBits);
        }
        Objects.requireNonNull(onArrival, "onArrival");
        messagesOffered++;
        Message message = new Message(sizeBits, onArrival, scheduler.nowSeconds());
        if (!canSendNow() && waiting.size() >= config.maxQueuedMessages()) {
            messagesDropped++;
            return false;
        }
        waiting.add(message);
        sendNext();
        return true;
    }

    /** Messages accepted and waiting for their first transmission. */
    public int queuedMessages() {
        return waiting.size();
    }

    /** True while a transmission is under way. */
    public boolean isSending() {
        return sending != null;
    }

    /** What this direction did from time 0 to now. */
    public BackhaulStatistics statistics() {
        double busy = busySeconds + (sending == null ? 0 : scheduler.nowSeconds() - sendingSince);
        return new BackhaulStatistics(scheduler.nowSeconds(), messagesOffered, messagesDropped, messagesDelivered,
                bitsDelivered, transmissions, retransmissions, transmissionsLost, transmissionsAborted, busy,
                availability.downSeconds(), queueing, transfer);
    }

    /**
     * From now on the largest delays that {@link #statistics()} gives are those tallied after this call
     * (the start of an observation window: a largest value cannot be taken apart from snapshots, as counts
     * and sums can); counts and sums still run from time 0.
     */
    public void restartLargestDelays() {
        queueing = queueing.withoutLargest();
        transfer = transfer.withoutLargest();
    }

    private boolean canSendNow() {
        return sending == null && availability.isUp() && repeats.isEmpty() && waiting.isEmpty();
    }


    /** Transitions that take every link of {@code links} down and up together. */
    static Availability.Transitions together(List<BackhaulLink> links) {
        List<BackhaulLink> all = List.copyOf(links);
        return new Availability.Transitions() {
            @Override
            public void wentDown() {
                for (BackhaulLink link : all) {
                    link.goDown();
                }
            }

            @Override
            public void cameUp() {
                for (BackhaulLink link : all) {
                    link.comeUp();
                }
            }
        };
    }
    /** Starts the next transmission if the transmitter is free and the backhaul up: a repeat before a first. */
    private void sendNext() {
        if (sending != null || !availability.isUp()) {
            return;
        }
        Message next = repeats.isEmpty() ? waiting.poll() : repeats.poll();
        if (next == null) {
            return;
        }
        double now = scheduler.nowSeconds();
        if (next.transmissions == 0) {
            queueing = queueing.plus(now - next.offeredAt);
        } else {
            retransmissions++;
        }
        next.transmissions++;
        transmissions++;
        sending = next;
        sendingSince = now;
        sendingEnds = scheduler.schedule(config.transmissionSeconds(next.sizeBits), this::transmissionEnded);
    }

    private void transmissionEnded() {
        Message message = sending;
        sending = null;
        sendingEnds = null;
        busySeconds += scheduler.nowSeconds() - sendingSince;
        if (config.lossProbability() > 0 && loss.nextDouble() < config.lossProbability()) {
            transmissionsLost++;
            scheduler.post(config.retransmissionTimeoutSeconds(), () -> {
                repeats.add(message);
                sendNext();
            });
        } else {
            scheduler.post(config.propagationDelaySeconds(), () -> arrived(message));
        }
        sendNext();
    }

    private void arrived(Message message) {
        messagesDelivered++;
        bitsDelivered += message.sizeBits;
        transfer = transfer.plus(scheduler.nowSeconds() - message.offeredAt);
        message.onArrival.run();
    }

    void goDown() {
        if (sending != null) {
            sendingEnds.cancel();
            busySeconds += scheduler.nowSeconds() - sendingSince;
            transmissionsAborted++;
            repeats.addFirst(sending);
            sending = null;
            sendingEnds = null;
        }
    }

    void comeUp() {
        sendNext();
    }

    @Override
    public String toString() {
        return "BackhaulLink[" + direction + "]";
    }

    /** A message and what the transport knows of it. */
    private static final class Message {
        final long sizeBits;
        final Runnable onArrival;
        final double offeredAt;
        int transmissions;

        Message(long sizeBits, Runnable onArrival, double offeredAt) {
            this.sizeBits = sizeBits;
            this.onArrival = onArrival;
            this.offeredAt = offeredAt;
        }
    }
}
