package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.Layer;
import org.weightlab.engine.LoraAdapter;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * The notes under a neuron's z when its layer computes with other weights than its own: weights
 * quantized for quantization-aware training, or a LoRA adapter and its share of z.
 */
final class ForwardNotes {

    private ForwardNotes() {
    }

    /** The notes for neuron {@code o} of {@code layer} with input {@code x}; empty for a plain layer. */
    static List<FormulaLine> of(Layer layer, int o, double[] x) {
        List<FormulaLine> lines = new ArrayList<>();
        LoraAdapter adapter = layer.adapter();
        if (adapter != null) {
            int in = layer.inputs();
            double[] delta = adapter.deltaCopy();
            double share = 0;
            for (int i = 0; i < in; i++) {
                share += delta[o * in + i] * x[i];
            }
            lines.add(FormulaLine.of(Kind.NOTE).word("LoRA adapter: each w is W + (\u03b1/r)\u00b7B\u00b7A with \u03b1/r = ")
                    .num(adapter.scale(), "loraScale").word(" (W frozen, only A and B learn); the adapter's share of z is ")
                    .num(share, "loraShare").build());
        }
        if (layer.quantizer() != null) {
            lines.add(FormulaLine.of(Kind.NOTE).word("quantized weights (" + layer.quantizer() + "): each w is q(w) of "
                    + "a full-precision weight; the optimizer moves the full-precision weight, and the gradient "
                    + "passes straight through q").build());
        }
        return lines;
    }
}
