package org.weightlab.engine;

/**
 * What one training step did.
 *
 * @param step       steps taken so far (this one included)
 * @param epoch      completed epochs after this step
 * @param batchLoss  mean data loss of the minibatch before the update (NaN if nothing ran)
 * @param batchSize  examples in the minibatch (the last one of an epoch may be smaller)
 * @param epochEnded true when this step finished an epoch
 * @param divergence non-null when training is stopped because something became NaN or infinite
 */
public record StepResult(long step, int epoch, double batchLoss, int batchSize, boolean epochEnded,
                         Divergence divergence) {

    public boolean diverged() {
        return divergence != null;
    }
}
