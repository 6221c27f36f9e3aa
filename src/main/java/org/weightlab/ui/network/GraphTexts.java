package org.weightlab.ui.network;

import org.weightlab.engine.config.RunConfig;
import org.weightlab.session.LayerSnapshot;
import org.weightlab.session.PartNames;
import org.weightlab.session.TrainingSnapshot;
import org.weightlab.ui.theme.ValueFormat;

/**
 * The graph's words: names of neurons and inputs ({@link PartNames}, the same as the loss chart's
 * markers), and the hover text of an edge, a neuron or a bias, whose last line offers what a
 * click and an Alt+click would do to that part as it is now (freeze, or unfreeze when frozen).
 */
final class GraphTexts {

    private GraphTexts() {
    }

    static String neuronName(TrainingSnapshot s, int l, int o) {
        int layers = s.layers().size();
        return PartNames.neuron(layers, s.layers().get(layers - 1).outputs(), l, o);
    }

    static String inputName(TrainingSnapshot s, int l, int i) {
        return PartNames.input(s.config().inputNames(), s.layers().size(), l, i);
    }

    /** The hint for a part: Alt+click freezes it, or unfreezes it when it is frozen. */
    static String freezeHint(boolean frozen, String part) {
        return "Alt+click to " + (frozen ? "unfreeze" : "freeze") + (part.isEmpty() ? "" : " " + part);
    }

    static String weightTitle(TrainingSnapshot s, EdgeRef r) {
        return "Weight " + inputName(s, r.layer(), r.in()) + " \u2192 " + neuronName(s, r.layer(), r.out());
    }

    static String biasTitle(TrainingSnapshot s, int l, int o) {
        return "Bias of " + neuronName(s, l, o);
    }

    static String describeEdge(TrainingSnapshot s, EdgeRef r) {
        LayerSnapshot ls = s.layers().get(r.layer());
        int k = r.out() * ls.inputs() + r.in();
        return weightTitle(s, r)
                + "\nvalue: " + ValueFormat.precise(ls.weights()[k]) + computesWith(s, ls, r.layer(), k)
                + "\ngradient: " + valueAt(ls.weightGradients(), k)
                + "\nlast update: " + valueAt(ls.weightUpdates(), k)
                + "\nfrozen: " + (ls.frozenWeights()[k] ? "yes" : "no")
                + "\nClick to edit, " + freezeHint(ls.frozenWeights()[k], "");
    }

    static String describeNeuron(TrainingSnapshot s, int l, int o) {
        LayerSnapshot ls = s.layers().get(l);
        String name = neuronName(s, l, o);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + ls.activation().id() + ")"
                + "\nbias: " + ValueFormat.precise(ls.biases()[o])
                + "\nbias gradient: " + valueAt(ls.biasGradients(), o)
                + "\nbias last update: " + valueAt(ls.biasUpdates(), o)
                + "\nfrozen: " + (GraphValues.neuronFrozen(ls, o) ? "yes" : ls.frozenBiases()[o] ? "bias only" : "no")
                + "\n" + freezeHint(GraphValues.neuronFrozen(ls, o), "the neuron");
    }

    static String describeBias(TrainingSnapshot s, int l, int o) {
        LayerSnapshot ls = s.layers().get(l);
        return biasTitle(s, l, o)
                + "\nvalue: " + ValueFormat.precise(ls.biases()[o])
                + "\ngradient: " + valueAt(ls.biasGradients(), o)
                + "\nlast update: " + valueAt(ls.biasUpdates(), o)
                + "\nfrozen: " + (ls.frozenBiases()[o] ? "yes" : "no")
                + "\nClick to edit, " + freezeHint(ls.frozenBiases()[o], "");
    }

    /**
     * For a layer that computes with other weights than its own: "computes with 0.375 (quantized,
     * binary)" or "(with its LoRA adapter)"; empty otherwise.
     */
    static String computesWith(TrainingSnapshot s, LayerSnapshot ls, int l, int k) {
        if (ls.removed(k)) {
            return "\nremoved by the what-if";
        }
        if (!ls.computesWithOtherWeights()) {
            return "";
        }
        RunConfig c = s.config();
        String why = c != null && c.extras().quantization() != null
                ? "quantized, " + c.extras().quantization().label()
                : "with its LoRA adapter";
        if (c != null && c.extras().quantization() != null && c.loraOf(l) != null) {
            why += ", with its LoRA adapter";
        }
        return "\ncomputes with: " + ValueFormat.precise(ls.effectiveWeights()[k]) + " (" + why + ")";
    }

    private static String valueAt(double[] a, int k) {
        return a == null ? "none yet" : ValueFormat.precise(a[k]);
    }
}
