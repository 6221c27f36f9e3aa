package org.weightlab.engine;

import org.weightlab.engine.config.RunConfig;

/**
 * An immutable copy of everything that decides a run's future: weights, biases, frozen masks,
 * last gradients and updates, optimizer state, step and epoch counts, the position in the
 * epoch and its example order, the shuffling and dropout generators, the config and any
 * divergence. {@link Trainer#restore} followed by the same steps reproduces the original
 * continuation bit for bit.
 */
public final class Checkpoint {

    final RunConfig config;
    final Network network;
    final OptimizerState optimizer;
    final long step;
    final int epoch;
    final int cursor;
    final int[] order;
    final int orderEpoch;
    final long shuffleState;
    final long dropoutState;
    final Divergence divergence;

    Checkpoint(RunConfig config, Network network, OptimizerState optimizer, long step, int epoch, int cursor,
               int[] order, int orderEpoch, long shuffleState, long dropoutState, Divergence divergence) {
        this.config = config;
        this.network = network;
        this.optimizer = optimizer;
        this.step = step;
        this.epoch = epoch;
        this.cursor = cursor;
        this.order = order;
        this.orderEpoch = orderEpoch;
        this.shuffleState = shuffleState;
        this.dropoutState = dropoutState;
        this.divergence = divergence;
    }

    public long step() {
        return step;
    }

    public int epoch() {
        return epoch;
    }

    public RunConfig config() {
        return config;
    }

    public Divergence divergence() {
        return divergence;
    }

    /** A deep copy of the network as it was (safe to read from any thread). */
    public Network network() {
        return network.copy();
    }

    /** Approximate memory held, for budgeting a history of checkpoints. */
    public long byteSize() {
        long bytes = 256 + 4L * (order == null ? 0 : order.length) + optimizer.byteSize();
        for (Parameter p : network.parameters()) {
            bytes += p.bytes();
        }
        bytes += 64L * network.layerCount();
        return bytes;
    }
}
