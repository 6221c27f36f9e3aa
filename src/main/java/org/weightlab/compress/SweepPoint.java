package org.weightlab.compress;

/**
 * One point of a compression curve.
 *
 * @param x              the sparsity (0 to 0.99), or the bits per weight (64 for full precision)
 * @param label          how a chart names the point: "50%", "4 bits", "ternary", ...
 * @param trainLoss      mean data loss on the training set
 * @param testLoss       mean data loss on the test set (NaN without a test set)
 * @param testAccuracy   fraction of the test set right (NaN for regression or without a test set)
 * @param nonzeroWeights weights that are not 0 after compression
 */
public record SweepPoint(double x, String label, double trainLoss, double testLoss, double testAccuracy,
                         long nonzeroWeights) {
}
