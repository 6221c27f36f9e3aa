package org.weightlab.engine;

import org.weightlab.engine.config.ActivationKind;

/**
 * One layer of a {@link Trace}. Vectors are per neuron; matrices are row-major [out][in] like the
 * weights. Accessors return copies.
 */
public final class TraceLayer {

    private final int inputs;
    private final int outputs;
    private final ActivationKind activation;
    private final double[] input;
    private final double[] z;
    private final double[] a;
    private final double[] dropoutMask;
    private final double[] dLda;
    private final double[] dLdz;
    private final double[] dataWeightGradients;
    private final double[] weightGradients;
    private final double[] biasGradients;
    private final double[] weightUpdates;
    private final double[] biasUpdates;
    private final double[] newWeights;
    private final double[] newBiases;

    TraceLayer(Layer layer, double[] input, double[] z, double[] a, double[] dropoutMask, double[] dLda,
               double[] dLdz, double[] dataWeightGradients, double[] weightGradients, double[] biasGradients,
               double[] newWeights, double[] newBiases) {
        this.inputs = layer.inputs();
        this.outputs = layer.outputs();
        this.activation = layer.activation();
        this.input = input;
        this.z = z;
        this.a = a;
        this.dropoutMask = dropoutMask;
        this.dLda = dLda;
        this.dLdz = dLdz;
        this.dataWeightGradients = dataWeightGradients;
        this.weightGradients = weightGradients;
        this.biasGradients = biasGradients;
        this.newWeights = newWeights;
        this.newBiases = newBiases;
        weightUpdates = new double[newWeights.length];
        for (int j = 0; j < newWeights.length; j++) {
            weightUpdates[j] = newWeights[j] - layer.weights[j];
        }
        biasUpdates = new double[newBiases.length];
        for (int j = 0; j < newBiases.length; j++) {
            biasUpdates[j] = newBiases[j] - layer.biases[j];
        }
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    public ActivationKind activation() {
        return activation;
    }

    /** What the layer received: the features, or the (dropped-out) activations of the layer below. */
    public double[] input() {
        return input.clone();
    }

    /** Pre-activations z = W x + b. */
    public double[] z() {
        return z.clone();
    }

    /** Activations a = f(z), before dropout. */
    public double[] a() {
        return a.clone();
    }

    /** Inverted-dropout scale of each unit (0 or 1 / (1 - p)); all 1 without dropout or for the output. */
    public double[] dropoutMask() {
        return dropoutMask.clone();
    }

    /** dL/da; for the output layer the loss's own derivative. */
    public double[] dLda() {
        return dLda.clone();
    }

    /** dL/dz. */
    public double[] dLdz() {
        return dLdz.clone();
    }

    /** dL/dw of the data loss alone: dL/dz_o * input_i. */
    public double[] dataWeightGradients() {
        return dataWeightGradients.clone();
    }

    /** dL/dw the optimizer sees: data gradient plus the regularization term. */
    public double[] weightGradients() {
        return weightGradients.clone();
    }

    public double[] biasGradients() {
        return biasGradients.clone();
    }

    /** new weight - current weight (0 where frozen). */
    public double[] weightUpdates() {
        return weightUpdates.clone();
    }

    public double[] biasUpdates() {
        return biasUpdates.clone();
    }

    /** The weights after the update. */
    public double[] newWeights() {
        return newWeights.clone();
    }

    public double[] newBiases() {
        return newBiases.clone();
    }

    public double weightGradient(int out, int in) {
        return weightGradients[out * inputs + in];
    }

    public double weightUpdate(int out, int in) {
        return weightUpdates[out * inputs + in];
    }
}
