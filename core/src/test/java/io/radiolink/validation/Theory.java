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

    /**
     * The mean sojourn of M/G/1 processor sharing, {@code E[S] / (C (1 - rho))}: a job's mean service time
     * alone, {@code meanServiceSeconds = E[S] / C}, stretched by 1 / (1 - rho), whatever the distribution of S.
     */
    static double processorSharingMeanSojourn(double meanServiceSeconds, double load) {
        return meanServiceSeconds / (1 - load);
    }

    /**
     * The factor beta(rho) of the bound on round robin's bias against processor sharing over intervals of
     * tau, {@code |E[T_RR] - E[T_PS]| <= beta(rho) tau} to first order: {@code 1 + rho / (1 - rho) + 1 / (1 - rho)^2}
     * (derived in {@code RoundRobinValidationTest} and docs/design.md).
     */
    static double roundRobinBiasFactor(double load) {
        return 1 + load / (1 - load) + 1 / ((1 - load) * (1 - load));
    }
}
