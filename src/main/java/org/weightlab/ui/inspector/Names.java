package org.weightlab.ui.inspector;

import org.weightlab.session.TrainingSnapshot;

/** How the inspector names layers, neurons and inputs on screen (layers counted from 1). */
final class Names {

    private Names() {
    }

    static String layer(int layer, int layers) {
        return layer == layers - 1 ? "output layer" : "layer " + (layer + 1);
    }

    static String neuron(int layer, int out, int layers) {
        return "neuron " + (out + 1) + " of " + layer(layer, layers);
    }

    /** Input {@code in} of weight layer {@code layer}: a feature for the first layer, else a neuron below. */
    static String input(TrainingSnapshot s, int layer, int in) {
        if (layer == 0) {
            return in < s.features().size() ? "input " + s.features().get(in).id() : "input " + (in + 1);
        }
        return "neuron " + (in + 1) + " of layer " + layer;
    }

    /** A short tag for bar labels: "x1", "n3". */
    static String inputTag(TrainingSnapshot s, int layer, int in) {
        if (layer == 0 && in < s.features().size()) {
            return s.features().get(in).id();
        }
        return "n" + (in + 1);
    }
}
