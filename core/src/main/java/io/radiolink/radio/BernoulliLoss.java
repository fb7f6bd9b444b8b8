package io.radiolink.radio;

import java.util.random.RandomGenerator;

/**
 * Loses each transmitted unit independently with probability {@code lossProbability}.
 *
 * @param lossProbability in [0, 1)
 */
public record BernoulliLoss(double lossProbability) implements LossModel {

    /** Validates the probability. */
    public BernoulliLoss {
        Checks.probabilityBelowOne("lossProbability", lossProbability);
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
