package org.weightlab.engine.config;

/**
 * A LoRA adapter on one dense layer (config field "lora"): the layer computes with
 * W' = W + (alpha / rank) B A, A [rank][in] and B [out][rank] trained, W and the bias frozen.
 *
 * @param layer index into the run export's {@code layers}, 0 = first hidden layer
 * @param rank  r, 1 .. min(in, out) of that layer (checked by {@link RunConfig})
 * @param alpha the scale's numerator, finite and positive
 */
public record LoraSpec(int layer, int rank, double alpha) {

    public LoraSpec {
        if (layer < 0) {
            throw new IllegalArgumentException("lora layer must be 0 or more, got " + layer);
        }
        if (rank < 1) {
            throw new IllegalArgumentException("lora rank must be 1 or more, got " + rank);
        }
        if (!(Double.isFinite(alpha) && alpha > 0)) {
            throw new IllegalArgumentException("lora alpha must be finite and positive, got " + alpha);
        }
    }

    /** s = alpha / rank, the factor on B A. */
    public double scale() {
        return alpha / rank;
    }
}
