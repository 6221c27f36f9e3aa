package org.weightlab.ui.inspector;

/**
 * One weight: from input {@code in} of weight layer {@code layer} to its neuron {@code out}
 * (layer 0 is the first hidden layer, as in {@code TrainingControl}). The inspector and the
 * network graph share the selected edge through an {@code ObjectProperty<EdgeRef>}.
 */
public record EdgeRef(int layer, int out, int in) {

    public EdgeRef {
        if (layer < 0 || out < 0 || in < 0) {
            throw new IllegalArgumentException("an edge needs non-negative layer, out and in, got ("
                    + layer + ", " + out + ", " + in + ")");
        }
    }

    public NeuronRef neuron() {
        return new NeuronRef(layer, out);
    }
}
