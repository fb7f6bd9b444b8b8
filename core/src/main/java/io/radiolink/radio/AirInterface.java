package io.radiolink.radio;

import java.util.Objects;

/**
 * The radio interface of a base station's cell: both link directions and the life cycle of a
 * connection (set-up, radio link failure, release).
 *
 * @param uplink terminal to base station
 * @param downlink base station to terminal
 * @param setupDelaySeconds time from a connection request to the connection being usable, >= 0
 * @param setupFailureProbability chance that a set-up that got a channel fails at its end, in [0, 1]
 * @param meanTimeToFailureSeconds mean of the exponential time from establishment to a radio link
 *     failure that drops the connection; {@link Double#POSITIVE_INFINITY} for links that never drop
 * @param releaseDelaySeconds time from a release request until the channel is free, >= 0
 * @param randomAccess contention for access slots before the channel check;
 *     {@link RandomAccessConfig#NONE} (the default) for none
 * @param capacity whether each connection has its own channel ({@link #DEDICATED}, the default) or the
 *     connections share each direction's capacity
 */
public record AirInterface(
        LinkConfig uplink,
        LinkConfig downlink,
        double setupDelaySeconds,
        double setupFailureProbability,
        double meanTimeToFailureSeconds,
        double releaseDelaySeconds,
        RandomAccessConfig randomAccess,
        CellCapacity capacity) {

    /** Set-up and release delays. */
    public static final Range DELAY_SECONDS = Range.seconds();
    /** The chance that a set-up fails. */
    public static final Range SETUP_FAILURE_PROBABILITY = Range.probability();
    /** Mean times to a radio link failure; infinity for links that never drop. */
    public static final Range MEAN_TIME_TO_FAILURE_SECONDS = Range.positiveSecondsOrNever();

    /**
     * One channel per connection, the default capacity mode. A constant of this record, not of
     * {@link CellCapacity}: built while the interface initialises, it would make initialising a variant
     * first build a variant before that variant's class was ready ({@code FirstUseTest}).
     */
    public static final CellCapacity DEDICATED = new CellCapacity.Dedicated();

    /** Validates every field. */
    public AirInterface {
        Objects.requireNonNull(randomAccess, "randomAccess");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(downlink, "downlink");
        DELAY_SECONDS.check("setupDelaySeconds", setupDelaySeconds);
        SETUP_FAILURE_PROBABILITY.check("setupFailureProbability", setupFailureProbability);
        MEAN_TIME_TO_FAILURE_SECONDS.check("meanTimeToFailureSeconds", meanTimeToFailureSeconds);
        DELAY_SECONDS.check("releaseDelaySeconds", releaseDelaySeconds);
    }

    /** An interface with a dedicated channel per connection. */
    public AirInterface(LinkConfig uplink, LinkConfig downlink, double setupDelaySeconds,
            double setupFailureProbability, double meanTimeToFailureSeconds, double releaseDelaySeconds,
            RandomAccessConfig randomAccess) {
        this(uplink, downlink, setupDelaySeconds, setupFailureProbability, meanTimeToFailureSeconds,
                releaseDelaySeconds, randomAccess, DEDICATED);
    }

    /** An interface with a dedicated channel per connection, without random-access contention. */
    public AirInterface(LinkConfig uplink, LinkConfig downlink, double setupDelaySeconds,
            double setupFailureProbability, double meanTimeToFailureSeconds, double releaseDelaySeconds) {
        this(uplink, downlink, setupDelaySeconds, setupFailureProbability, meanTimeToFailureSeconds,
                releaseDelaySeconds, RandomAccessConfig.NONE);
    }

    /** The same interface with other random-access contention. */
    public AirInterface withRandomAccess(RandomAccessConfig access) {
        return new AirInterface(uplink, downlink, setupDelaySeconds, setupFailureProbability,
                meanTimeToFailureSeconds, releaseDelaySeconds, access, capacity);
    }

    /** The same interface with {@code model} as the loss model of both directions. */
    public AirInterface withLossModel(LossModel model) {
        return new AirInterface(uplink.withLossModel(model), downlink.withLossModel(model),
                setupDelaySeconds, setupFailureProbability, meanTimeToFailureSeconds, releaseDelaySeconds, randomAccess,
                capacity);
    }

    /** The same interface with other links. */
    public AirInterface withLinks(LinkConfig newUplink, LinkConfig newDownlink) {
        return new AirInterface(newUplink, newDownlink, setupDelaySeconds, setupFailureProbability,
                meanTimeToFailureSeconds, releaseDelaySeconds, randomAccess, capacity);
    }

    /** The same interface with another set-up delay and failure probability. */
    public AirInterface withSetup(double delaySeconds, double failureProbability) {
        return new AirInterface(uplink, downlink, delaySeconds, failureProbability,
                meanTimeToFailureSeconds, releaseDelaySeconds, randomAccess, capacity);
    }

    /** The same interface with another mean time to radio link failure. */
    public AirInterface withMeanTimeToFailureSeconds(double seconds) {
        return new AirInterface(uplink, downlink, setupDelaySeconds, setupFailureProbability, seconds,
                releaseDelaySeconds, randomAccess, capacity);
    }

    /** The same interface with another release delay. */
    public AirInterface withReleaseDelaySeconds(double seconds) {
        return new AirInterface(uplink, downlink, setupDelaySeconds, setupFailureProbability,
                meanTimeToFailureSeconds, seconds, randomAccess, capacity);
    }

    /** The same interface with another capacity mode. */
    public AirInterface withCapacity(CellCapacity newCapacity) {
        return new AirInterface(uplink, downlink, setupDelaySeconds, setupFailureProbability,
                meanTimeToFailureSeconds, releaseDelaySeconds, randomAccess, newCapacity);
    }
}
