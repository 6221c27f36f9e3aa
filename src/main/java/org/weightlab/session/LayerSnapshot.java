package org.weightlab.session;

import org.weightlab.engine.LayerStats;
import org.weightlab.engine.config.ActivationKind;

/**
 * One dense layer at one step. Arrays are private copies, row-major {@code [out][in]}:
 * the weight from input {@code i} to neuron {@code o} is {@code weights[o * inputs + i]}.
 *
 * @param weights          the layer's own weights W (under quantization-aware training the
 *                         full-precision latent weights the optimizer moves)
 * @param weightGradients  dL/dW of the last step (batch mean, regularization included)
 * @param weightUpdates    the change the last step made to each weight (0 where frozen)
 * @param stats            per-layer statistics, or null when no view asked for them
 * @param norm             the layer's batch normalization, or null
 * @param effectiveWeights the weights the layer computes with: W + (alpha/r) B A with a LoRA
 *                         adapter, quantized under quantization-aware training; the very array
 *                         {@code weights} when they are W (never null)
 * @param removedWeights   true where a what-if removes the weight (a pruning preview), or null
 */
public record LayerSnapshot(int inputs, int outputs, ActivationKind activation,
                            double[] weights, double[] biases,
                            double[] weightGradients, double[] biasGradients,
                            double[] weightUpdates, double[] biasUpdates,
                            boolean[] frozenWeights, boolean[] frozenBiases,
                            LayerStats stats, NormSnapshot norm, double[] effectiveWeights,
                            boolean[] removedWeights) {

    public LayerSnapshot {
        if (effectiveWeights == null) {
            effectiveWeights = weights;
        }
    }

    /** A layer without batch normalization that computes with its own weights, nothing removed. */
    public LayerSnapshot(int inputs, int outputs, ActivationKind activation, double[] weights, double[] biases,
                         double[] weightGradients, double[] biasGradients, double[] weightUpdates,
                         double[] biasUpdates, boolean[] frozenWeights, boolean[] frozenBiases, LayerStats stats) {
        this(inputs, outputs, activation, weights, biases, weightGradients, biasGradients, weightUpdates, biasUpdates,
                frozenWeights, frozenBiases, stats, null);
    }

    /** A layer that computes with its own weights, nothing removed. */
    public LayerSnapshot(int inputs, int outputs, ActivationKind activation, double[] weights, double[] biases,
                         double[] weightGradients, double[] biasGradients, double[] weightUpdates,
                         double[] biasUpdates, boolean[] frozenWeights, boolean[] frozenBiases, LayerStats stats,
                         NormSnapshot norm) {
        this(inputs, outputs, activation, weights, biases, weightGradients, biasGradients, weightUpdates, biasUpdates,
                frozenWeights, frozenBiases, stats, norm, weights, null);
    }

    public double weight(int out, int in) {
        return weights[out * inputs + in];
    }

    public boolean frozen(int out, int in) {
        return frozenWeights[out * inputs + in];
    }

    /** True when the layer computes with other weights than W (a LoRA adapter, quantization). */
    public boolean computesWithOtherWeights() {
        return effectiveWeights != weights;
    }

    /** True when a what-if removes weight {@code k} ({@code o * inputs + i}). */
    public boolean removed(int k) {
        return removedWeights != null && removedWeights[k];
    }

    /** This layer with the weights a what-if removes marked (null: none). */
    public LayerSnapshot withRemoved(boolean[] removed) {
        return new LayerSnapshot(inputs, outputs, activation, weights, biases, weightGradients, biasGradients,
                weightUpdates, biasUpdates, frozenWeights, frozenBiases, stats, norm, effectiveWeights, removed);
    }
}
