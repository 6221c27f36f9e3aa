package org.weightlab.session;

/**
 * One point of the loss curve. Per-step points carry the batch loss as {@code trainLoss} and NaN
 * for {@code testLoss}; epoch-end points ({@code epochEnd}) carry the full train and test losses.
 */
public record LossPoint(long step, int epoch, double trainLoss, double testLoss, boolean epochEnd) {
}
