package org.weightlab.compress;

import org.weightlab.engine.Evaluation;
import org.weightlab.engine.Network;
import org.weightlab.engine.Trainer;
import org.weightlab.engine.config.RunConfig;
import org.weightlab.engine.data.DataSplit;

/**
 * Losses and accuracies of other weights for one network on one data set, over a private copy of
 * the network: the run it comes from is never touched. Reusing the copy keeps the feature
 * transform of the data and the buffers across the points of a sweep.
 */
public final class Evaluator {

    /** Holds the private copy; only its weights and biases change, nothing trains. */
    private final Trainer scratch;
    private final int layers;

    public Evaluator(RunConfig config, DataSplit data, Network network) {
        scratch = new Trainer(config, data, network); // copies the network
        layers = network.layerCount();
    }

    /** The network with {@code w}'s weights and biases, evaluated on the training and test sets. */
    public Evaluation evaluate(WeightSet w) {
        if (w.layerCount() != layers) {
            throw new IllegalArgumentException("the weights have " + w.layerCount() + " layers, the network " + layers);
        }
        Network net = scratch.network();
        for (int l = 0; l < layers; l++) {
            int in = net.layer(l).inputs();
            int out = net.layer(l).outputs();
            if (w.inputs(l) != in || w.outputs(l) != out) {
                throw new IllegalArgumentException("layer " + l + " of the weights is " + w.outputs(l) + " x "
                        + w.inputs(l) + ", the network's " + out + " x " + in);
            }
            double[] wl = w.weights[l];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    scratch.setWeight(l, o, i, wl[o * in + i]);
                }
                scratch.setBias(l, o, w.biases[l][o]);
            }
        }
        return scratch.evaluate();
    }
}
