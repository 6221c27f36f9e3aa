package org.weightlab.session;

/**
 * One point of the loss curve. Per-step points carry the batch loss as {@code trainLoss} and NaN
 * for {@code testLoss}; epoch-end points ({@code epochEnd}) carry the full train and test losses,
 * and for classification the train and test accuracies (fractions 0..1; NaN otherwise).
 */
public record LossPoint(long step, int epoch, double trainLoss, double testLoss, boolean epochEnd,
                        double trainAccuracy, double testAccuracy, double taskALoss, double taskAAccuracy) {

    /**
     * A point of a run that has not moved to a second task: no "task A" values (NaN). After a
     * move, epoch-end points also carry {@code taskALoss} and {@code taskAAccuracy}, the network's
     * loss and accuracy on the first task's test set (forgetting).
     */
    public LossPoint(long step, int epoch, double trainLoss, double testLoss, boolean epochEnd,
                     double trainAccuracy, double testAccuracy) {
        this(step, epoch, trainLoss, testLoss, epochEnd, trainAccuracy, testAccuracy, Double.NaN, Double.NaN);
    }

    /** A point without accuracies. */
    public LossPoint(long step, int epoch, double trainLoss, double testLoss, boolean epochEnd) {
        this(step, epoch, trainLoss, testLoss, epochEnd, Double.NaN, Double.NaN);
    }
}
