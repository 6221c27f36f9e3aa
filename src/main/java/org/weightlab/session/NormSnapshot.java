package org.weightlab.session;

/**
 * A dense layer's batch normalization at one step, one value per neuron (private copies).
 *
 * @param batchMean      the mean of z over the last training batch (NaN before the first step)
 * @param batchVar       the biased variance of z over that batch (NaN before the first step)
 * @param runningMean    the running mean evaluation uses
 * @param runningVar     the running (unbiased) variance evaluation uses
 * @param gammaGradients dL/dgamma of the last step
 * @param betaGradients  dL/dbeta of the last step
 * @param batchesTracked training batches that moved the running statistics
 */
public record NormSnapshot(double[] gamma, double[] beta, double[] runningMean, double[] runningVar,
                           double[] batchMean, double[] batchVar, double[] gammaGradients, double[] betaGradients,
                           boolean[] frozenGamma, boolean[] frozenBeta, long batchesTracked) {

    public int units() {
        return gamma.length;
    }
}
