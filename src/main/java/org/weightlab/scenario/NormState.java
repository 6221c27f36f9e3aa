package org.weightlab.scenario;

import java.util.Arrays;

/**
 * A dense layer's batch normalization as files store it (a layer's optional "batchNorm" entry):
 * {@code {"gamma": [...], "beta": [...], "runningMean": [...], "runningVar": [...],
 * "numBatchesTracked": n}}, one value per neuron, and optionally {@code "frozenGamma"} /
 * {@code "frozenBeta"}. PyTorch's {@code BatchNorm1d} holds the same: weight (gamma), bias (beta),
 * running_mean, running_var, num_batches_tracked. Immutable; equality compares values bit for bit.
 */
public record NormState(double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                        long numBatchesTracked, boolean[] frozenGamma, boolean[] frozenBeta) {

    public NormState {
        if (gamma == null || beta == null || runningMean == null || runningVar == null) {
            throw new IllegalArgumentException("batchNorm is incomplete");
        }
        int n = gamma.length;
        if (n == 0 || beta.length != n || runningMean.length != n || runningVar.length != n) {
            throw new IllegalArgumentException("batchNorm's gamma, beta, runningMean and runningVar must hold one value"
                    + " per neuron");
        }
        frozenGamma = frozenGamma == null ? new boolean[n] : frozenGamma.clone();
        frozenBeta = frozenBeta == null ? new boolean[n] : frozenBeta.clone();
        if (frozenGamma.length != n || frozenBeta.length != n) {
            throw new IllegalArgumentException("batchNorm's frozen masks must hold one flag per neuron");
        }
        gamma = gamma.clone();
        beta = beta.clone();
        runningMean = runningMean.clone();
        runningVar = runningVar.clone();
    }

    public int units() {
        return gamma.length;
    }

    @Override
    public double[] gamma() {
        return gamma.clone();
    }

    @Override
    public double[] beta() {
        return beta.clone();
    }

    @Override
    public double[] runningMean() {
        return runningMean.clone();
    }

    @Override
    public double[] runningVar() {
        return runningVar.clone();
    }

    @Override
    public boolean[] frozenGamma() {
        return frozenGamma.clone();
    }

    @Override
    public boolean[] frozenBeta() {
        return frozenBeta.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormState s && Arrays.equals(gamma, s.gamma) && Arrays.equals(beta, s.beta)
                && Arrays.equals(runningMean, s.runningMean) && Arrays.equals(runningVar, s.runningVar)
                && numBatchesTracked == s.numBatchesTracked && Arrays.equals(frozenGamma, s.frozenGamma)
                && Arrays.equals(frozenBeta, s.frozenBeta);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gamma) + Arrays.hashCode(runningMean);
    }

    @Override
    public String toString() {
        return "NormState[" + units() + " units, " + numBatchesTracked + " batches]";
    }
}
