package org.weightlab.session;

import java.util.List;

/**
 * The names a person sees for the parts of a network, the same in the graph, its tooltips and the
 * loss chart's markers: weight layers count from "Layer 1" (the first hidden layer) to "Output";
 * neurons from 1 ("layer 1 neuron 2", "output" or "output 3"); inputs by their feature ("x1").
 * Indices given here are the engine's, from 0.
 */
public final class PartNames {

    private PartNames() {
    }

    /** "Layer 1" for weight layer 0, "Output" for the last of {@code layers}. */
    public static String layer(int layers, int l) {
        return l == layers - 1 ? "Output" : "Layer " + (l + 1);
    }

    /** "layer 1 neuron 2", or "output" ("output 2" when the output layer has several neurons). */
    public static String neuron(int layers, int outputs, int l, int o) {
        if (l == layers - 1) {
            return outputs == 1 ? "output" : "output " + (o + 1);
        }
        return "layer " + (l + 1) + " neuron " + (o + 1);
    }

    /** What feeds input {@code i} of weight layer {@code l}: a feature, or a neuron of the layer before. */
    public static String input(List<String> inputNames, int layers, int l, int i) {
        return l == 0 ? inputNames.get(i) : neuron(layers, -1, l - 1, i);
    }

    /** "x1 \u2192 layer 1 neuron 2". */
    public static String weight(List<String> inputNames, int layers, int outputs, int l, int out, int in) {
        return input(inputNames, layers, l, in) + " \u2192 " + neuron(layers, outputs, l, out);
    }
}
