package org.weightlab.engine;

import org.weightlab.engine.config.RunConfig;

/**
 * Refuses, before training starts, a batch-normalized run that would meet a training batch of one
 * example: a batch size of 1, or a last partial batch of one (training-set size mod batch size
 * = 1). Batch normalization has no variance to divide by there; PyTorch raises "Expected more than
 * 1 value per channel when training". Refusing the config up front gives a clear message instead
 * of a run that stops at the end of its first epoch.
 */
final class BatchNormBatches {

    private BatchNormBatches() {
    }

    static void check(Network net, RunConfig config, int trainSize) {
        if (!net.hasBatchNorm()) {
            return;
        }
        int size = config.batchSize();
        if (size == 1 || trainSize == 1) {
            throw new IllegalArgumentException("batch normalization needs training batches of at least 2 examples;"
                    + " the batch size is " + Math.min(size, trainSize));
        }
        if (trainSize > size && trainSize % size == 1) {
            throw new IllegalArgumentException("batch normalization needs training batches of at least 2 examples:"
                    + " " + trainSize + " training examples in batches of " + size + " leave a last batch of 1;"
                    + " choose another batch size");
        }
    }
}
