package io.radiolink.radio;

import java.util.random.RandomGenerator;

/** A loss model that never loses anything. */
public enum NoLoss implements LossModel {
    /** The only instance. */
    INSTANCE;

    private static final LossProcess NEVER = () -> false;

    @Override
    public LossProcess newProcess(RandomGenerator random) {
        return NEVER;
    }

    @Override
    public double stationaryLossProbability() {
        return 0.0;
    }

    @Override
    public String toString() {
        return "none";
    }
}
