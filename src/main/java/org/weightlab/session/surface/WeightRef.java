package org.weightlab.session.surface;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.PartNames;

/**
 * One parameter of a network: the weight from input {@code in} to neuron {@code out} of weight
 * layer {@code layer}, or that neuron's bias when {@code in} is {@link #BIAS}. Indices from 0.
 */
public record WeightRef(int layer, int out, int in) {

    public static final int BIAS = -1;

    public WeightRef {
        if (layer < 0 || out < 0 || in < BIAS) {
            throw new IllegalArgumentException("no such parameter: layer " + layer + ", neuron " + out + ", input " + in);
        }
    }

    public static WeightRef bias(int layer, int out) {
        return new WeightRef(layer, out, BIAS);
    }

    public boolean isBias() {
        return in == BIAS;
    }

    /** Its value in {@code layers} (a snapshot's). */
    public double valueIn(List<LayerSnapshot> layers) {
        LayerSnapshot l = layers.get(layer);
        return isBias() ? l.biases()[out] : l.weight(out, in);
    }

    /** Whether it exists in a network of these layers. */
    public boolean fits(List<LayerSnapshot> layers) {
        if (layer >= layers.size()) {
            return false;
        }
        LayerSnapshot l = layers.get(layer);
        return out < l.outputs() && in < l.inputs();
    }

    /** As a person reads it: "w: x1 → output", "b: output". */
    public String label(List<String> inputNames, int layers, int outputs) {
        return isBias() ? "b: " + PartNames.neuron(layers, outputs, layer, out)
                : "w: " + PartNames.weight(inputNames, layers, outputs, layer, out, in);
    }

    /** Short, for axes: "w" and "b" for a network of one neuron, else "w[L,o,i]" or "b[L,o]" from 1. */
    public String axisName(int layers, int outputs, int inputs) {
        if (layers == 1 && outputs == 1 && inputs == 1) {
            return isBias() ? "b" : "w";
        }
        return isBias() ? "b[" + (layer + 1) + "," + (out + 1) + "]"
                : "w[" + (layer + 1) + "," + (out + 1) + "," + (in + 1) + "]";
    }

    /** Every weight and bias of a network of these layers, layer by layer, each neuron's weights then its bias. */
    public static List<WeightRef> all(List<LayerSnapshot> layers) {
        List<WeightRef> out = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            LayerSnapshot s = layers.get(l);
            for (int o = 0; o < s.outputs(); o++) {
                for (int i = 0; i < s.inputs(); i++) {
                    out.add(new WeightRef(l, o, i));
                }
                out.add(bias(l, o));
            }
        }
        return out;
    }
}
