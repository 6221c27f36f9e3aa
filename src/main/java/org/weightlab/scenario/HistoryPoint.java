package org.weightlab.scenario;

/**
 * Losses and accuracies after {@code step} optimizer steps ({@code epoch} whole epochs). Losses are
 * data losses without the penalty. Accuracies are NaN for regression, where they do not apply; in
 * files NaN is written as null.
 */
public record HistoryPoint(long step, int epoch, double trainLoss, double testLoss, double trainAccuracy,
                           double testAccuracy) {

    public HistoryPoint {
        if (step < 0 || epoch < 0) {
            throw new IllegalArgumentException("step and epoch must be >= 0, got " + step + " and " + epoch);
        }
    }
}
