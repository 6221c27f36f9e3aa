package org.weightlab.engine;

/**
 * Statistics of one layer at one moment, computed on demand.
 *
 * @param histogram      counts of the weights in {@code bins} equal bins over [histLow, histHigh]
 * @param gradientNorm   L2 norm of dL/dW of the last step
 * @param updateRatio    ||last update of W|| / ||W|| (0 when W is all zeros)
 * @param deadCount      ReLU-family units whose output is 0 for every training example
 * @param saturatedCount tanh/sigmoid units whose |z| exceeds the saturation threshold on most examples
 */
public record LayerStats(double weightMean, double weightStd, double weightMin, double weightMax,
                         int[] histogram, double histLow, double histHigh,
                         double gradientNorm, double updateRatio, int deadCount, int saturatedCount) {

    public LayerStats {
        histogram = histogram.clone();
    }

    @Override
    public int[] histogram() {
        return histogram.clone();
    }
}
