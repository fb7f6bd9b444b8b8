package io.radiolink.radio;

import java.util.random.RandomGenerator;

/**
 * Two-state Gilbert-Elliott loss: a Markov chain of a good and a bad state, with a loss probability
 * in each.
 *
 * <p>Per transmitted unit the chain first moves (good to bad with {@code goodToBadProbability}, bad
 * to good with {@code badToGoodProbability}), then the unit is lost with the new state's loss
 * probability. The initial state is drawn from the stationary distribution, so the loss process is
 * stationary from the first unit: the bad state's share is {@code p / (p + r)} and the loss rate
 * {@code (r * lossInGood + p * lossInBad) / (p + r)}, with {@code p} = goodToBad and {@code r} =
 * badToGood. With {@code lossInGood = 0} and {@code lossInBad = 1} (Gilbert's model), loss bursts
 * have mean length {@code 1 / r}.
 *
 * @param goodToBadProbability per-unit chance of moving from good to bad, in (0, 1]
 * @param badToGoodProbability per-unit chance of moving from bad to good, in (0, 1]
 * @param lossInGood loss probability in the good state, in [0, 1]
 * @param lossInBad loss probability in the bad state, in [0, 1]
 */
public record GilbertElliottLoss(
        double goodToBadProbability, double badToGoodProbability, double lossInGood, double lossInBad)
        implements LossModel {

    /** The per-unit chances of changing state. */
    public static final Range TRANSITION_PROBABILITY = Range.openClosed(0, 1);
    /** The loss probability of a state. */
    public static final Range STATE_LOSS_PROBABILITY = Range.probability();

    /** Validates the parameters; the stationary loss must stay below 1 so that ARQ can finish. */
    public GilbertElliottLoss {
        TRANSITION_PROBABILITY.check("goodToBadProbability", goodToBadProbability);
        TRANSITION_PROBABILITY.check("badToGoodProbability", badToGoodProbability);
        STATE_LOSS_PROBABILITY.check("lossInGood", lossInGood);
        STATE_LOSS_PROBABILITY.check("lossInBad", lossInBad);
        if (lossInGood >= 1.0 && lossInBad >= 1.0) {
            throw InvalidFieldException.stated("lossInGood", Double.toString(lossInGood),
                    "lossInGood and lossInBad must not both be 1: such a link loses everything",
                    STATE_LOSS_PROBABILITY.describe() + ", not 1 when the other state's is 1");
        }
    }

    /** Gilbert's special case: nothing lost in the good state, everything in the bad one. */
    public static GilbertElliottLoss gilbert(double goodToBadProbability, double badToGoodProbability) {
        return new GilbertElliottLoss(goodToBadProbability, badToGoodProbability, 0.0, 1.0);
    }

    /** The stationary probability of the bad state, {@code p / (p + r)}. */
    public double badStateProbability() {
        return goodToBadProbability / (goodToBadProbability + badToGoodProbability);
    }

    @Override
    public double stationaryLossProbability() {
        double bad = badStateProbability();
        return (1.0 - bad) * lossInGood + bad * lossInBad;
    }

    @Override
    public LossProcess newProcess(RandomGenerator random) {
        return new Process(random, random.nextDouble() < badStateProbability());
    }

    private final class Process implements LossProcess {
        private final RandomGenerator random;
        private boolean bad;

        Process(RandomGenerator random, boolean bad) {
            this.random = random;
            this.bad = bad;
        }

        @Override
        public boolean nextUnitLost() {
            double move = random.nextDouble();
            bad = bad ? move >= badToGoodProbability : move < goodToBadProbability;
            double lossProbability = bad ? lossInBad : lossInGood;
            return lossProbability > 0.0 && random.nextDouble() < lossProbability;
        }
    }
}
