package org.weightlab.engine;

/**
 * Losses and accuracies over the whole training and test sets, without dropout. Losses are mean
 * data losses; the regularization penalty is separate. Accuracies are fractions in [0, 1], NaN
 * for regression; the test values are NaN when the test set is empty.
 */
public record Evaluation(double trainLoss, double testLoss, double trainAccuracy, double testAccuracy,
                         double penalty) {
}
