package org.weightlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.weightlab.engine.BatchNorm;
import org.weightlab.engine.Layer;
import org.weightlab.engine.LoraAdapter;
import org.weightlab.explain.FormulaLine.Kind;

/**
 * The notes under a neuron's z when its layer computes with other weights than its own (weights
 * quantized for quantization-aware training, or a LoRA adapter and its share of z), or normalizes z
 * (batch normalization: the raw sum, and the value evaluation makes of it).
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
        BatchNorm bn = layer.norm();
        if (bn != null) {
            int in = layer.inputs();
            double[] w = layer.effectiveWeightsCopy();
            double z = layer.bias(o);
            for (int i = 0; i < in; i++) {
                z += w[o * in + i] * x[i];
            }
            double s = bn.gammaCopy()[o] / Math.sqrt(bn.runningVarCopy()[o] + BatchNorm.EPS);
            double y = s * (z - bn.runningMeanCopy()[o]) + bn.betaCopy()[o];
            lines.add(FormulaLine.of(Kind.NOTE).word("batch normalization: the sum is ").num(z, "rawZ")
                    .word(" before it is normalized; the value below is evaluation's, γ (z − running mean) / "
                            + "√(running variance + ε) + β = ").num(y, "evalNormalized")
                    .word(". A training step uses its batch's mean and variance instead (the stop after this layer).")
                    .build());
        }
        if (layer.quantizer() != null) {
            lines.add(FormulaLine.of(Kind.NOTE).word("quantized weights (" + layer.quantizer() + "): each w is q(w) of "
                    + "a full-precision weight; the optimizer moves the full-precision weight, and the gradient "
                    + "passes straight through q").build());
        }
        return lines;
    }
}
