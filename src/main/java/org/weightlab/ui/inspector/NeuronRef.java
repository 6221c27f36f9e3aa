package org.weightlab.ui.inspector;

/** Neuron {@code out} of weight layer {@code layer} (0 = first hidden layer). */
public record NeuronRef(int layer, int out) {

    public NeuronRef {
        if (layer < 0 || out < 0) {
            throw new IllegalArgumentException("a neuron needs non-negative layer and index, got ("
                    + layer + ", " + out + ")");
        }
    }
}
