package org.weightlab.session;

import org.weightlab.engine.LayerStats;
import org.weightlab.engine.config.ActivationKind;

/**
 * One dense layer at one step. Arrays are private copies, row-major {@code [out][in]}:
 * the weight from input {@code i} to neuron {@code o} is {@code weights[o * inputs + i]}.
 *
 * @param weightGradients dL/dW of the last step (batch mean, regularization included)
 * @param weightUpdates   the change the last step made to each weight (0 where frozen)
 * @param stats           per-layer statistics, or null when no view asked for them
 * @param norm            the layer's batch normalization, or null
 */
public record LayerSnapshot(int inputs, int outputs, ActivationKind activation,
                            double[] weights, double[] biases,
                            double[] weightGradients, double[] biasGradients,
                            double[] weightUpdates, double[] biasUpdates,
                            boolean[] frozenWeights, boolean[] frozenBiases,
                            LayerStats stats, NormSnapshot norm) {

    /** A layer without batch normalization. */
    public LayerSnapshot(int inputs, int outputs, ActivationKind activation, double[] weights, double[] biases,
                         double[] weightGradients, double[] biasGradients, double[] weightUpdates,
                         double[] biasUpdates, boolean[] frozenWeights, boolean[] frozenBiases, LayerStats stats) {
        this(inputs, outputs, activation, weights, biases, weightGradients, biasGradients, weightUpdates, biasUpdates,
                frozenWeights, frozenBiases, stats, null);
    }

    public double weight(int out, int in) {
        return weights[out * inputs + in];
    }

    public boolean frozen(int out, int in) {
        return frozenWeights[out * inputs + in];
    }
}
