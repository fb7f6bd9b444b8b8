package io.radiolink.radio;

import java.util.random.RandomGenerator;

/**
 * Loses each transmitted unit independently with probability {@code lossProbability}.
 *
 * @param lossProbability in [0, 1)
 */
public record BernoulliLoss(double lossProbability) implements LossModel {

    /** The loss probabilities: below 1, so that ARQ can finish. */
    public static final Range LOSS_PROBABILITY = Range.closedOpen(0, 1);

    /** Validates the probability. */
    public BernoulliLoss {
        LOSS_PROBABILITY.check("lossProbability", lossProbability);
    }

    @Override
    public LossProcess newProcess(RandomGenerator random) {
        return () -> random.nextDouble() < lossProbability;
    }

    @Override
    public double stationaryLossProbability() {
        return lossProbability;
    }
}
