package org.weightlab.compress;

import java.util.Collections;
import java.util.List;
import org.weightlab.engine.Network;

/**
 * Pruning first, then quantization, on a copy. Quantization is per layer, on the weights only
 * (biases keep full precision), over the layer's pruned weights W with their zeros; afterwards the
 * pruned weights are set to 0 again, because binary quantization has no 0 level and would
 * otherwise give every removed weight back the value +mean|W|.
 */
public final class Compressor {

    private Compressor() {
    }

    /**
     * The compressed weights.
     *
     * @param mask  what to remove, or null for no pruning
     * @param quant how to quantize, or null for full precision
     */
    public static WeightSet apply(WeightSet w, PruneMask mask, QuantSpec quant) {
        return applyPerLayer(w, mask, Collections.nCopies(w.layerCount(), quant));
    }

    /**
     * The compressed weights, each layer quantized its own way.
     *
     * @param mask     what to remove, or null for no pruning
     * @param perLayer one entry per layer: how to quantize it, or null for full precision
     */
    public static WeightSet applyPerLayer(WeightSet w, PruneMask mask, List<QuantSpec> perLayer) {
        int layers = w.layerCount();
        if (perLayer.size() != layers) {
            throw new IllegalArgumentException("quantization given for " + perLayer.size() + " layers, the network has "
                    + layers);
        }
        if (mask != null && mask.layerCount() != layers) {
            throw new IllegalArgumentException("the mask has " + mask.layerCount() + " layers, the network " + layers);
        }
        double[][] weights = new double[layers][];
        double[][] biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            double[] wl = w.weights[l].clone();
            double[] bl = w.biases[l].clone();
            if (mask != null) {
                zero(wl, mask.weights(l));
                zero(bl, mask.biases(l));
            }
            QuantSpec quant = perLayer.get(l);
            if (quant != null) {
                wl = Quantizer.quantize(wl, quant);
                if (mask != null) {
                    zero(wl, mask.weights(l));
                }
            }
            weights[l] = wl;
            biases[l] = bl;
        }
        return new WeightSet(weights, biases);
    }

    /** A new network like {@code network}, compressed; {@code network} is only read. */
    public static Network apply(Network network, PruneMask mask, QuantSpec quant) {
        return apply(WeightSet.of(network), mask, quant).toNetwork(network);
    }

    /** Magnitude pruning at {@code spec}'s sparsity (if any), then its quantization (if any). */
    public static Network apply(Network network, CompressionSpec spec) {
        WeightSet w = WeightSet.of(network);
        PruneMask mask = spec.prunes() ? Pruning.magnitude(w, spec.scope()).mask(spec.sparsity()) : null;
        return apply(w, mask, spec.quant()).toNetwork(network);
    }

    private static void zero(double[] values, boolean[] pruned) {
        if (values.length != pruned.length) {
            throw new IllegalArgumentException("the mask holds " + pruned.length + " entries for " + values.length
                    + " values");
        }
        for (int j = 0; j < values.length; j++) {
            if (pruned[j]) {
                values[j] = 0;
            }
        }
    }
}
