package io.radiolink.validation;

/** Closed-form results the model must reproduce. */
final class Theory {

    private Theory() {}

    /**
     * Erlang's loss formula: the blocking probability of {@code channels} servers with offered load
     * {@code erlangs}, by the stable recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)).
     */
    static double erlangB(int channels, double erlangs) {
        double b = 1.0;
        for (int k = 1; k <= channels; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return b;
    }

    /** Mean transmissions per frame when each transmission succeeds independently with {@code success}. */
    static double meanTransmissions(double success) {
        return 1.0 / success;
    }
}
