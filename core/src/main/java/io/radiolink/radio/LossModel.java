package io.radiolink.radio;

import java.util.random.RandomGenerator;

/**
 * Decides which transmitted units a link loses; embedders may implement their own.
 *
 * <p>A model is immutable configuration. Each direction of each connection gets its own
 * {@link LossProcess} (its own state and random stream), advanced once per transmitted unit: data
 * frames, acknowledgements and control messages alike.
 */
public interface LossModel {

    /** A fresh loss process for one direction of one connection, drawing from {@code random}. */
    LossProcess newProcess(RandomGenerator random);

    /** The long-run fraction of units this model loses, used in documentation and validation. */
    double stationaryLossProbability();
}
