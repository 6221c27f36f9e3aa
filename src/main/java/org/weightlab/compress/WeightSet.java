package org.weightlab.compress;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Layer;
import org.weightlab.engine.Network;

/**
 * The weights and biases of a network's layers, detached from the network: {@code weights[l][o *
 * in + i]} (the engine's flat row-major layout) and {@code biases[l][o]}. Immutable: arrays are
 * copied in and out; the package reads its own arrays directly.
 */
public final class WeightSet {

    /** Per layer, W as [out][in] flattened row-major. */
    final double[][] weights;
    /** Per layer, one bias per neuron. */
    final double[][] biases;

    public WeightSet(double[][] weights, double[][] biases) {
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("a weight set needs the same number (at least one) of weight and bias "
                    + "layers, got " + weights.length + " and " + biases.length);
        }
        this.weights = new double[weights.length][];
        this.biases = new double[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            int out = biases[l].length;
            if (out == 0 || weights[l].length == 0 || weights[l].length % out != 0) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weights for " + out
                        + " neurons");
            }
            if (l > 0 && weights[l].length / out != biases[l - 1].length) {
                throw new IllegalArgumentException("layer " + l + " takes " + weights[l].length / out
                        + " inputs but layer " + (l - 1) + " has " + biases[l - 1].length + " neurons");
            }
            this.weights[l] = weights[l].clone();
            this.biases[l] = biases[l].clone();
        }
    }

    /** A copy of {@code network}'s weights and biases; the network is only read. */
    public static WeightSet of(Network network) {
        double[][] w = new double[network.layerCount()][];
        double[][] b = new double[network.layerCount()][];
        for (int l = 0; l < w.length; l++) {
            w[l] = network.layer(l).weightsCopy();
            b[l] = network.layer(l).biasesCopy();
        }
        return new WeightSet(w, b);
    }

    /**
     * A new network like {@code shape} (features, loss, activations, frozen masks) holding these
     * weights and biases; {@code shape} is only read.
     */
    public Network toNetwork(Network shape) {
        if (shape.layerCount() != weights.length) {
            throw new IllegalArgumentException("the network has " + shape.layerCount() + " layers, the weights "
                    + weights.length);
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            Layer s = shape.layer(l);
            layers.add(Layer.of(s.inputs(), s.outputs(), s.activation(), weights[l], biases[l],
                    s.frozenWeightsCopy(), s.frozenBiasesCopy()));
        }
        return new Network(shape.features(), shape.loss(), layers);
    }

    public int layerCount() {
        return weights.length;
    }

    public int inputs(int layer) {
        return weights[layer].length / biases[layer].length;
    }

    public int outputs(int layer) {
        return biases[layer].length;
    }

    public double[] weights(int layer) {
        return weights[layer].clone();
    }

    public double[] biases(int layer) {
        return biases[layer].clone();
    }

    /** All weights of all layers. */
    public int weightCount() {
        int n = 0;
        for (double[] w : weights) {
            n += w.length;
        }
        return n;
    }

    /** Weights that are not 0 (nor -0). */
    public long nonzeroWeights() {
        long n = 0;
        for (double[] w : weights) {
            n += ModelSize.nonzero(w);
        }
        return n;
    }
}
