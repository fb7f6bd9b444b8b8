package io.radiolink.protocol.transfer;

import io.radiolink.engine.Scheduler;
import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.Message.Ack;
import io.radiolink.protocol.Message.DataFrame;
import io.radiolink.protocol.Message.RepairRequest;
import io.radiolink.radio.Departure;
import java.util.Objects;

/**
 * The sending half of a transfer of user data, the same at either end: the frames from where the
 * receiver asked to start under ARQ in round 0, then each repair round the receiver asks for (the
 * chunks whose digest failed), with the counts of everything it sent. A backup's terminal and a
 * download's station each run one per connection.
 *
 * <p>A frame's retransmission timer counts from its departure, which the connection reports to the
 * {@link Departure} passed with the frame: the one handler of the round's ARQ sender, so the departure of
 * a frame of a round that ended reaches that round's stopped sender and counts for nothing, also when a
 * repair round sends the same frame again (see {@link ArqSender} for one that comes after the frame was
 * acknowledged or the sender stopped).
 */
public final class TransferSender {

    /**
     * Puts a data frame of {@code bytes} on the connection and tells {@code departure} when its last bit
     * leaves (a connection's {@code sendUplink} or {@code sendDownlink}).
     */
    @FunctionalInterface
    public interface Transmitter {
        void transmit(int bytes, DataFrame frame, Departure<DataFrame> departure);
    }

    /** What a round reports; exactly one of the two is called per round, once, unless it is stopped first. */
    public interface Outcome {
        /** Every frame of the current round was acknowledged. */
        void allAcknowledged();

        /** A frame of the current round was sent {@code 1 + retryLimit} times without acknowledgement. */
        void retriesExhausted();
    }

    private final Scheduler scheduler;
    private final ArqConfig config;
    private final Framing framing;
    private final Transmitter transmitter;
    private final Outcome outcome;
    private final ArqSender.Transmitter frames = this::transmitFrame;
    private ArqSender round;
    private int roundNumber;
    private long framesSentEarlier;
    private long framesRetransmittedEarlier;
    private long bytesSent;

    /** A sender of the object {@code framing} cuts into frames; nothing is sent before {@link #startAt}. */
    public TransferSender(Scheduler scheduler, ArqConfig config, Framing framing, Transmitter transmitter,
            Outcome outcome) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.transmitter = Objects.requireNonNull(transmitter, "transmitter");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** Starts round 0: the frames from {@code fromFrame} (clamped to the object) to the last. */
    public void startAt(int fromFrame) {
        int from = Math.min(Math.max(0, fromFrame), framing.frames());
        startRound(0, FramePlan.range(from, framing.frames()));
    }

    /** Passes an acknowledgement of the current round to its ARQ; one of another round is stale. */
    public void acknowledge(Ack ack) {
        if (ack.round() == roundNumber && round != null) {
            round.acknowledge(ack.sequence());
        }
    }

    /** True if {@code repair} asks for the next round (a request for a round already started is a duplicate). */
    public boolean isNextRound(RepairRequest repair) {
        return repair.round() == roundNumber + 1;
    }

    /**
     * Stops the running round and starts the repair round {@code repair} asks for.
     *
     * @throws IllegalArgumentException if it is not the next round ({@link #isNextRound})
     */
    public void repair(RepairRequest repair) {
        if (!isNextRound(repair)) {
            throw new IllegalArgumentException("round " + repair.round() + " asked for after round " + roundNumber);
        }
        startRound(repair.round(), FramePlan.chunks(repair.chunks(), framing));
    }

    private void startRound(int number, FramePlan plan) {
        retireRound();
        roundNumber = number;
        round = new ArqSender(scheduler, config, plan, frames, outcome);
        round.start();
    }

    private void transmitFrame(int frame, Departure<DataFrame> departure) {
        bytesSent += framing.payloadBytes(frame);
        transmitter.transmit(framing.frameBytes(frame), DataFrame.of(frame, roundNumber), departure);
    }

    private void retireRound() {
        if (round != null) {
            round.stop();
            framesSentEarlier += round.framesSent();
            framesRetransmittedEarlier += round.framesRetransmitted();
            round = null;
        }
    }

    /** Stops the running round; nothing more is sent. */
    public void stop() {
        if (round != null) {
            round.stop();
        }
    }

    /** True while frames of the running round are in flight: their retransmission timers count. */
    public boolean awaitingAcknowledgements() {
        return round != null && round.awaitingAcknowledgements();
    }

    /** Everything sent so far, every round. */
    public TransferCounts counts() {
        long sent = framesSentEarlier + (round == null ? 0 : round.framesSent());
        long retransmitted = framesRetransmittedEarlier + (round == null ? 0 : round.framesRetransmitted());
        return new TransferCounts(sent, retransmitted, bytesSent);
    }
}
